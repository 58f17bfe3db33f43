/** Integration use cases: per-organization provider settings, hook URLs, and the provider status list. */
package ai.zelto.application.service.integration;
