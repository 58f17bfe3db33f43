package ai.zelto.app.db;

import ai.zelto.app.config.ZeltoConfiguration;
import io.dropwizard.db.DataSourceFactory;
import io.dropwizard.util.Duration;
import java.util.Map;
import javax.sql.DataSource;
import org.postgresql.ds.PGSimpleDataSource;

/** The connection pool settings for a {@link DatabaseTarget}. */
public final class Databases {
    private Databases() {
    }

    /**
     * A connection source outside the pool, for schema migrations: Liquibase changes connection state
     * (autocommit) that must not leak into pooled connections.
     */
    public static DataSource unpooled(DatabaseTarget target) {
        PGSimpleDataSource dataSource = new PGSimpleDataSource();
        dataSource.setUrl(target.url());
        if (target.user() != null) {
            dataSource.setUser(target.user());
        }
        if (target.password() != null) {
            dataSource.setPassword(target.password());
        }
        dataSource.setApplicationName("zelto-migrations");
        return dataSource;
    }

    public static DataSourceFactory dataSourceFactory(DatabaseTarget target, ZeltoConfiguration config) {
        DataSourceFactory factory = new DataSourceFactory();
        factory.setDriverClass("org.postgresql.Driver");
        factory.setUrl(target.url());
        factory.setUser(target.user());
        factory.setPassword(target.password());
        factory.setMinSize(2);
        factory.setInitialSize(2);
        factory.setMaxSize(config.getDatabase().getMaxConnections());
        factory.setValidationQuery("/* zelto health check */ SELECT 1");
        factory.setCheckConnectionOnBorrow(true);
        factory.setMaxWaitForConnection(Duration.seconds(5));
        // A connection must never come out of the pool inside someone else's transaction: JDBI would take
        // "autocommit off" for a transaction of its own and never commit what it writes.
        factory.setAutoCommitByDefault(true);
        factory.setRollbackOnReturn(true);
        // Every statement is planned with its own parameters. A plan cached for a prepared statement is kept
        // until the next ANALYZE, so one made while a table was nearly empty (a fresh install under load) went
        // on scanning the whole table for a single row for up to a minute while the table grew.
        factory.setProperties(Map.of("ApplicationName", "zelto", "connectTimeout", "5", "socketTimeout", "60",
                "options", "-c plan_cache_mode=force_custom_plan"));
        return factory;
    }
}
