package ai.zelto.application.service.phone;

import ai.zelto.application.failure.StorageFailure;
import ai.zelto.application.port.in.integration.ResolveHookUseCase;
import ai.zelto.application.port.in.phone.WhatsAppWebhookUseCase;
import ai.zelto.application.port.out.AgentRepository;
import ai.zelto.application.port.out.CreditLedger;
import ai.zelto.application.port.out.LiveKit;
import ai.zelto.application.port.out.LiveKitConnector;
import ai.zelto.application.port.out.PhoneCallRepository;
import ai.zelto.application.port.out.WhatsAppCloud;
import ai.zelto.application.service.voice.LiveKitConnections;
import ai.zelto.domain.organization.OrganizationId;
import ai.zelto.domain.phone.PhoneCall;
import ai.zelto.domain.phone.PhoneCallId;
import ai.zelto.domain.phone.PhoneNumber;
import ai.zelto.domain.phone.WhatsAppEvent;
import ai.zelto.domain.shared.DomainException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;

/**
 * Meta's WhatsApp call webhooks. A signed delivery is kept (each event once, by its key: Meta retries for days
 * and batches) and answered at once; each new event is then acted on by the executor: a person's call accepted
 * through LiveKit's Connector with the inbound agent's worker in its room — or refused through Meta's API,
 * never left ringing — a dialled call connected with Meta's SDP answer, a terminated call disconnected in
 * LiveKit. {@link #sweep()} finishes what a stopped copy left.
 */
public final class WhatsAppCalls implements WhatsAppWebhookUseCase {
    private static final System.Logger LOG = System.getLogger(WhatsAppCalls.class.getName());
    /** How long a claimed event is another worker's before it is taken over. */
    static final Duration LEASE = Duration.ofMinutes(2);
    /** Events younger than this are left to the worker that received them. */
    static final Duration SWEEP_AFTER = Duration.ofSeconds(10);

    private final ResolveHookUseCase hooks;
    private final PhoneIntegrations phone;
    private final PhoneCallRepository calls;
    private final CallStarts starts;
    private final LiveKitConnections connections;
    private final LiveKitConnector connector;
    private final WhatsAppCloud cloud;
    private final Executor executor;
    private final Clock clock;
    private final Duration waitForDial;

    /**
     * @param waitForDial how long an answer for a call not yet known waits for the dial that placed it to return
     */
    public WhatsAppCalls(ResolveHookUseCase hooks, PhoneIntegrations phone, PhoneCallRepository calls,
                         AgentRepository agents, CreditLedger credits, LiveKitConnections connections,
                         LiveKitConnector connector, WhatsAppCloud cloud, Executor executor, Clock clock,
                         Duration waitForDial) {
        this.hooks = hooks;
        this.phone = phone;
        this.calls = calls;
        this.starts = new CallStarts(agents, credits, connections);
        this.connections = connections;
        this.connector = connector;
        this.cloud = cloud;
        this.executor = executor;
        this.clock = clock;
        this.waitForDial = waitForDial;
    }

    @Override
    public Optional<String> handshake(String hookToken, String mode, String verifyToken, String challenge) {
        if (!"subscribe".equals(mode) || verifyToken == null || challenge == null
                || hooks.resolveHook(PhoneIntegrations.WHATSAPP, hookToken).isEmpty()) {
            return Optional.empty();
        }
        boolean same = MessageDigest.isEqual(verifyToken.getBytes(StandardCharsets.UTF_8),
                PhoneIntegrations.verifyToken(hookToken).getBytes(StandardCharsets.UTF_8));
        return same ? Optional.of(challenge) : Optional.empty();
    }

    @Override
    public Optional<OrganizationId> verify(String hookToken, byte[] body, String signature) {
        return hooks.resolveHook(PhoneIntegrations.WHATSAPP, hookToken)
                .filter(org -> phone.whatsApp(org)
                        .map(whatsApp -> WebhookSignatures.metaValid(body, whatsApp.appSecret(), signature))
                        .orElse(false));
    }

    @Override
    public void receive(OrganizationId organizationId, List<WhatsAppEvent> events) {
        Instant now = clock.instant();
        for (WhatsAppEvent event : events) {
            String key = "whatsapp|" + organizationId + "|" + event.dedupeKey();
            if (calls.keep(key, organizationId, event, now)) {
                try {
                    executor.execute(() -> process(key));
                } catch (RejectedExecutionException stopping) {
                    // kept: the sweep acts on it
                }
            }
        }
    }

    /** Acts on kept events that nobody finished: received a while ago, or claimed by a copy that stopped. */
    public void sweep() {
        for (String key : calls.unfinished(clock.instant().minus(SWEEP_AFTER), 100)) {
            process(key);
        }
    }

    void process(String key) {
        try {
            Optional<PhoneCallRepository.PendingEvent> pending = calls.claim(key, clock.instant(), LEASE);
            if (pending.isEmpty()) {
                return;
            }
            try {
                act(pending.get().organizationId(), pending.get().event());
            } catch (RuntimeException failed) {
                if (StorageFailure.in(failed).isPresent()) {
                    throw failed; // not done: the sweep tries again once the lease ran out
                }
                LOG.log(System.Logger.Level.ERROR, "WhatsApp event " + key + " could not be acted on", failed);
            }
            calls.done(key, clock.instant());
        } catch (RuntimeException storage) {
            LOG.log(System.Logger.Level.WARNING, "WhatsApp event " + key + " is left for the sweep: "
                    + storage.getMessage());
        }
    }

    private void act(OrganizationId organizationId, WhatsAppEvent event) {
        Optional<PhoneIntegrations.WhatsApp> whatsApp = phone.whatsApp(organizationId);
        if (whatsApp.isEmpty()) {
            LOG.log(System.Logger.Level.WARNING, "WhatsApp event for organization " + organizationId
                    + ", which no longer has WhatsApp set: ignored");
            return;
        }
        if (event.phoneNumberId() != null && !event.phoneNumberId().equals(whatsApp.get().account().phoneNumberId())) {
            LOG.log(System.Logger.Level.WARNING, "WhatsApp event for number id " + event.phoneNumberId()
                    + " on the hook of organization " + organizationId + ", whose number id is another: ignored");
            return;
        }
        switch (event.kind()) {
            case CONNECT -> {
                if ("offer".equalsIgnoreCase(event.sdpType())
                        || (event.sdpType() == null && event.direction() == PhoneCall.Direction.INBOUND)) {
                    inbound(organizationId, whatsApp.get(), event);
                } else {
                    answered(organizationId, event);
                }
            }
            case TERMINATE -> terminated(organizationId, event);
            case STATUS -> status(organizationId, event);
        }
    }

    /** A person calls the business: accept with the inbound agent, or refuse. */
    private void inbound(OrganizationId organizationId, PhoneIntegrations.WhatsApp whatsApp, WhatsAppEvent event) {
        if (calls.findByProviderCallId(PhoneCall.Channel.WHATSAPP, event.callId()).isPresent()) {
            return; // a second connect for a call already handled
        }
        CallStarts.Result start = starts.inbound(organizationId, whatsApp.inboundAgentId(), PhoneIntegrations.WHATSAPP);
        PhoneCall call = PhoneCall.begin(organizationId, PhoneCall.Channel.WHATSAPP, PhoneCall.Direction.INBOUND,
                event.personNumber(), PhoneNumber.parse(event.businessNumber()).orElse(event.businessNumber()),
                start.ready().map(ready -> ready.agent().id()).orElse(whatsApp.inboundAgentId()), event.callId(),
                clock.instant());
        if (start.ready().isPresent() && event.sdp() == null) {
            start = CallStarts.Result.refused("Meta's connect webhook carried no SDP offer");
        }
        if (start.ready().isEmpty()) {
            calls.insert(call);
            reject(whatsApp, call);
            calls.advance(call.id(), PhoneCall.Status.REJECTED, clock.instant(), start.refusal());
            return;
        }
        CallStarts.Ready ready = start.ready().get();
        calls.insert(call);
        String name = event.personName() != null ? event.personName() : call.from();
        try {
            connector.acceptWhatsApp(ready.endpoint(), whatsApp.account(), event.callId(), event.sdp(),
                    CallStarts.room(call, ready.agent(), "whatsapp_" + PhoneNumber.digits(String.valueOf(call.from())),
                            name));
        } catch (LiveKit.Failure failed) {
            LOG.log(System.Logger.Level.WARNING, "LiveKit did not accept WhatsApp call " + call.id() + ": "
                    + failed.getMessage());
            reject(whatsApp, call);
            calls.advance(call.id(), PhoneCall.Status.FAILED, clock.instant(), "LiveKit did not accept the call: "
                    + (failed instanceof LiveKitConnector.Refused refused ? ProviderWords.of(refused.said())
                    : "it did not answer"));
            return;
        }
        if (!calls.advance(call.id(), PhoneCall.Status.CONNECTED, clock.instant(), null)) {
            // the person hung up while LiveKit was accepting: the terminate found nothing to disconnect yet
            disconnect(ready.endpoint(), call, false);
        }
    }

    private void reject(PhoneIntegrations.WhatsApp whatsApp, PhoneCall call) {
        try {
            cloud.reject(whatsApp.account(), call.providerCallId());
        } catch (WhatsAppCloud.Failure failed) {
            LOG.log(System.Logger.Level.WARNING, "Meta did not take the refusal of call " + call.id()
                    + " (it rings out): " + failed.getMessage());
        }
    }

    /** The person picked up the business's call: Meta's SDP answer goes to LiveKit at once. */
    private void answered(OrganizationId organizationId, WhatsAppEvent event) {
        Optional<PhoneCall> found = dialled(organizationId, event);
        if (found.isEmpty()) {
            LOG.log(System.Logger.Level.WARNING, "WhatsApp answered call " + event.callId()
                    + ", which no call of organization " + organizationId + " placed: ignored");
            return;
        }
        PhoneCall call = found.get();
        calls.numbers(call.id(), PhoneNumber.parse(event.businessNumber()).orElse(event.businessNumber()), null);
        if (call.status().isFinal()) {
            return;
        }
        try {
            connector.connectWhatsApp(connections.endpointFor(organizationId), event.callId(), event.sdp());
        } catch (LiveKit.Failure | DomainException failed) {
            LOG.log(System.Logger.Level.WARNING, "LiveKit did not connect WhatsApp call " + call.id() + ": "
                    + failed.getMessage());
            calls.advance(call.id(), PhoneCall.Status.FAILED, clock.instant(), "LiveKit did not connect the call: "
                    + (failed instanceof LiveKitConnector.Refused refused ? ProviderWords.of(refused.said())
                    : failed.getMessage()));
            return;
        }
        calls.advance(call.id(), PhoneCall.Status.CONNECTED, clock.instant(), null);
    }

    /**
     * The call the business placed that an event is about: by Meta's call id, else by the Zelto id Zelto passed
     * as callback data — and, when neither is known yet (Meta can answer before LiveKit's dial has returned the
     * call id), after waiting for the dial.
     */
    private Optional<PhoneCall> dialled(OrganizationId organizationId, WhatsAppEvent event) {
        Instant giveUp = clock.instant().plus(waitForDial);
        while (true) {
            Optional<PhoneCall> call = calls.findByProviderCallId(PhoneCall.Channel.WHATSAPP, event.callId());
            if (call.isEmpty() && event.callbackData() != null) {
                call = PhoneCallId.tryParse(event.callbackData()).flatMap(calls::get)
                        .filter(dialled -> dialled.channel() == PhoneCall.Channel.WHATSAPP
                                && dialled.direction() == PhoneCall.Direction.OUTBOUND
                                && dialled.organizationId().equals(organizationId)
                                && calls.identify(dialled.id(), event.callId()));
            }
            if (call.isPresent() || !clock.instant().isBefore(giveUp)) {
                return call.filter(found -> found.organizationId().equals(organizationId));
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException stopping) {
                Thread.currentThread().interrupt();
                return Optional.empty();
            }
        }
    }

    /** The call ended (whoever hung up): LiveKit lets go of it, unless Zelto hung up itself. */
    private void terminated(OrganizationId organizationId, WhatsAppEvent event) {
        Optional<PhoneCall> found = calls.findByProviderCallId(PhoneCall.Channel.WHATSAPP, event.callId())
                .filter(call -> call.organizationId().equals(organizationId));
        if (found.isEmpty()) {
            LOG.log(System.Logger.Level.INFO, "WhatsApp terminated call " + event.callId() + ", unknown here");
            return;
        }
        PhoneCall call = found.get();
        if (!call.endedByZelto() && !call.status().isFinal()) {
            try {
                disconnect(connections.endpointFor(organizationId), call, false);
            } catch (DomainException noLiveKit) {
                LOG.log(System.Logger.Level.WARNING, "call " + call.id() + " not disconnected: "
                        + noLiveKit.getMessage());
            }
        }
        Instant end = event.endTime() != null ? Instant.ofEpochSecond(event.endTime())
                : event.timestamp() != null ? Instant.ofEpochSecond(event.timestamp()) : clock.instant();
        if ("FAILED".equals(event.status())) {
            calls.advance(call.id(), PhoneCall.Status.FAILED, end, event.error() != null
                    ? ProviderWords.of(event.error()) : "WhatsApp reported the call failed");
        } else {
            boolean answered = event.durationSeconds() != null || call.connectedAt() != null;
            calls.advance(call.id(), PhoneCall.Status.ENDED, end, answered ? null : "not answered");
        }
        calls.measured(call.id(), event.durationSeconds(), end);
    }

    private void disconnect(LiveKit.Endpoint endpoint, PhoneCall call, boolean businessInitiated) {
        try {
            connector.disconnectWhatsApp(endpoint, call.providerCallId(), null, businessInitiated);
        } catch (LiveKit.Failure failed) {
            LOG.log(System.Logger.Level.INFO, "LiveKit did not disconnect call " + call.id()
                    + " (it lets go of it after 30 s): " + failed.getMessage());
        }
    }

    /** Ringing, accepted, rejected: for calls the business placed. */
    private void status(OrganizationId organizationId, WhatsAppEvent event) {
        Optional<PhoneCall> found = dialled(organizationId, event);
        if (found.isEmpty()) {
            return;
        }
        PhoneCall call = found.get();
        Instant at = event.timestamp() != null ? Instant.ofEpochSecond(event.timestamp()) : clock.instant();
        switch (String.valueOf(event.status())) {
            case "RINGING" -> calls.advance(call.id(), PhoneCall.Status.RINGING, at, null);
            case "ACCEPTED" -> calls.advance(call.id(), PhoneCall.Status.CONNECTED, at, null);
            case "REJECTED" -> calls.advance(call.id(), PhoneCall.Status.REJECTED, at, "the person declined the call");
            default -> LOG.log(System.Logger.Level.INFO, "WhatsApp status " + event.status() + " of call "
                    + call.id() + " ignored");
        }
    }
}
