package ai.zelto.application.service.ingest;

import static ai.zelto.application.service.ingest.ScriptedTranslator.call;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.zelto.application.failure.StorageFailure;
import ai.zelto.application.port.out.ConversationRepository;
import ai.zelto.application.port.out.DeliveryQueue.CallKey;
import ai.zelto.application.port.out.JobQueue;
import ai.zelto.application.spi.provider.CanonicalCall;
import ai.zelto.application.spi.provider.Translation;
import ai.zelto.domain.conversation.Conversation;
import ai.zelto.domain.conversation.ConversationId;
import ai.zelto.domain.credit.Credits;
import ai.zelto.domain.delivery.DeliveryId;
import ai.zelto.domain.delivery.DeliveryStatus;
import ai.zelto.domain.organization.OrganizationId;
import java.util.Collection;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The worker's branches, on in-memory fakes: each runs in milliseconds. */
class ProcessDeliveriesServiceTest {
    private final IngestFixture fixture = new IngestFixture(50);

    private DeliveryStatus status(DeliveryId id) {
        return fixture.deliveries.row(id).status();
    }

    private Conversation conversation(String externalId) {
        return fixture.conversations.findByExternalId(fixture.org, externalId).orElseThrow();
    }

    @Test
    void aCallsDeliveries_areMergedInReceiveOrder_andChargedOnce() {
        DeliveryId first = fixture.upload(fixture.plugin.delivery("first", call("call-1", 30, "Hi")));
        DeliveryId second = fixture.upload(fixture.plugin.delivery("second", call("call-1", 150, "Hello again")));

        assertThat(fixture.processing.processBatch()).isEqualTo(2);

        Conversation merged = conversation("call-1");
        assertThat(merged.durationSeconds()).isEqualByComparingTo("150");
        assertThat(merged.turns()).extracting(turn -> turn.text()).containsExactly("Hello again");
        assertThat(fixture.credits.charges()).containsOnlyKeys(merged.id());
        assertThat(fixture.credits.charges().get(merged.id()).amount()).isEqualTo(Credits.of(3));
        assertThat(status(first)).isEqualTo(DeliveryStatus.PROCESSED);
        assertThat(status(second)).isEqualTo(DeliveryStatus.PROCESSED);
        assertThat(fixture.store.transactions()).as("one transaction for the batch").isEqualTo(1);
    }

    @Test
    void aPoisonedDelivery_failsAlone_afterACarefulRerun_andTheRestOfTheBatchGoesThrough() {
        DeliveryId good = fixture.upload(fixture.plugin.delivery("good", call("call-1", 30, "Hi")));
        String unknownAgent = UUID.randomUUID().toString();
        DeliveryId poisoned = fixture.upload(fixture.plugin.delivery("poisoned", new Translation.Accepted(
                CanonicalCall.builder("call-2").agentId(unknownAgent).build())));
        DeliveryId after = fixture.upload(fixture.plugin.delivery("after", call("call-3", 30, "Bye")));

        assertThat(fixture.processing.processBatch()).isEqualTo(3);

        assertThat(fixture.store.transactions()).as("the first attempt rolled back, then the careful rerun")
                .isEqualTo(2);
        assertThat(status(good)).isEqualTo(DeliveryStatus.PROCESSED);
        assertThat(status(after)).isEqualTo(DeliveryStatus.PROCESSED);
        assertThat(status(poisoned)).isEqualTo(DeliveryStatus.FAILED);
        assertThat(fixture.deliveries.row(poisoned).reason()).contains(unknownAgent).contains("is not an agent");
        assertThat(fixture.conversations.all()).extracting(Conversation::externalId)
                .containsExactlyInAnyOrder("call-1", "call-3");
        assertThat(fixture.credits.charges()).hasSize(2);
    }

    @Test
    void aDeliveryHeldByAnotherWorker_stopsItsCallAtTheGap_untilItIsProcessed() {
        DeliveryId one = fixture.upload(fixture.plugin.delivery("one", call("call-1", 10, "one")));
        DeliveryId two = fixture.upload(fixture.plugin.delivery("two", call("call-1", 20, "two")));
        DeliveryId three = fixture.upload(fixture.plugin.delivery("three", call("call-1", 30, "three")));
        DeliveryId other = fixture.upload(fixture.plugin.delivery("other", call("call-2", 40, "other")));
        fixture.deliveries.claimedElsewhere(two);

        assertThat(fixture.processing.processBatch()).as("one, then the call stops; other goes on").isEqualTo(2);
        assertThat(status(one)).isEqualTo(DeliveryStatus.PROCESSED);
        assertThat(status(three)).as("held back behind two").isEqualTo(DeliveryStatus.PENDING);
        assertThat(status(other)).isEqualTo(DeliveryStatus.PROCESSED);
        assertThat(conversation("call-1").durationSeconds()).isEqualByComparingTo("10");

        fixture.deliveries.releasedElsewhere();
        assertThat(fixture.processing.processBatch()).isEqualTo(2);
        assertThat(status(two)).isEqualTo(DeliveryStatus.PROCESSED);
        assertThat(conversation("call-1").durationSeconds()).as("three applied last").isEqualByComparingTo("30");
    }

    @Test
    void aCallLockedByAnotherWorker_waitsForTheNextRound() {
        DeliveryId locked = fixture.upload(fixture.plugin.delivery("locked", call("call-1", 10, "x")));
        DeliveryId free = fixture.upload(fixture.plugin.delivery("free", call("call-2", 10, "y")));
        fixture.deliveries.lockedElsewhere(new CallKey(fixture.org, "call-1"));

        assertThat(fixture.processing.processBatch()).isEqualTo(1);
        assertThat(status(locked)).isEqualTo(DeliveryStatus.PENDING);
        assertThat(status(free)).isEqualTo(DeliveryStatus.PROCESSED);

        fixture.deliveries.releasedElsewhere();
        assertThat(fixture.processing.processBatch()).isEqualTo(1);
        assertThat(status(locked)).isEqualTo(DeliveryStatus.PROCESSED);
    }

    @Test
    void whatThePluginDropsOrRejectsOnRereading_isFinishedSo_andACallWithNothingToKeepIsSkipped() {
        Translation accepted = call("call-1", 10, "x");
        DeliveryId dropped = fixture.upload(fixture.plugin.delivery("dropped", accepted));
        DeliveryId rejected = fixture.upload(fixture.plugin.delivery("rejected", accepted));
        DeliveryId broken = fixture.upload(fixture.plugin.delivery("broken", accepted));
        DeliveryId empty = fixture.upload(fixture.plugin.delivery("empty", new Translation.Accepted(
                CanonicalCall.builder("call-9").agentExternalId("bot").build())));
        // the plugin answers otherwise when the worker reads the stored bytes again
        fixture.plugin.delivery("dropped", new Translation.Dropped("a status update"));
        fixture.plugin.delivery("rejected", Translation.Rejected.unauthenticated("the signature is too old"));
        fixture.plugin.delivery("broken", null);

        assertThat(fixture.processing.processBatch()).as("each delivery is done with").isEqualTo(4);

        assertThat(fixture.deliveries.row(dropped)).extracting(r -> r.status(), r -> r.reason())
                .containsExactly(DeliveryStatus.DROPPED, "a status update");
        assertThat(status(rejected)).isEqualTo(DeliveryStatus.FAILED);
        assertThat(fixture.deliveries.row(rejected).reason()).startsWith("the provider plugin rejected the delivery")
                .contains("the signature is too old");
        assertThat(fixture.deliveries.row(broken).reason()).contains("the provider plugin could not read");
        assertThat(status(empty)).isEqualTo(DeliveryStatus.SKIPPED);
        assertThat(fixture.conversations.all()).isEmpty();
    }

    @Test
    void aNewRecordingUrl_isCopiedByAJob_committedWithItsConversation() {
        fixture.upload(fixture.plugin.delivery("recorded", new Translation.Accepted(CanonicalCall.builder("call-1")
                .agentExternalId("bot").recordingUrl("https://example.com/call-1.wav").build())));

        fixture.processing.processBatch();

        ConversationId id = conversation("call-1").id();
        assertThat(fixture.recordings.find(id)).hasValueSatisfying(recording ->
                assertThat(recording.sourceUrl()).isEqualTo("https://example.com/call-1.wav"));
        assertThat(fixture.jobs.entries()).singleElement().satisfies(entry -> {
            assertThat(entry.job().kind()).isEqualTo(JobQueue.Kind.COPY_RECORDING);
            assertThat(entry.job().conversationId()).isEqualTo(id);
        });
    }

    @Test
    void aConflictWithAnotherWorker_rollsTheBatchBack_andLeavesItForTheNextRound() {
        DeliveryId id = fixture.upload(fixture.plugin.delivery("one", call("call-1", 10, "x")));
        FailingConversations failing = new FailingConversations(new StorageFailure.Conflict("deadlock", null));
        ProcessDeliveriesService processing = fixture.processing(50, failing);

        assertThat(processing.processBatch()).as("nothing done, no error").isZero();
        assertThat(status(id)).isEqualTo(DeliveryStatus.PENDING);
        assertThat(fixture.conversations.all()).isEmpty();

        failing.failure = null;
        assertThat(processing.processBatch()).isEqualTo(1);
        assertThat(status(id)).isEqualTo(DeliveryStatus.PROCESSED);
    }

    @Test
    void anUnavailableDatabase_failsTheBatch_neverTheDelivery() {
        DeliveryId id = fixture.upload(fixture.plugin.delivery("one", call("call-1", 10, "x")));
        FailingConversations failing = new FailingConversations(new StorageFailure.Unavailable("connection lost",
                null));
        ProcessDeliveriesService processing = fixture.processing(50, failing);

        assertThatThrownBy(processing::processBatch).isInstanceOf(StorageFailure.Unavailable.class);
        assertThat(status(id)).isEqualTo(DeliveryStatus.PENDING);
        assertThat(fixture.credits.charges()).isEmpty();
    }

    /** The fake's conversations, whose batch writes fail while {@link #failure} is set. */
    private final class FailingConversations implements ConversationRepository {
        RuntimeException failure;

        FailingConversations(RuntimeException failure) {
            this.failure = failure;
        }

        @Override
        public Optional<Conversation> findByExternalId(OrganizationId organizationId, String externalId) {
            return fixture.conversations.findByExternalId(organizationId, externalId);
        }

        @Override
        public Optional<Conversation> findById(ConversationId id) {
            return fixture.conversations.findById(id);
        }

        @Override
        public Map<String, Conversation> findByExternalIds(OrganizationId organizationId,
                                                           Collection<String> externalIds) {
            return fixture.conversations.findByExternalIds(organizationId, externalIds);
        }

        @Override
        public void save(Conversation conversation) {
            fail();
            fixture.conversations.save(conversation);
        }

        @Override
        public void saveAll(Collection<Conversation> conversations) {
            fail();
            fixture.conversations.saveAll(conversations);
        }

        private void fail() {
            if (failure != null) {
                throw failure;
            }
        }
    }
}
