package ai.zelto.adapters.http.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.zelto.application.spi.provider.JsonLimits;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class IngestMemoryBudgetTest {
    private static final long MIB = 1024 * 1024;

    @Test
    void aBodyIsChargedItsCopiesAndItsParsedTree_theTreeNeverMoreThanTheTokenLimitAllows() {
        assertThat(IngestMemoryBudget.costOf(5_000)).isEqualTo(3 * 5_000 + 60 * 5_000);
        assertThat(IngestMemoryBudget.costOf(10 * MIB)).isEqualTo(30 * MIB + JsonLimits.MAX_PARSED_BYTES);
    }

    @Test
    void theBudget_alwaysHoldsOneBodyOfTheLargestAllowedSize() throws Exception {
        IngestMemoryBudget budget = new IngestMemoryBudget(1, 10 * MIB, Duration.ZERO);

        try (IngestMemoryBudget.Charge charge = budget.open()) {
            charge.cover(10 * MIB);
        }
        assertThat(budget.availableBytes()).isEqualTo(budget.capacityBytes() / 1024 * 1024);
    }

    @Test
    void aChargeThatDoesNotFitInTime_isRefusedAndReleasesWhatItHeld() throws Exception {
        IngestMemoryBudget budget = new IngestMemoryBudget(1, 10 * MIB, Duration.ofMillis(50));
        long free = budget.availableBytes();
        try (IngestMemoryBudget.Charge first = budget.open(); IngestMemoryBudget.Charge second = budget.open()) {
            first.cover(10 * MIB);
            second.cover(5_000);

            assertThatThrownBy(() -> second.cover(10 * MIB)).isInstanceOf(IngestMemoryBudget.Exhausted.class);
            assertThat(budget.availableBytes()).isEqualTo(free - (IngestMemoryBudget.costOf(10 * MIB) + 1023) / 1024 * 1024);
        }
        assertThat(budget.availableBytes()).isEqualTo(free);
    }

    @Test
    void largeBodiesLeaveRoomForSmallOnes() throws Exception {
        IngestMemoryBudget budget = new IngestMemoryBudget(400 * MIB, 1 * MIB, Duration.ofMillis(50));
        int large = 0;
        try (Charges held = new Charges()) {
            while (true) {
                IngestMemoryBudget.Charge charge = budget.open();
                try {
                    charge.cover(1 * MIB);
                } catch (IngestMemoryBudget.Exhausted full) {
                    break;
                }
                held.add(charge);
                large++;
            }
            assertThat(large).isEqualTo(
                    (int) (300 * MIB / (IngestMemoryBudget.costOf(1 * MIB) - IngestMemoryBudget.SMALL_BODY_COST)));
            for (int small = 0; small < 300; small++) {
                IngestMemoryBudget.Charge charge = budget.open();
                charge.cover(5_000);
                held.add(charge);
            }
        }
        assertThat(budget.availableBytes()).isEqualTo(400 * MIB);
    }

    @Test
    void aWaitingChargeGetsInOnceAnotherRequestFinishes() throws Exception {
        IngestMemoryBudget budget = new IngestMemoryBudget(1, 10 * MIB, Duration.ofSeconds(10));
        IngestMemoryBudget.Charge first = budget.open();
        first.cover(10 * MIB);
        Thread releaser = new Thread(() -> {
            sleep(100);
            first.close();
        });
        releaser.start();

        try (IngestMemoryBudget.Charge second = budget.open()) {
            second.cover(10 * MIB);
        }
        releaser.join();
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Charges closed together. */
    private static final class Charges implements AutoCloseable {
        private final java.util.List<IngestMemoryBudget.Charge> all = new java.util.ArrayList<>();

        void add(IngestMemoryBudget.Charge charge) {
            all.add(charge);
        }

        @Override
        public void close() {
            all.forEach(IngestMemoryBudget.Charge::close);
        }
    }
}
