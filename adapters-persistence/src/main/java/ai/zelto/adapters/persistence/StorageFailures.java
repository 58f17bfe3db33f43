package ai.zelto.adapters.persistence;

import ai.zelto.application.failure.StorageFailure;
import java.net.ConnectException;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;

/**
 * The one place PostgreSQL's failures are classified into the application's {@link StorageFailure} kinds, by
 * SQLSTATE class: {@code 40} (transaction rollback: deadlock, serialization failure) is a conflict; {@code 08}
 * (connection), {@code 57P} (operator intervention: shutdown) and {@code 53} (insufficient resources) mean the
 * database is unavailable, as do a refused connection and the pool giving up waiting for one. Anything else is
 * left as it is: it may be about the data at hand.
 */
final class StorageFailures {
    private StorageFailures() {
    }

    /** The failure as the application's kind of storage failure, or itself when it is none of them. */
    static RuntimeException classify(RuntimeException failure) {
        if (failure instanceof StorageFailure) {
            return failure;
        }
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof SQLException sql && sql.getSQLState() != null) {
                String state = sql.getSQLState();
                if (state.startsWith("40")) {
                    return new StorageFailure.Conflict(describe(sql), failure);
                }
                if (state.startsWith("08") || state.startsWith("57P") || state.startsWith("53")) {
                    return new StorageFailure.Unavailable(describe(sql), failure);
                }
            }
            // tomcat-jdbc's PoolExhaustedException (Dropwizard's pool), named rather than imported: the adapter
            // does not depend on the pool the application chooses
            if (cause instanceof SQLTransientConnectionException || cause instanceof ConnectException
                    || cause.getClass().getName().endsWith("PoolExhaustedException")) {
                return new StorageFailure.Unavailable(String.valueOf(cause.getMessage()), failure);
            }
        }
        return failure;
    }

    private static String describe(SQLException sql) {
        return "SQLSTATE " + sql.getSQLState() + ": " + sql.getMessage();
    }
}
