package ai.zelto.application.service.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import ai.zelto.domain.agent.AgentReference;
import ai.zelto.domain.conversation.CallIngest;
import ai.zelto.domain.delivery.DeliveryId;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class RecentTranslationsTest {
    private static CallIngest call(String externalId) {
        return new CallIngest(externalId, new AgentReference.ByExternalId("agent", null), null, null, null, null, null,
                null, null, null, null, null, List.of(), null, null, false);
    }

    @Test
    void aKeptCall_isTakenOnce() {
        RecentTranslations recent = new RecentTranslations(10, 1_000_000);
        DeliveryId id = DeliveryId.newId();
        recent.keep(id, call("a"), 5_000);

        assertThat(recent.take(id)).contains(call("a"));
        assertThat(recent.take(id)).isEmpty();
        assertThat(recent.size()).isZero();
        assertThat(recent.bodyBytes()).isZero();
    }

    @Test
    void whenFull_aNewCallIsNotKept_soTheOldestStayForTheWorker() {
        RecentTranslations recent = new RecentTranslations(3, 1_000_000);
        List<DeliveryId> ids = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            ids.add(DeliveryId.newId());
            recent.keep(ids.get(i), call("c" + i), 100, 0);
        }

        assertThat(recent.size()).isEqualTo(3);
        assertThat(recent.take(ids.get(0))).contains(call("c0"));
        assertThat(recent.take(ids.get(3))).isEmpty();
        assertThat(recent.take(ids.get(4))).isEmpty();
    }

    @Test
    void theBodiesBound_countsLikeTheCount() {
        RecentTranslations recent = new RecentTranslations(100, 10_000);
        DeliveryId first = DeliveryId.newId();
        DeliveryId second = DeliveryId.newId();
        DeliveryId third = DeliveryId.newId();
        recent.keep(first, call("1"), 4_000, 0);
        recent.keep(second, call("2"), 4_000, 0);
        recent.keep(third, call("3"), 4_000, 0);

        assertThat(recent.bodyBytes()).isEqualTo(8_000);
        assertThat(recent.take(first)).isPresent();
        assertThat(recent.take(second)).isPresent();
        assertThat(recent.take(third)).isEmpty();
    }

    @Test
    void callsNobodyTook_makeRoomOnceOld() {
        RecentTranslations recent = new RecentTranslations(2, 1_000_000);
        DeliveryId stale = DeliveryId.newId();
        DeliveryId recent1 = DeliveryId.newId();
        DeliveryId fresh = DeliveryId.newId();
        recent.keep(stale, call("stale"), 100, 0);
        recent.keep(recent1, call("recent"), 100, RecentTranslations.MAX_AGE_NANOS / 2);
        recent.keep(fresh, call("fresh"), 100, RecentTranslations.MAX_AGE_NANOS + 1);

        assertThat(recent.take(stale)).isEmpty();
        assertThat(recent.take(recent1)).isPresent();
        assertThat(recent.take(fresh)).isPresent();
    }

    @Test
    void aLargeBody_isNotKept_andAForgottenOneIsGone() {
        RecentTranslations recent = RecentTranslations.forHeap(512L * 1024 * 1024);
        DeliveryId large = DeliveryId.newId();
        recent.keep(large, call("large"), RecentTranslations.LARGEST_BODY + 1);
        DeliveryId forgotten = DeliveryId.newId();
        recent.keep(forgotten, call("forgotten"), 100);
        recent.forget(forgotten);

        assertThat(recent.take(large)).isEmpty();
        assertThat(recent.take(forgotten)).isEmpty();
        assertThat(recent.bodyBytes()).isZero();
    }
}
