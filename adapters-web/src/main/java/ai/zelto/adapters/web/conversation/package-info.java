/**
 * The Conversations list (filters and search in the URL, keyset pages) and a conversation's page (transcript,
 * player, details, neighbours within the list the reader came from), and the recording streamed to its player.
 */
package ai.zelto.adapters.web.conversation;
