/**
 * The CLI commands ({@code keys}, {@code orgs}, {@code audit}): each runs the same wired use cases as the server,
 * on the configured database or the embedded one (attaching to a running server's). A new key's secret is printed
 * to the console once, never logged.
 */
package ai.zelto.app.cli;
