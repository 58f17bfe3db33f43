/** {@code /v1/agents}: resources and response records for reading agents and their versions. */
package ai.zelto.adapters.http.agent;
