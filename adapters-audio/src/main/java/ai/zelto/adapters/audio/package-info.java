/**
 * Audio adapters: the safe fetcher of recordings from caller-supplied URLs, and transcription engines.
 * Implements application ports; nothing here is called by other adapters.
 */
package ai.zelto.adapters.audio;
