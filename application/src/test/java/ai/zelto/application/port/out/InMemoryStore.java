package ai.zelto.application.port.out;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * The state of a set of in-memory fakes, and their {@link UnitOfWork}: a transaction or an isolated piece of work
 * keeps a copy of every fake's state and puts it back when the work fails, as a rollback would. Fakes are for one
 * thread at a time (a unit test), which is what makes this copy enough.
 */
public final class InMemoryStore implements UnitOfWork {
    /** A fake's state, as far as a rollback must restore it. */
    interface Part {
        Object snapshot();

        void restore(Object snapshot);

        /** The outermost transaction ended (committed or rolled back): what it held is released. */
        default void transactionEnded() {
        }
    }

    private final List<Part> parts = new ArrayList<>();
    private int depth;
    private int transactions;

    <P extends Part> P register(P part) {
        parts.add(part);
        return part;
    }

    @Override
    public synchronized <T> T inTransaction(Supplier<T> work) {
        if (depth > 0) {
            return work.get();
        }
        transactions++;
        List<Object> before = snapshot();
        depth++;
        try {
            return work.get();
        } catch (RuntimeException | Error failure) {
            restore(before);
            throw failure;
        } finally {
            depth--;
            parts.forEach(Part::transactionEnded);
        }
    }

    @Override
    public synchronized void isolated(Runnable work) {
        if (depth == 0) {
            throw new IllegalStateException("isolated work runs inside a transaction");
        }
        List<Object> before = snapshot();
        try {
            work.run();
        } catch (RuntimeException failure) {
            restore(before);
            throw failure;
        }
    }

    /** How many outermost transactions have run, committed or not. */
    public int transactions() {
        return transactions;
    }

    private List<Object> snapshot() {
        return parts.stream().map(Part::snapshot).toList();
    }

    private void restore(List<Object> snapshot) {
        for (int i = 0; i < parts.size(); i++) {
            parts.get(i).restore(snapshot.get(i));
        }
    }
}
