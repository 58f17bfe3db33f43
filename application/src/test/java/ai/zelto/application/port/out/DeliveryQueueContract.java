package ai.zelto.application.port.out;

import static ai.zelto.application.port.out.ContractFixtures.pending;
import static org.assertj.core.api.Assertions.assertThat;

import ai.zelto.application.port.out.DeliveryQueue.CallKey;
import ai.zelto.application.spi.provider.DeliveryContext;
import ai.zelto.domain.delivery.DeliveryId;
import ai.zelto.domain.delivery.DeliveryStatus;
import java.math.BigDecimal;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** What {@link DeliveryRepository} and {@link DeliveryQueue} must do; its ports must hold no deliveries of other tests. */
public abstract class DeliveryQueueContract extends PortContract {
    private DeliveryId store(NewDelivery delivery) {
        ports.deliveries().store(delivery);
        return delivery.id();
    }

    private List<PendingDelivery> claim(int max, long maxBytes) {
        return ports.unitOfWork().inTransaction(() -> ports.deliveryQueue().claim(max, maxBytes));
    }

    @Test
    void pendingDeliveries_areClaimedInReceiveOrder_withWhatWasStored() {
        NewDelivery plain = pending(org, "a", 10);
        Attachment audio = new Attachment("uploads/x/a", "audio/wav", 44, "ab12", new BigDecimal("2.5"));
        NewDelivery first = new NewDelivery(plain.id(), org, plain.provider(), plain.receivedAt(), plain.raw(),
                DeliveryContext.Channel.HOOK_URL, "a", DeliveryStatus.PENDING, null, audio);
        store(first);
        DeliveryId dropped = store(ContractFixtures.dropped(org));
        DeliveryId second = store(pending(org, "b", 10));
        DeliveryId third = store(pending(org, "a", 10));

        List<PendingDelivery> claimed = claim(10, Long.MAX_VALUE);

        assertThat(claimed).extracting(PendingDelivery::id).containsExactly(first.id(), second, third)
                .doesNotContain(dropped);
        PendingDelivery one = claimed.get(0);
        assertThat(one.organizationId()).isEqualTo(org);
        assertThat(one.externalId()).isEqualTo("a");
        assertThat(one.provider()).isEqualTo("zelto");
        assertThat(one.receivedAt()).isEqualTo(first.receivedAt());
        assertThat(one.raw().body()).isEqualTo(first.raw().body());
        assertThat(one.raw().header("X-Test")).contains("1");
        assertThat(one.channel()).isEqualTo(DeliveryContext.Channel.HOOK_URL);
        assertThat(one.attachment()).isEqualTo(audio);
        assertThat(claimed.get(1).attachment()).isNull();
        assertThat(ports.deliveries().pendingCount()).isEqualTo(3);
        assertThat(ports.deliveries().pendingCountUpTo(2)).isEqualTo(2);
        assertThat(ports.deliveries().oldestPendingReceivedAt()).contains(ContractFixtures.NOW);
    }

    @Test
    void aBatch_holdsAtMostMax_andStopsGrowingOnceItsBodiesReachTheByteLimit_butHoldsOne() {
        DeliveryId big = store(pending(org, "a", 3000));
        DeliveryId small = store(pending(org, "b", 500));
        store(pending(org, "c", 500));

        assertThat(claim(10, 1000)).extracting(PendingDelivery::id).containsExactly(big);
        assertThat(claim(2, Long.MAX_VALUE)).extracting(PendingDelivery::id).containsExactly(big, small);
    }

    @Test
    void aFinishedDelivery_isNoLongerPending_andShowsItsOutcome_toItsOrganizationOnly() {
        DeliveryId processed = store(pending(org, "a", 10));
        DeliveryId failed = store(pending(org, "b", 10));

        ports.deliveryQueue().finish(processed, DeliveryStatus.PROCESSED, null, null);
        ports.deliveryQueue().finishAll(List.of(new DeliveryQueue.Finished(failed, DeliveryStatus.FAILED,
                "invalid call", null)));

        assertThat(claim(10, Long.MAX_VALUE)).isEmpty();
        assertThat(ports.deliveries().pendingCount()).isZero();
        assertThat(ports.deliveries().oldestPendingReceivedAt()).isEmpty();
        assertThat(ports.deliveries().find(org, failed)).hasValueSatisfying(view -> {
            assertThat(view.status()).isEqualTo(DeliveryStatus.FAILED);
            assertThat(view.reason()).isEqualTo("invalid call");
        });
        assertThat(ports.deliveries().find(ports.newOrganization(), failed)).isEmpty();
    }

    @Test
    void aDelivery_isHeldBack_byAnEarlierPendingOneOfItsCallOutsideTheBatch() {
        DeliveryId first = store(pending(org, "a", 10));
        DeliveryId second = store(pending(org, "a", 10));
        DeliveryId other = store(pending(org, "b", 10));

        Set<DeliveryId> heldBack = ports.unitOfWork().inTransaction(() -> {
            List<PendingDelivery> claimed = ports.deliveryQueue().claim(10, Long.MAX_VALUE);
            assertThat(claimed).extracting(PendingDelivery::id).containsExactly(first, second, other);
            assertThat(ports.deliveryQueue().heldBackByOthers(claimed)).as("nothing outside the batch").isEmpty();
            return ports.deliveryQueue().heldBackByOthers(claimed.subList(1, 3));
        });

        assertThat(heldBack).containsExactly(second);
    }

    @Test
    void callsNoOneElseHolds_areLocked() {
        Set<CallKey> calls = Set.of(new CallKey(org, "a"), new CallKey(org, "b"));

        assertThat(ports.unitOfWork().inTransaction(() -> ports.deliveryQueue().tryLockCalls(calls)))
                .containsExactlyInAnyOrderElementsOf(calls);
    }
}
