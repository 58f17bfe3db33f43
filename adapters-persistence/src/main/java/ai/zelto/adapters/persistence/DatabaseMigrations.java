package ai.zelto.adapters.persistence;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Map;
import javax.sql.DataSource;
import liquibase.Scope;
import liquibase.UpdateSummaryOutputEnum;
import liquibase.command.CommandScope;
import liquibase.command.core.UpdateCommandStep;
import liquibase.command.core.helpers.DbUrlConnectionArgumentsCommandStep;
import liquibase.command.core.helpers.ShowSummaryArgument;
import liquibase.database.Database;
import liquibase.database.DatabaseFactory;
import liquibase.database.jvm.JdbcConnection;
import liquibase.ui.LoggerUIService;

/**
 * Brings a database's schema up to date with the changelogs on the classpath. Safe to run from several app
 * copies at once: Liquibase takes its own lock table. Liquibase's usage analytics are switched off: an install
 * makes no outbound calls.
 */
public final class DatabaseMigrations {
    static final String CHANGELOG = "db/changelog/zelto-changelog.xml";

    private DatabaseMigrations() {
    }

    public static void migrate(DataSource dataSource) {
        migrate(dataSource, CHANGELOG);
    }

    /** Applies the changelog at this classpath location (a test brings a database to an earlier release). */
    static void migrate(DataSource dataSource, String changelog) {
        System.setProperty("liquibase.analytics.enabled", "false");
        try (Connection connection = dataSource.getConnection()) {
            Database database = DatabaseFactory.getInstance()
                    .findCorrectDatabaseImplementation(new JdbcConnection(connection));
            // Progress goes to the log, not to the console, where the server prints only what a person needs.
            Scope.child(Map.of("liquibase.analytics.enabled", false, "liquibase.showBanner", false,
                    Scope.Attr.ui.name(), new LoggerUIService()), () ->
                    new CommandScope(UpdateCommandStep.COMMAND_NAME)
                            .addArgumentValue(DbUrlConnectionArgumentsCommandStep.DATABASE_ARG, database)
                            .addArgumentValue(UpdateCommandStep.CHANGELOG_FILE_ARG, changelog)
                            .addArgumentValue(ShowSummaryArgument.SHOW_SUMMARY_OUTPUT, UpdateSummaryOutputEnum.LOG)
                            .execute());
        } catch (SQLException e) {
            throw new IllegalStateException("could not connect to the database to migrate it: " + e.getMessage(), e);
        } catch (Exception e) {
            throw new IllegalStateException("database migration failed: " + e.getMessage(), e);
        }
    }
}
