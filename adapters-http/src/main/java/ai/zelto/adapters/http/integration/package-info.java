/** {@code /v1/integrations}: per-provider status. */
package ai.zelto.adapters.http.integration;
