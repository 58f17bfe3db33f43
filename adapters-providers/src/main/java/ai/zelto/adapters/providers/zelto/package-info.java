/** The {@code zelto} provider plugin: the canonical call shape, untagged. */
package ai.zelto.adapters.providers.zelto;
