/**
 * The provider plugin SPI: what a third party implements to teach Zelto a new webhook shape. Small and stable:
 * interfaces evolve only by adding default methods, and {@code CanonicalCall} only by adding builder methods
 * (plugins build it with {@code CanonicalCall.builder}, never with its constructor). Nothing here depends on
 * the rest of Zelto, so a plugin needs only this package.
 */
package ai.zelto.application.spi.provider;
