package ai.zelto.adapters.persistence;

import ai.zelto.application.port.out.UnitOfWork;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import org.jdbi.v3.core.Handle;

/**
 * Transactions with {@code jdbi.inTransaction}; the repositories join them through {@link Handles}.
 */
final class JdbiUnitOfWork implements UnitOfWork {
    private final Handles handles;
    private final AtomicLong savepoints = new AtomicLong();

    JdbiUnitOfWork(Handles handles) {
        this.handles = handles;
    }

    @Override
    public <T> T inTransaction(Supplier<T> work) {
        return handles.inTransaction(work);
    }

    @Override
    public void isolated(Runnable work) {
        Handle handle = handles.transactionHandle();
        if (handle == null) {
            throw new IllegalStateException("isolated work runs inside a transaction");
        }
        String savepoint = "zelto_" + savepoints.incrementAndGet();
        try {
            handle.savepoint(savepoint);
            try {
                work.run();
            } catch (RuntimeException failure) {
                try {
                    handle.rollbackToSavepoint(savepoint);
                } catch (RuntimeException rollbackFailed) {
                    rollbackFailed.addSuppressed(failure);
                    throw rollbackFailed;
                }
                throw failure;
            }
            handle.releaseSavepoint(savepoint);
        } catch (RuntimeException failure) {
            throw StorageFailures.classify(failure);
        }
    }
}
