/**
 * The PostgreSQL Zelto runs on: the configured one, or the embedded one kept in the data directory (and shared
 * with CLI commands while the server runs), and the connection pool's settings.
 */
package ai.zelto.app.db;
