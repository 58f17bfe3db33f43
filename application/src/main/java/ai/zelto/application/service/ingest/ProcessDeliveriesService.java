package ai.zelto.application.service.ingest;

import ai.zelto.application.failure.StorageFailure;
import ai.zelto.application.port.in.ingest.ProcessDeliveriesUseCase;
import ai.zelto.application.port.out.AgentRepository;
import ai.zelto.application.port.out.Attachment;
import ai.zelto.application.port.out.ConversationRepository;
import ai.zelto.application.port.out.CreditLedger;
import ai.zelto.application.port.out.DeliveryQueue.CallKey;
import ai.zelto.application.port.out.DeliveryQueue;
import ai.zelto.application.port.out.JobQueue;
import ai.zelto.application.port.out.PendingDelivery;
import ai.zelto.application.port.out.RecordingRepository;
import ai.zelto.application.port.out.StartedCalls;
import ai.zelto.application.port.out.UnitOfWork;
import ai.zelto.application.provider.ProviderRegistry;
import ai.zelto.application.provider.ProviderSettings;
import ai.zelto.application.spi.provider.DeliveryContext;
import ai.zelto.application.spi.provider.DeliveryTranslator;
import ai.zelto.domain.agent.AgentId;
import ai.zelto.domain.agent.AgentNotFoundException;
import ai.zelto.domain.agent.AgentReference;
import ai.zelto.domain.conversation.CallIngest;
import ai.zelto.domain.conversation.Conversation;
import ai.zelto.domain.conversation.ConversationId;
import ai.zelto.domain.credit.Pricing;
import ai.zelto.domain.delivery.DeliveryId;
import ai.zelto.domain.delivery.DeliveryStatus;
import ai.zelto.domain.organization.OrganizationId;
import ai.zelto.domain.recording.Recording;
import ai.zelto.domain.recording.RecordingStatus;
import ai.zelto.domain.shared.DomainException;
import java.lang.System.Logger.Level;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Turns pending deliveries into conversations, in receive order per call, whatever the number of workers or
 * app copies.
 *
 * <p>How order is kept: a batch is claimed in receive order; for each call in it the worker takes that call's
 * lock, then processes the call's deliveries in order as long as no earlier delivery of the call is still
 * pending (another worker may hold one that sorts between two of ours). Deliveries it cannot take now stay
 * pending for the next round. One transaction covers the batch. When a delivery fails, the batch is rolled
 * back and run again with each delivery in a savepoint, so the one that fails is marked failed without undoing
 * the others (failures are rare, and savepoints cost two round trips a delivery).
 *
 * <p>How a batch stays cheap: the conversations of its calls are read in one query once their locks are held,
 * and its writes (the conversations, their charges, the deliveries' outcomes) are sent together at its end, one
 * round trip each, within the same transaction. A batch run carefully writes each delivery's changes at once,
 * inside its savepoint.
 */
public final class ProcessDeliveriesService implements ProcessDeliveriesUseCase {
    private static final System.Logger LOG = System.getLogger(ProcessDeliveriesService.class.getName());
    /** The provider whose workers forward the rooms Zelto starts: only its deliveries are matched to them. */
    static final String STARTED_CALLS_PROVIDER = "livekit";

    private final UnitOfWork unitOfWork;
    private final DeliveryQueue queue;
    private final ConversationRepository conversations;
    private final AgentRepository agents;
    private final CreditLedger credits;
    private final RecordingRepository recordings;
    private final JobQueue jobs;
    private final ProviderRegistry providers;
    private final ProviderSettings settings;
    private final Pricing pricing;
    private final Clock clock;
    private final int batchSize;
    private final long batchBytes;
    private final RecentTranslations translated;
    private final StartedCalls startedCalls;

    public ProcessDeliveriesService(UnitOfWork unitOfWork, DeliveryQueue queue, ConversationRepository conversations,
                                    AgentRepository agents, CreditLedger credits, RecordingRepository recordings,
                                    JobQueue jobs, ProviderRegistry providers, ProviderSettings settings,
                                    Pricing pricing, Clock clock, int batchSize, long batchBytes,
                                    RecentTranslations translated) {
        this(unitOfWork, queue, conversations, agents, credits, recordings, jobs, providers, settings, pricing, clock,
                batchSize, batchBytes, translated, StartedCalls.NONE);
    }

    /**
     * @param startedCalls the calls Zelto started: a {@code livekit} delivery for one of their rooms lands on
     *                     that call's agent unless it names an agent by id
     */
    public ProcessDeliveriesService(UnitOfWork unitOfWork, DeliveryQueue queue, ConversationRepository conversations,
                                    AgentRepository agents, CreditLedger credits, RecordingRepository recordings,
                                    JobQueue jobs, ProviderRegistry providers, ProviderSettings settings,
                                    Pricing pricing, Clock clock, int batchSize, long batchBytes,
                                    RecentTranslations translated, StartedCalls startedCalls) {
        this.startedCalls = startedCalls;
        if (batchSize < 1) {
            throw new IllegalArgumentException("batch size must be >= 1");
        }
        this.unitOfWork = unitOfWork;
        this.queue = queue;
        this.conversations = conversations;
        this.agents = agents;
        this.credits = credits;
        this.recordings = recordings;
        this.jobs = jobs;
        this.providers = providers;
        this.settings = settings;
        this.pricing = pricing;
        this.clock = clock;
        this.batchSize = batchSize;
        this.batchBytes = batchBytes;
        this.translated = translated;
    }

    /**
     * Processes one batch. A conflict with another worker (a deadlock or serialization failure) rolls the batch
     * back and returns 0: it is retried after the idle poll, without the back-off meant for outages.
     */
    @Override
    public int processBatch() {
        try {
            return attempt(false);
        } catch (CarefulRetry oneFailed) {
            return attempt(true);
        }
    }

    /**
     * @param careful whether each delivery runs in a savepoint. A batch first runs without (two round trips
     *                fewer per delivery); when a delivery fails, that attempt rolls back whole and the batch is
     *                run again carefully, so that only the failing delivery is marked failed
     */
    private int attempt(boolean careful) {
        try {
            return processBatchInTransaction(careful);
        } catch (RuntimeException failure) {
            if (isConflict(failure)) {
                LOG.log(Level.DEBUG, "batch rolled back after a conflict with another worker; retrying");
                return 0;
            }
            throw failure;
        }
    }

    private int processBatchInTransaction(boolean careful) {
        return unitOfWork.inTransaction(() -> {
            List<PendingDelivery> batch = queue.claim(batchSize, batchBytes);
            Map<CallKey, List<PendingDelivery>> byCall = new LinkedHashMap<>();
            for (PendingDelivery delivery : batch) {
                byCall.computeIfAbsent(new CallKey(delivery.organizationId(), delivery.externalId()),
                        key -> new ArrayList<>()).add(delivery);
            }
            if (byCall.isEmpty()) {
                return 0;
            }
            // One round trip each for the batch: the calls' locks (calls another worker holds wait for the next
            // round), then which of our deliveries a pending delivery outside the batch precedes — one another
            // worker holds, perhaps between two of ours (SKIP LOCKED left a gap). A call stops there; the rest
            // waits. That set only shrinks with time, so reading it once, after the locks, is enough.
            Set<CallKey> locked = queue.tryLockCalls(byCall.keySet());
            List<PendingDelivery> ours = byCall.entrySet().stream().filter(call -> locked.contains(call.getKey()))
                    .flatMap(call -> call.getValue().stream()).toList();
            Set<DeliveryId> heldBack = queue.heldBackByOthers(ours);
            BatchWrites writes = new BatchWrites(careful, storedConversations(locked), conversations, credits, queue);
            int finished = 0;
            for (Map.Entry<CallKey, List<PendingDelivery>> call : byCall.entrySet()) {
                if (!locked.contains(call.getKey())) {
                    continue;
                }
                for (PendingDelivery delivery : call.getValue()) {
                    if (heldBack.contains(delivery.id())) {
                        break;
                    }
                    processOne(delivery, writes);
                    finished++;
                }
            }
            writes.flushAtBatchEnd();
            return finished;
        });
    }

    /** The stored conversations of the calls whose locks this batch holds: one query per organization. */
    private Map<CallKey, Conversation> storedConversations(Set<CallKey> locked) {
        Map<OrganizationId, List<String>> byOrganization = new LinkedHashMap<>();
        for (CallKey key : locked) {
            byOrganization.computeIfAbsent(key.organizationId(), org -> new ArrayList<>()).add(key.externalId());
        }
        Map<CallKey, Conversation> stored = new HashMap<>();
        byOrganization.forEach((org, externalIds) -> conversations.findByExternalIds(org, externalIds)
                .forEach((externalId, conversation) -> stored.put(new CallKey(org, externalId), conversation)));
        return stored;
    }

    private void processOne(PendingDelivery delivery, BatchWrites writes) {
        boolean careful = writes.immediate();
        Optional<CallIngest> translatedCall = translated.take(delivery.id()).or(() -> translate(delivery, writes));
        if (translatedCall.isEmpty()) {
            return;
        }
        CallIngest mappedCall = translatedCall.get();
        CallIngest call = delivery.attachment() == null ? mappedCall
                : mappedCall.withAudio(delivery.attachment().durationSeconds());
        try {
            if (careful) {
                unitOfWork.isolated(() -> apply(delivery, call, writes));
            } else {
                apply(delivery, call, writes);
            }
        } catch (DomainException refused) {
            if (!careful) {
                throw new CarefulRetry();
            }
            writes.fail(delivery, refused.getMessage());
        } catch (RuntimeException unexpected) {
            if (isTransient(unexpected)) {
                throw unexpected;
            }
            if (!careful) {
                throw new CarefulRetry();
            }
            LOG.log(Level.ERROR, "delivery " + delivery.id() + " could not be processed", unexpected);
            writes.fail(delivery, "internal error while processing; the raw delivery is kept");
        }
    }

    /**
     * Translates the stored bytes of a delivery whose call was not kept on receipt; a delivery the plugin drops,
     * rejects or cannot map is finished here, and nothing is returned.
     */
    private Optional<CallIngest> translate(PendingDelivery delivery, BatchWrites writes) {
        Optional<DeliveryTranslator> translator = providers.translator(delivery.provider());
        if (translator.isEmpty()) {
            writes.fail(delivery, "the provider plugin '" + delivery.provider() + "' is not installed");
            return Optional.empty();
        }
        DeliveryContext context = new DeliveryContext(settings.settingsFor(delivery.organizationId(),
                delivery.provider()), delivery.channel(), DeliveryContext.Phase.PROCESSING);
        DeliveryReader.Read read = DeliveryReader.read(translator.get(), delivery.raw(), context);
        if (read instanceof DeliveryReader.Read.Call call) {
            return Optional.of(call.call());
        }
        if (read instanceof DeliveryReader.Read.Drop drop) {
            writes.finish(delivery, DeliveryStatus.DROPPED, drop.reason(), null);
        } else if (read instanceof DeliveryReader.Read.Refuse refuse) {
            writes.fail(delivery, "the provider plugin rejected the delivery: " + refuse.rejection().details());
        } else if (read instanceof DeliveryReader.Read.Invalid invalid) {
            writes.fail(delivery, "invalid call: " + invalid.details());
        } else {
            throw DeliveryReader.unexpected(read);
        }
        return Optional.empty();
    }

    private void apply(PendingDelivery delivery, CallIngest call, BatchWrites writes) {
        OrganizationId org = delivery.organizationId();
        Instant now = clock.instant();
        if (call.agent() instanceof AgentReference.ById byId) {
            agents.find(org, byId.agentId()).orElseThrow(() -> new AgentNotFoundException(byId.agentId()));
        }
        CallKey key = new CallKey(org, call.externalId());
        Optional<Conversation> existing = writes.conversation(key);
        if (existing.isEmpty() && !call.hasContent()) {
            writes.finish(delivery, DeliveryStatus.SKIPPED,
                    "unconnected dial: the delivery has neither transcript turns nor a recording", null);
            return;
        }
        Optional<StartedCalls.Started> started = delivery.provider().equals(STARTED_CALLS_PROVIDER)
                ? startedCalls.startedCall(org, call.externalId()) : Optional.empty();
        AgentId agentId = resolveAgent(org, delivery.provider(), call, started, now);
        CallIngest known = started.isEmpty() || existing.map(Conversation::customerNumber).isPresent() ? call
                : call.withKnownCustomerNumber(started.get().customerNumber());
        Conversation merged = existing
                .map(stored -> stored.apply(delivery.provider(), agentId, known, delivery.receivedAt(), now))
                .orElseGet(() -> Conversation.create(ConversationId.newId(), org, delivery.provider(), agentId, known,
                        delivery.receivedAt(), now));
        writes.save(merged);
        String previousUrl = existing.map(Conversation::recordingUrl).orElse(null);
        boolean newRecordingUrl = merged.recordingUrl() != null && !merged.recordingUrl().equals(previousUrl);
        Attachment audio = delivery.attachment();
        if (newRecordingUrl || audio != null) {
            writes.flush(); // a recording refers to its conversation's row
        }
        if (newRecordingUrl) {
            // committed with the conversation: a new or changed recording URL is always copied
            recordings.requestCopy(merged.id(), merged.recordingUrl(), now);
            jobs.enqueue(JobQueue.Kind.COPY_RECORDING, merged.id(), merged.recordingUrl(), now);
        }
        if (audio != null) {
            recordings.storeUploaded(merged.id(), new Recording(null, RecordingStatus.STORED, null, audio.contentType(),
                    audio.bytes(), audio.durationSeconds(), audio.blobKey(), audio.sha256()), now);
            jobs.enqueue(JobQueue.Kind.TRANSCRIBE, merged.id(), delivery.id().toString(), now);
        }
        writes.charge(new CreditLedger.Charge(org, merged.id(), pricing.chargeFor(merged), now));
        writes.finish(delivery, DeliveryStatus.PROCESSED, null, merged.id());
        writes.delivered(key, merged);
    }

    private AgentId resolveAgent(OrganizationId org, String provider, CallIngest call,
                                 Optional<StartedCalls.Started> started, Instant now) {
        AgentReference reference = call.agent();
        if (reference instanceof AgentReference.ById byId) {
            return byId.agentId();
        }
        if (started.isPresent()) {
            return started.get().agentId();
        }
        if (reference instanceof AgentReference.ByExternalId byExternalId) {
            return agents.findOrCreate(org, provider, byExternalId.externalId(), byExternalId.name(), now).id();
        }
        throw DeliveryReader.unexpected(reference);
    }

    /**
     * A failure that says nothing about the delivery — the database unavailable, or a conflict with another
     * worker (two workers creating the same new agents in another order) — fails the whole batch so that it is
     * retried; only other failures mark the delivery failed.
     */
    static boolean isTransient(Throwable error) {
        return StorageFailure.in(error).isPresent();
    }

    /** Another worker got in the way (a deadlock or serialization failure): nothing is wrong. */
    static boolean isConflict(Throwable error) {
        return StorageFailure.in(error).filter(StorageFailure.Conflict.class::isInstance).isPresent();
    }

    /** A delivery failed in a batch run without savepoints: roll it back and run the batch again, carefully. */
    static final class CarefulRetry extends RuntimeException {
        private static final long serialVersionUID = 1L;

        CarefulRetry() {
            super(null, null, false, false);
        }
    }
}
