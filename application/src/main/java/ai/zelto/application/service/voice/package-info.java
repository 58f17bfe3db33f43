/** Voice sessions on LiveKit: rooms, tokens, the organization's LiveKit server, and LiveKit's webhooks. */
package ai.zelto.application.service.voice;
