/**
 * Read use cases behind the /v1 API: conversations, agents, deliveries and credits (integrations are read in
 * {@code service.integration}). Every query is scoped to the caller's organization.
 */
package ai.zelto.application.service.query;
