/**
 * The composition root: the Dropwizard application, its configuration (YAML and environment), the embedded
 * PostgreSQL, plugin loading and the CLI. The only code that constructs adapters and hands them to use cases.
 */
package ai.zelto.app;
