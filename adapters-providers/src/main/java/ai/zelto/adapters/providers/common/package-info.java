/**
 * What the built-in plugins share: the reader of Zelto's canonical call shape and JSON helpers. Public only
 * so the plugin packages can use it; it is not part of the SPI.
 */
package ai.zelto.adapters.providers.common;
