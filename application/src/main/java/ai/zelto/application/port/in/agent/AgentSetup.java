package ai.zelto.application.port.in.agent;

import ai.zelto.domain.agent.Architecture;

/**
 * A new agent's people-editable fields.
 *
 * @param name             required
 * @param architecture     required
 * @param livekitAgentName the agent name its LiveKit Agents worker registered under, or null
 * @param externalId       the id deliveries name it by ({@code agent.externalId} with provider {@code zelto}), or null
 * @param systemPrompt     or null
 * @param model            the model a text agent chats with, or null for the model API's default
 */
public record AgentSetup(String name, Architecture architecture, String livekitAgentName, String externalId,
                         String systemPrompt, String model) {
}
