package ai.zelto.application.service.voice;

import ai.zelto.domain.agent.Agent;
import java.util.Optional;

/** Whether an agent can take a call that people speak in: a voice architecture and a LiveKit worker to run it. */
public final class VoiceAgents {
    private VoiceAgents() {
    }

    /** What keeps the agent from taking voice calls, in words that say how to fix it; empty when nothing does. */
    public static Optional<String> problem(Agent agent) {
        if (agent.architecture() == null) {
            return Optional.of("agent " + agent.id() + " has no architecture: set it to pipeline or realtime"
                    + " (PATCH /v1/agents/" + agent.id() + ")");
        }
        if (!agent.architecture().isVoice()) {
            return Optional.of("agent " + agent.id() + " is a text agent: text agents cannot handle voice; start a"
                    + " chat session instead");
        }
        if (agent.livekitAgentName() == null) {
            return Optional.of("agent " + agent.id() + " has no livekitAgentName: set the agent name its LiveKit"
                    + " worker registered with (PATCH /v1/agents/" + agent.id() + ")");
        }
        return Optional.empty();
    }

    /**
     * @throws VoiceRefusals.NotAVoiceAgent when the agent cannot take voice calls
     */
    public static void require(Agent agent) {
        problem(agent).ifPresent(problem -> {
            throw new VoiceRefusals.NotAVoiceAgent(problem);
        });
    }
}
