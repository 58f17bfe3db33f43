package ai.zelto.adapters.persistence;

import ai.zelto.application.port.out.UnitOfWork;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import org.jdbi.v3.core.Jdbi;

/**
 * Transactions with {@code jdbi.inTransaction}. Repositories use on-demand DAOs and {@code jdbi.withHandle},
 * which reuse the handle this thread already has open, so they join the transaction.
 */
final class JdbiUnitOfWork implements UnitOfWork {
    private final Jdbi jdbi;
    private final AtomicLong savepoints = new AtomicLong();

    JdbiUnitOfWork(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    @Override
    public <T> T inTransaction(Supplier<T> work) {
        return jdbi.inTransaction(handle -> work.get());
    }

    @Override
    public void isolated(Runnable work) {
        jdbi.useHandle(handle -> {
            if (!handle.isInTransaction()) {
                throw new IllegalStateException("isolated work runs inside a transaction");
            }
            String savepoint = "zelto_" + savepoints.incrementAndGet();
            handle.savepoint(savepoint);
            try {
                work.run();
            } catch (RuntimeException failure) {
                handle.rollbackToSavepoint(savepoint);
                throw failure;
            }
            handle.releaseSavepoint(savepoint);
        });
    }
}
