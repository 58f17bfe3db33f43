package ai.zelto.adapters.persistence;

import java.util.HashMap;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/**
 * Which handle a repository call uses: the transaction this thread has open through {@link JdbiUnitOfWork}, or
 * else a handle of its own for that one call (auto-commit). Explicit, so that joining a transaction never
 * depends on how a connection pool or an extension proxy binds handles to threads. Every call's failure leaves
 * here classified ({@link StorageFailures}): the rest of the application never sees a SQLSTATE.
 */
final class Handles {
    private final Jdbi jdbi;
    private final ThreadLocal<Handle> current = new ThreadLocal<>();
    /**
     * The DAOs attached to the last handle this thread used: attaching a SqlObject costs about as much as a
     * simple statement, and a worker's transaction makes dozens of calls on one handle.
     */
    private final ThreadLocal<Attached> attached = new ThreadLocal<>();

    private record Attached(Handle handle, Map<Class<?>, Object> daos) {
    }

    Handles(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    <R> R with(Function<Handle, R> work) {
        Handle handle = current.get();
        try {
            return handle != null ? work.apply(handle) : jdbi.withHandle(work::apply);
        } catch (RuntimeException failure) {
            throw StorageFailures.classify(failure);
        }
    }

    /**
     * Runs a SqlObject DAO method on a handle of its own, committed at once, even inside a transaction: for
     * idempotent writes that must not hold locks until a long transaction ends.
     */
    <D, R> R independently(Class<D> type, Function<D, R> call) {
        try (Handle handle = jdbi.open()) {
            return call.apply(handle.attach(type));
        } catch (RuntimeException failure) {
            throw StorageFailures.classify(failure);
        }
    }

    /** Runs a SqlObject DAO method on the current handle. */
    <D, R> R dao(Class<D> type, Function<D, R> call) {
        return with(handle -> call.apply(attach(handle, type)));
    }

    /** Runs a SqlObject DAO method that returns nothing on the current handle. */
    <D> void use(Class<D> type, Consumer<D> call) {
        with(handle -> {
            call.accept(attach(handle, type));
            return null;
        });
    }

    private <D> D attach(Handle handle, Class<D> type) {
        Attached last = attached.get();
        if (last == null || last.handle() != handle) {
            last = new Attached(handle, new HashMap<>());
            attached.set(last);
        }
        return type.cast(last.daos().computeIfAbsent(type, handle::attach));
    }

    <T> T inTransaction(Supplier<T> work) {
        if (current.get() != null) {
            return work.get();
        }
        try {
            return jdbi.inTransaction(handle -> {
                current.set(handle);
                try {
                    return work.get();
                } finally {
                    current.remove();
                    attached.remove();
                }
            });
        } catch (RuntimeException failure) {
            throw StorageFailures.classify(failure);
        }
    }

    /** The handle of the transaction this thread has open, or {@code null}. */
    Handle transactionHandle() {
        return current.get();
    }
}
