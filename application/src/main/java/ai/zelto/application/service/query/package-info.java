/** Read use cases behind the /v1 API: conversations, agents, deliveries, integrations and credits. */
package ai.zelto.application.service.query;
