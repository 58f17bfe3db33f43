/**
 * PostgreSQL storage with JDBI 3: one SqlObject DAO per aggregate, repositories implementing the application's
 * ports, and the Liquibase migrations. Only {@link ai.zelto.adapters.persistence.JdbiPersistence} and
 * {@link ai.zelto.adapters.persistence.DatabaseMigrations} are public; nothing outside sees SQL or JDBI types.
 */
package ai.zelto.adapters.persistence;
