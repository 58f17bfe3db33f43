package ai.zelto.app;

/** Canonical upload bodies for the tests. */
final class CanonicalBodies {
    private CanonicalBodies() {
    }

    static String withTranscript(String externalId, String agentExternalId) {
        return """
                {"call": {"externalId": "%s", "durationSeconds": 95, "startedAt": "2026-05-01T10:00:00Z"},
                 "agent": {"externalId": "%s", "name": "Support bot"},
                 "transcript": {"turns": [
                   {"role": "system", "text": "You are a helpful agent."},
                   {"role": "user", "text": "Hi", "startSeconds": 0.5, "endSeconds": 1.0},
                   {"role": "assistant", "text": "Hello!", "startSeconds": 1.2, "endSeconds": 2.0}]}}
                """.formatted(externalId, agentExternalId);
    }

    static String recordingOnly(String externalId, String agentExternalId, String url) {
        return """
                {"call": {"externalId": "%s", "recordingUrl": "%s"}, "agent": {"externalId": "%s"}}
                """.formatted(externalId, url, agentExternalId);
    }
}
