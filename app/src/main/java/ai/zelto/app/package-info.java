/**
 * The composition root: the Dropwizard application and its entry point. Settings are in {@code app.config}, the
 * wiring of each feature in {@code app.wiring}, the database start-up in {@code app.db}, the CLI commands in
 * {@code app.cli} and the cryptography behind two ports in {@code app.secrets}. The only code that constructs
 * adapters and hands them to use cases.
 */
package ai.zelto.app;
