/**
 * Organizations (tenants) and their users. Every other aggregate belongs to exactly one organization and
 * refers to it by {@link ai.zelto.domain.organization.OrganizationId}.
 */
package ai.zelto.domain.organization;
