/**
 * Zelto's settings: {@link ai.zelto.app.config.ZeltoConfiguration} and one class per group, each field with its
 * YAML name, its default, its bounds and its environment variable ({@link ai.zelto.app.config.Env}) in one place.
 * Groups that make an adapter from their settings ({@code StorageFactory}, {@code TranscriberFactory}) do so in a
 * {@code build} method, as Dropwizard's own factories do. Wiring lives in {@code app.wiring}, not here.
 */
package ai.zelto.app.config;
