package ai.zelto.application.port.in.apikey;

import ai.zelto.domain.organization.OrganizationId;

/**
 * @param organizationId the org, or {@code null} for "the only organization there is"
 * @param actor          who creates it, for the audit log ({@code cli}, {@code user:<id>})
 */
public record CreateApiKeyCommand(OrganizationId organizationId, String name, String actor) {
}
