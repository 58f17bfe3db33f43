package ai.zelto.application.service.phone;

import ai.zelto.application.port.in.integration.ResolveHookUseCase;
import ai.zelto.application.port.in.phone.TwilioWebhookUseCase;
import ai.zelto.application.port.out.AgentRepository;
import ai.zelto.application.port.out.CreditLedger;
import ai.zelto.application.port.out.LiveKit;
import ai.zelto.application.port.out.LiveKitConnector;
import ai.zelto.application.port.out.PhoneCallRepository;
import ai.zelto.application.service.voice.LiveKitConnections;
import ai.zelto.domain.organization.OrganizationId;
import ai.zelto.domain.phone.PhoneCall;
import ai.zelto.domain.phone.PhoneCallId;
import ai.zelto.domain.phone.PhoneNumber;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Twilio's requests on an organization's hook URL, each verified against the URL Twilio requested and the
 * account's auth token. A person calling the Twilio number is answered with TwiML that bridges the call into a
 * LiveKit room with the inbound agent's worker (LiveKit's {@code ConnectTwilioCall} is the only remote call made
 * while Twilio waits its 15 s), or refused. A status callback ({@code CallbackSource=call-progress-events}) moves
 * its call forward, once per (CallSid, CallStatus, SequenceNumber): Twilio may repeat or reorder them.
 */
public final class TwilioCalls implements TwilioWebhookUseCase {
    private static final System.Logger LOG = System.getLogger(TwilioCalls.class.getName());

    private final ResolveHookUseCase hooks;
    private final PhoneIntegrations phone;
    private final PhoneCallRepository calls;
    private final CallStarts starts;
    private final LiveKitConnector connector;
    private final Clock clock;

    public TwilioCalls(ResolveHookUseCase hooks, PhoneIntegrations phone, PhoneCallRepository calls,
                       AgentRepository agents, CreditLedger credits, LiveKitConnections connections,
                       LiveKitConnector connector, Clock clock) {
        this.hooks = hooks;
        this.phone = phone;
        this.calls = calls;
        this.starts = new CallStarts(agents, credits, connections);
        this.connector = connector;
        this.clock = clock;
    }

    @Override
    public Answer receive(Request request) {
        Optional<OrganizationId> org = hooks.resolveHook(PhoneIntegrations.TWILIO, request.hookToken());
        Optional<PhoneIntegrations.Twilio> twilio = org.flatMap(phone::twilio);
        if (twilio.isEmpty()) {
            return new Answer.NotSigned();
        }
        String base = phone.publicBaseUrl();
        String url = base != null ? base + request.pathAndQuery() : request.requestUrl();
        if (!WebhookSignatures.twilioValid(url, request.params(), twilio.get().account().authToken(),
                request.signature())) {
            LOG.log(System.Logger.Level.WARNING, "a Twilio request on the hook of organization " + org.get()
                    + " has no valid signature for " + url.replaceAll("/zh_[^/?]+", "/zh_***")
                    + " (behind a proxy, ZELTO_PUBLIC_URL must be the URL Twilio calls)");
            return new Answer.NotSigned();
        }
        Map<String, List<String>> params = request.params();
        String callId = callOf(request.pathAndQuery());
        if (first(params, "CallbackSource") != null || callId != null
                || !"inbound".equalsIgnoreCase(first(params, "Direction"))) {
            progressed(org.get(), params, callId);
            return new Answer.Twiml(Twiml.empty());
        }
        return new Answer.Twiml(inbound(org.get(), twilio.get(), params));
    }

    /** A person calls the Twilio number. */
    private String inbound(OrganizationId organizationId, PhoneIntegrations.Twilio twilio,
                           Map<String, List<String>> params) {
        String sid = first(params, "CallSid");
        String from = first(params, "From");
        String to = first(params, "To");
        if (sid == null) {
            return Twiml.reject();
        }
        Optional<PhoneCall> known = calls.findByProviderCallId(PhoneCall.Channel.TWILIO, sid)
                .filter(call -> call.organizationId().equals(organizationId));
        if (known.isPresent() && known.get().status().isFinal()) {
            return Twiml.reject();
        }
        CallStarts.Result start = starts.inbound(organizationId, twilio.inboundAgentId(), PhoneIntegrations.TWILIO);
        PhoneCall call = known.orElseGet(() -> PhoneCall.begin(organizationId, PhoneCall.Channel.TWILIO,
                PhoneCall.Direction.INBOUND, PhoneNumber.parse(from).orElse(from), PhoneNumber.parse(to).orElse(to),
                start.ready().map(ready -> ready.agent().id()).orElse(twilio.inboundAgentId()), sid, clock.instant()));
        if (known.isEmpty()) {
            calls.insert(call); // a retried request (Twilio's connection overrides) finds it and is answered again
        }
        if (start.ready().isEmpty()) {
            calls.advance(call.id(), PhoneCall.Status.REJECTED, clock.instant(), start.refusal());
            return Twiml.reject();
        }
        CallStarts.Ready ready = start.ready().get();
        String caller = from == null ? "twilio_caller" : from;
        String streamUrl;
        try {
            streamUrl = streamUrl(connector.connectTwilio(ready.endpoint(), true,
                    CallStarts.room(call, ready.agent(), caller, caller)));
        } catch (LiveKit.Failure failed) {
            LOG.log(System.Logger.Level.WARNING, "LiveKit did not connect Twilio call " + call.id() + ": "
                    + failed.getMessage());
            calls.advance(call.id(), PhoneCall.Status.FAILED, clock.instant(), "LiveKit did not connect the call: "
                    + (failed instanceof LiveKitConnector.Refused refused ? ProviderWords.of(refused.said())
                    : "it did not answer"));
            return Twiml.sorry();
        }
        calls.advance(call.id(), PhoneCall.Status.CONNECTED, clock.instant(), null);
        return Twiml.connect(streamUrl);
    }

    /**
     * The URL Twilio's Media Stream connects to, as LiveKit gave it.
     *
     * @throws LiveKit.Failure when it is not a {@code wss://} URL (the only kind Twilio streams to)
     */
    static String streamUrl(String connectUrl) throws LiveKit.Failure {
        if (connectUrl == null || !connectUrl.toLowerCase(Locale.ROOT).startsWith("wss://")) {
            throw new LiveKitConnector.Refused("LiveKit's connect_url is not a wss:// URL: " + connectUrl,
                    "LiveKit gave a stream URL Twilio cannot use");
        }
        return connectUrl;
    }

    /** A status callback: the call moves forward, once per event. */
    private void progressed(OrganizationId organizationId, Map<String, List<String>> params, String callId) {
        String sid = first(params, "CallSid");
        String status = String.valueOf(first(params, "CallStatus")).toLowerCase(Locale.ROOT);
        if (sid == null) {
            return;
        }
        Optional<PhoneCall> found = Optional.ofNullable(callId).flatMap(PhoneCallId::tryParse)
                .flatMap(calls::get)
                .filter(call -> call.organizationId().equals(organizationId)
                        && call.channel() == PhoneCall.Channel.TWILIO && calls.identify(call.id(), sid))
                .or(() -> calls.findByProviderCallId(PhoneCall.Channel.TWILIO, sid))
                .filter(call -> call.organizationId().equals(organizationId));
        if (found.isEmpty()) {
            LOG.log(System.Logger.Level.INFO, "Twilio status " + status + " of call " + sid + ", unknown here");
            return;
        }
        String key = "twilio|" + organizationId + "|" + sid + "|" + status + "|"
                + String.valueOf(first(params, "SequenceNumber"));
        if (!calls.firstTime(key, organizationId, clock.instant())) {
            return;
        }
        PhoneCall call = found.get();
        Instant now = clock.instant();
        switch (status) {
            case "ringing" -> calls.advance(call.id(), PhoneCall.Status.RINGING, now, null);
            case "in-progress", "answered" -> calls.advance(call.id(), PhoneCall.Status.CONNECTED, now, null);
            case "completed" -> calls.advance(call.id(), PhoneCall.Status.ENDED, now, null);
            case "busy" -> calls.advance(call.id(), PhoneCall.Status.REJECTED, now, "the line was busy");
            case "no-answer" -> calls.advance(call.id(), PhoneCall.Status.FAILED, now, "nobody answered");
            case "canceled" -> calls.advance(call.id(), PhoneCall.Status.ENDED, now, "canceled before it was answered");
            case "failed" -> calls.advance(call.id(), PhoneCall.Status.FAILED, now, "Twilio could not place the call"
                    + (first(params, "SipResponseCode") == null ? ""
                    : " (SIP " + first(params, "SipResponseCode") + ")"));
            default -> {
                return; // queued, initiated: nothing new
            }
        }
        String duration = first(params, "CallDuration");
        if (duration != null && duration.matches("[0-9]{1,9}")) {
            calls.measured(call.id(), Integer.valueOf(duration), now);
        }
    }

    /** The {@code call} query parameter Zelto puts on the status callback URL of a call it places. */
    static String callOf(String pathAndQuery) {
        int query = pathAndQuery.indexOf('?');
        if (query < 0) {
            return null;
        }
        for (String pair : pathAndQuery.substring(query + 1).split("&")) {
            if (pair.startsWith("call=")) {
                return pair.substring("call=".length());
            }
        }
        return null;
    }

    private static String first(Map<String, List<String>> params, String name) {
        List<String> values = params.get(name);
        return values == null || values.isEmpty() ? null : values.get(0);
    }
}
