/** Agents people create and configure. */
package ai.zelto.application.service.agent;
