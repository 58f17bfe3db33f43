package ai.zelto.application.port.in.voice;

/**
 * What a person needs to join: the room, their token (valid one hour), the LiveKit URL for browsers and the
 * agent's display name.
 */
public record StartedVoiceSession(String roomName, String token, String livekitUrl, String agentName) {
}
