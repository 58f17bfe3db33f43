package ai.zelto.domain.agent;

import ai.zelto.domain.organization.OrganizationId;
import ai.zelto.domain.shared.ValidationException;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * An AI agent of an organization, identified within the org by the provider it runs on and the caller's own
 * external id (which an agent created through the API may lack). Its name comes from the first delivery that
 * carries one and is never overwritten by later ones; people may rename it.
 *
 * @param architecture     how it talks, or null while nobody said (agents found by ingestion)
 * @param livekitAgentName the agent name its LiveKit Agents worker registered under, for dispatch; or null
 * @param systemPrompt     the prompt people configured here (a call's own prompt is kept on the call), or null
 * @param model            the model a text agent chats with, on the organization's or the server's model API;
 *                         null for that API's default
 */
public record Agent(AgentId id, OrganizationId organizationId, String provider, String externalId, String name,
                    Architecture architecture, String livekitAgentName, String systemPrompt, String model,
                    Instant createdAt, Instant lastCallAt) {
    public static final int MAX_EXTERNAL_ID_LENGTH = 255;
    public static final int MAX_NAME_LENGTH = 200;
    public static final int MAX_SYSTEM_PROMPT_LENGTH = 100_000;
    /** A model's name as chat-completions APIs take it: {@code gpt-4o-mini}, {@code llama3.2:3b}, {@code org/name}. */
    private static final Pattern MODEL = Pattern.compile("[\\x21-\\x7E]{1,200}");
    /** LiveKit allows any string; Zelto keeps worker names to what fits a command line and a log line. */
    private static final Pattern WORKER_NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._:-]{0,127}");

    public Agent {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(organizationId, "organizationId");
        Objects.requireNonNull(provider, "provider");
        Objects.requireNonNull(createdAt, "createdAt");
    }

    /** An agent as ingestion finds it: no architecture, worker or prompt yet. */
    public static Agent found(AgentId id, OrganizationId organizationId, String provider, String externalId,
                              String name, Instant createdAt, Instant lastCallAt) {
        return new Agent(id, organizationId, provider, externalId, name, null, null, null, null, createdAt,
                lastCallAt);
    }

    /** The name to show: the one given by a delivery, else the external id, else the id. */
    public String displayName() {
        if (name != null) {
            return name;
        }
        return externalId != null ? externalId : id.toString();
    }

    /** This agent with its people-editable fields replaced, after checking them. */
    public Agent withSetup(String newName, String newExternalId, Architecture newArchitecture,
                           String newLivekitAgentName, String newSystemPrompt, String newModel) {
        Map<String, String> errors = check(newName, newExternalId, newLivekitAgentName, newSystemPrompt, newModel);
        if (!errors.isEmpty()) {
            throw new ValidationException(errors);
        }
        return new Agent(id, organizationId, provider, newExternalId, newName, newArchitecture, newLivekitAgentName,
                newSystemPrompt, newModel, createdAt, lastCallAt);
    }

    /** What is wrong with these values, by JSON field name; empty when nothing is. */
    public static Map<String, String> check(String name, String externalId, String livekitAgentName,
                                            String systemPrompt, String model) {
        Map<String, String> errors = new LinkedHashMap<>();
        if (name != null && (name.isBlank() || name.length() > MAX_NAME_LENGTH)) {
            errors.put("name", "must be 1 to " + MAX_NAME_LENGTH + " characters, not only spaces");
        }
        if (externalId != null && (externalId.isEmpty() || externalId.length() > MAX_EXTERNAL_ID_LENGTH)) {
            errors.put("externalId", "must be 1 to " + MAX_EXTERNAL_ID_LENGTH + " characters");
        }
        if (livekitAgentName != null && !WORKER_NAME.matcher(livekitAgentName).matches()) {
            errors.put("livekitAgentName", "must be the name your LiveKit worker registered with: 1 to 128 letters,"
                    + " digits, '.', '_', ':' or '-', starting with a letter or digit");
        }
        if (systemPrompt != null && systemPrompt.length() > MAX_SYSTEM_PROMPT_LENGTH) {
            errors.put("systemPrompt", "must be at most " + MAX_SYSTEM_PROMPT_LENGTH + " characters");
        }
        if (model != null && !MODEL.matcher(model).matches()) {
            errors.put("model", "must be a model's name as your model API knows it (such as gpt-4o-mini or"
                    + " llama3.2:3b): 1 to 200 characters, no spaces");
        }
        return errors;
    }
}
