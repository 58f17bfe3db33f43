package ai.zelto.adapters.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

class GroupCommitTest {
    /** A stand-in for the database: what is committed, and the size of each batch. */
    private final Set<Integer> committed = Collections.synchronizedSet(new HashSet<>());
    private final List<Integer> batchSizes = Collections.synchronizedList(new ArrayList<>());

    private void commitSlowly(List<Integer> batch) {
        sleep(5);
        if (batch.contains(-1)) {
            throw new IllegalStateException("a bad row");
        }
        committed.addAll(batch);
        batchSizes.add(batch.size());
    }

    @Test
    void concurrentWritesAreCommittedTogether_andEachReturnsOnlyOnceItsOwnIsCommitted() throws Exception {
        GroupCommit<Integer> commits = new GroupCommit<>("test", 1, 64, this::commitSlowly, one -> commitSlowly(List.of(one)));
        ExecutorService writers = Executors.newFixedThreadPool(32);
        List<Future<Boolean>> writes = new ArrayList<>();
        for (int i = 0; i < 640; i++) {
            int item = i;
            writes.add(writers.submit(() -> {
                commits.write(item);
                return committed.contains(item);
            }));
        }
        for (Future<Boolean> write : writes) {
            assertThat(write.get()).as("committed when write returned").isTrue();
        }
        writers.shutdown();

        assertThat(committed).hasSize(640);
        assertThat(batchSizes.size()).as("batches for 640 writes").isLessThan(640 / 4);
        assertThat(batchSizes).allSatisfy(size -> assertThat(size).isBetween(1, 64));
    }

    @Test
    void aWriteThatFails_failsOnlyItsOwnCaller() throws Exception {
        GroupCommit<Integer> commits = new GroupCommit<>("test", 2, 64, this::commitSlowly, one -> commitSlowly(List.of(one)));
        ExecutorService writers = Executors.newFixedThreadPool(16);
        List<Future<?>> good = new ArrayList<>();
        Future<?> bad = writers.submit(() -> commits.write(-1));
        for (int i = 0; i < 100; i++) {
            int item = i;
            good.add(writers.submit(() -> commits.write(item)));
        }
        for (Future<?> write : good) {
            write.get();
        }
        assertThatThrownBy(bad::get).hasRootCauseMessage("a bad row");
        writers.shutdown();

        assertThat(committed).hasSize(100).doesNotContain(-1);
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Test
    void committersStartWithTheFirstWrite_andEndWhenWritesStop() throws Exception {
        GroupCommit<Integer> commits = new GroupCommit<>("test", 2, 64, this::commitSlowly, one -> commitSlowly(List.of(one)));
        assertThat(commits.committersRunning()).isZero();

        commits.write(1);
        assertThat(commits.committersRunning()).isEqualTo(2);

        Thread.sleep(GroupCommit.IDLE_SECONDS * 1000 + 1000);
        assertThat(commits.committersRunning()).isZero();
        commits.write(2);
        assertThat(committed).containsExactlyInAnyOrder(1, 2);
    }
}
