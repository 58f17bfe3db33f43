/**
 * PostgreSQL storage with JDBI 3: repositories implementing the application's ports, and the Liquibase
 * migrations. Two data-access styles live here: SqlObject DAOs ({@code XxxDao}) for agents, API keys, credits,
 * deliveries and organizations, and the fluent {@code Handle} API with hand-written row mappers for the rest
 * (conversations and their list query, recordings, integrations and their statistics, the audit log, jobs, system
 * values). For new code: a DAO when the statements are fixed text, the fluent API when a statement is assembled at
 * run time. Every call goes through {@code Handles}, which joins the unit of work and classifies failures
 * ({@code StorageFailures}). Only {@link ai.zelto.adapters.persistence.JdbiPersistence} and
 * {@link ai.zelto.adapters.persistence.DatabaseMigrations} are public; nothing outside sees SQL or JDBI types.
 */
package ai.zelto.adapters.persistence;
