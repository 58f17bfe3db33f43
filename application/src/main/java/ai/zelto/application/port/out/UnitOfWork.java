package ai.zelto.application.port.out;

import java.util.function.Supplier;

/**
 * Runs work that spans repositories in one database transaction. Repositories called inside join it.
 */
public interface UnitOfWork {
    /** Runs the work in a transaction: committed when it returns, rolled back when it throws. */
    <T> T inTransaction(Supplier<T> work);

    /**
     * Inside a transaction, runs the work so that if it throws, only its own changes are undone (a savepoint)
     * and the exception is rethrown; the surrounding transaction stays usable.
     */
    void isolated(Runnable work);
}
