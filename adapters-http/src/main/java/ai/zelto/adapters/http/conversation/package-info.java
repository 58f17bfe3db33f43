/** {@code /v1/conversations}: resources and response records for reading conversations. */
package ai.zelto.adapters.http.conversation;
