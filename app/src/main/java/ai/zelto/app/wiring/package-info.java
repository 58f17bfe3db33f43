/**
 * Wiring, one class per feature ({@link ai.zelto.app.wiring.Feature}), on a shared
 * {@link ai.zelto.app.wiring.Foundation}; {@link ai.zelto.app.wiring.ZeltoCore} builds them all for the server,
 * the CLI and tests. Also the provider plugin loader and the health checks. Policy does not belong here: a
 * constant or decision that is part of a feature's behaviour lives in the application with the feature.
 */
package ai.zelto.app.wiring;
