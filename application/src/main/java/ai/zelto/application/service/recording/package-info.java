/** Recording use cases: the durable copy and transcription jobs, and playback of the stored copy. */
package ai.zelto.application.service.recording;
