/** Voice sessions: LiveKit rooms Zelto creates for a person to talk to an agent. */
package ai.zelto.domain.voice;
