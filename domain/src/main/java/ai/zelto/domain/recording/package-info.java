/**
 * Recordings: Zelto's own copy of a conversation's audio, its status, and recognizing audio by its bytes.
 * Fetching and storing are application ports.
 */
package ai.zelto.domain.recording;
