package ai.zelto.application.service.phone;

import ai.zelto.application.port.in.phone.PhoneCallsUseCase;
import ai.zelto.application.port.out.AgentRepository;
import ai.zelto.application.port.out.CreditLedger;
import ai.zelto.application.port.out.LiveKit;
import ai.zelto.application.port.out.LiveKitConnector;
import ai.zelto.application.port.out.PhoneCallRepository;
import ai.zelto.application.port.out.TwilioVoice;
import ai.zelto.application.readmodel.CursorText;
import ai.zelto.application.readmodel.PhoneCallFilter;
import ai.zelto.application.readmodel.PhoneCallPage;
import ai.zelto.application.readmodel.PhoneCallView;
import ai.zelto.application.service.voice.LiveKitConnections;
import ai.zelto.domain.organization.OrganizationId;
import ai.zelto.domain.phone.PhoneCall;
import ai.zelto.domain.phone.PhoneCallId;
import ai.zelto.domain.phone.PhoneNumber;
import ai.zelto.domain.shared.DomainException;
import ai.zelto.domain.shared.ValidationException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Places calls to people (WhatsApp through LiveKit's Connector; Twilio through the Connector's Media Stream and
 * Twilio's REST API), lists them, and hangs them up. A call is recorded before anything is asked of LiveKit or
 * the provider, so that a webhook about it arriving before the provider's answer finds it; a call the provider
 * refused stays, failed, with the provider's reason.
 */
public final class PhoneCallService implements PhoneCallsUseCase {
    private static final System.Logger LOG = System.getLogger(PhoneCallService.class.getName());

    private final PhoneCallRepository calls;
    private final PhoneIntegrations phone;
    private final CallStarts starts;
    private final LiveKitConnections connections;
    private final LiveKitConnector connector;
    private final LiveKit liveKit;
    private final TwilioVoice twilio;
    private final Clock clock;

    public PhoneCallService(PhoneCallRepository calls, PhoneIntegrations phone,
                            AgentRepository agents, CreditLedger credits, LiveKitConnections connections,
                            LiveKitConnector connector, LiveKit liveKit, TwilioVoice twilio, Clock clock) {
        this.calls = calls;
        this.phone = phone;
        this.starts = new CallStarts(agents, credits, connections);
        this.connections = connections;
        this.connector = connector;
        this.liveKit = liveKit;
        this.twilio = twilio;
        this.clock = clock;
    }

    @Override
    public PhoneCallView dial(OrganizationId organizationId, Dial dial) {
        return switch (dial.channel()) {
            case WHATSAPP -> dialWhatsApp(organizationId, dial);
            case TWILIO -> dialTwilio(organizationId, dial);
        };
    }

    private PhoneCallView dialWhatsApp(OrganizationId organizationId, Dial dial) {
        CallStarts.Ready ready = starts.check(organizationId, dial.agentId());
        PhoneIntegrations.WhatsApp whatsApp = phone.whatsApp(organizationId)
                .orElseThrow(PhoneRefusals.NotConfigured::whatsApp);
        PhoneCall call = PhoneCall.begin(organizationId, PhoneCall.Channel.WHATSAPP, PhoneCall.Direction.OUTBOUND,
                null, dial.to(), ready.agent().id(), null, clock.instant());
        calls.insert(call);
        String digits = PhoneNumber.digits(dial.to());
        LiveKitConnector.Dialed dialed;
        try {
            dialed = connector.dialWhatsApp(ready.endpoint(), whatsApp.account(), digits,
                    CallStarts.room(call, ready.agent(), "whatsapp_" + digits, dial.to()), call.id().toString());
        } catch (LiveKit.Failure failed) {
            throw notPlaced(call, failed, "LiveKit did not dial the call");
        }
        if (!calls.identify(call.id(), dialed.whatsappCallId())) {
            LOG.log(System.Logger.Level.WARNING, "call " + call.id() + " already had another WhatsApp call id than "
                    + dialed.whatsappCallId());
        }
        return calls.find(organizationId, call.id()).orElseThrow();
    }

    private PhoneCallView dialTwilio(OrganizationId organizationId, Dial dial) {
        CallStarts.Ready ready = starts.check(organizationId, dial.agentId());
        PhoneIntegrations.Twilio account = phone.twilio(organizationId).orElseThrow(PhoneRefusals.NotConfigured::twilio);
        if (account.phoneNumber() == null) {
            throw new PhoneRefusals.NotConfigured("Twilio has no phoneNumber to call from: set it with PUT"
                    + " /v1/integrations/twilio {\"phoneNumber\": \"+1…\"}");
        }
        String hook = phone.hookUrl(organizationId, PhoneIntegrations.TWILIO)
                .filter(url -> url.startsWith("https://") || url.startsWith("http://"))
                .orElseThrow(() -> new PhoneRefusals.NotConfigured("Twilio cannot report this call's progress to Zelto:"
                        + " " + (phone.publicBaseUrl() == null ? "the operator must set ZELTO_PUBLIC_URL, then "
                        : "") + "create the Twilio hook URL (POST /v1/integrations/twilio/hook)"));
        PhoneCall call = PhoneCall.begin(organizationId, PhoneCall.Channel.TWILIO, PhoneCall.Direction.OUTBOUND,
                account.phoneNumber(), dial.to(), ready.agent().id(), null, clock.instant());
        calls.insert(call);
        String streamUrl;
        try {
            streamUrl = TwilioCalls.streamUrl(connector.connectTwilio(ready.endpoint(), false,
                    CallStarts.room(call, ready.agent(), "twilio_" + PhoneNumber.digits(dial.to()), dial.to())));
        } catch (LiveKit.Failure failed) {
            throw notPlaced(call, failed, "LiveKit did not open the call's room");
        }
        String sid;
        try {
            sid = twilio.createCall(account.account(), new TwilioVoice.NewCall(dial.to(), account.phoneNumber(),
                    Twiml.connect(streamUrl), hook + "?call=" + call.id()));
        } catch (TwilioVoice.Failure failed) {
            LOG.log(System.Logger.Level.WARNING, "Twilio did not place call " + call.id() + ": " + failed.getMessage());
            deleteRoom(ready.endpoint(), call);
            String reason = failed.said() != null ? "Twilio refused: " + ProviderWords.of(failed.said())
                    : "Twilio did not answer";
            calls.advance(call.id(), PhoneCall.Status.FAILED, clock.instant(), reason);
            throw new PhoneRefusals.NotPlaced(call.id(), reason);
        }
        calls.identify(call.id(), sid);
        return calls.find(organizationId, call.id()).orElseThrow();
    }

    /** Records why the call failed, and the refusal to throw. */
    private DomainException notPlaced(PhoneCall call, LiveKit.Failure failed, String unreachable) {
        LOG.log(System.Logger.Level.WARNING, "call " + call.id() + ": " + failed.getMessage());
        String reason = failed instanceof LiveKitConnector.Refused refused ? ProviderWords.of(refused.said())
                : unreachable;
        calls.advance(call.id(), PhoneCall.Status.FAILED, clock.instant(), reason);
        return new PhoneRefusals.NotPlaced(call.id(), reason);
    }

    private void deleteRoom(LiveKit.Endpoint endpoint, PhoneCall call) {
        try {
            liveKit.deleteRoom(endpoint, call.roomName());
        } catch (LiveKit.Failure failed) {
            LOG.log(System.Logger.Level.INFO, "room " + call.roomName() + " was not deleted (LiveKit closes it when"
                    + " nobody joins): " + failed.getMessage());
        }
    }

    @Override
    public PhoneCallPage list(OrganizationId organizationId, PhoneCallFilter filter, int limit, String cursor) {
        PhoneCallRepository.Position after = cursor == null ? null : decode(cursor);
        List<PhoneCallView> rows = calls.list(organizationId, filter, limit + 1, after);
        if (rows.size() <= limit) {
            return new PhoneCallPage(rows, null);
        }
        PhoneCall last = rows.get(limit - 1).call();
        return new PhoneCallPage(rows.subList(0, limit),
                new CursorText(last.startedAt(), last.id().toString()).encode());
    }

    private static PhoneCallRepository.Position decode(String cursor) {
        return CursorText.decode(cursor)
                .flatMap(text -> PhoneCallId.tryParse(text.key())
                        .map(id -> new PhoneCallRepository.Position(text.at(), id)))
                .orElseThrow(() -> ValidationException.of("cursor", "is not a cursor this API gave"));
    }

    @Override
    public Optional<PhoneCallView> get(OrganizationId organizationId, PhoneCallId id) {
        return calls.find(organizationId, id);
    }

    @Override
    public List<PhoneCall.Channel> channels(OrganizationId organizationId) {
        List<PhoneCall.Channel> channels = new ArrayList<>();
        if (phone.whatsApp(organizationId).isPresent()) {
            channels.add(PhoneCall.Channel.WHATSAPP);
        }
        if (phone.twilio(organizationId).isPresent()) {
            channels.add(PhoneCall.Channel.TWILIO);
        }
        return channels;
    }

    @Override
    public PhoneCallView hangUp(OrganizationId organizationId, PhoneCallId id) {
        PhoneCall call = calls.find(organizationId, id).orElseThrow(PhoneRefusals.CallNotFound::new).call();
        if (call.status().isFinal()) {
            return calls.find(organizationId, id).orElseThrow();
        }
        if (call.providerCallId() != null) {
            switch (call.channel()) {
                case WHATSAPP -> hangUpWhatsApp(call);
                case TWILIO -> hangUpTwilio(call);
            }
            calls.endedByZelto(call.id());
        } // else the provider never had the call (its dial is still under way or failed): only the record ends
        calls.advance(call.id(), PhoneCall.Status.ENDED, clock.instant(), "hung up through Zelto");
        return calls.find(organizationId, id).orElseThrow();
    }

    private void hangUpWhatsApp(PhoneCall call) {
        PhoneIntegrations.WhatsApp whatsApp = phone.whatsApp(call.organizationId())
                .orElseThrow(PhoneRefusals.NotConfigured::whatsApp);
        try {
            connector.disconnectWhatsApp(connections.endpointFor(call.organizationId()), call.providerCallId(),
                    whatsApp.account().accessToken(), true);
        } catch (LiveKit.Failure failed) {
            LOG.log(System.Logger.Level.WARNING, "LiveKit did not disconnect call " + call.id() + ": "
                    + failed.getMessage());
            throw new PhoneRefusals.NotHungUp("LiveKit did not disconnect it");
        }
    }

    private void hangUpTwilio(PhoneCall call) {
        PhoneIntegrations.Twilio account = phone.twilio(call.organizationId())
                .orElseThrow(PhoneRefusals.NotConfigured::twilio);
        try {
            twilio.endCall(account.account(), call.providerCallId(), call.connectedAt() == null);
        } catch (TwilioVoice.Failure failed) {
            LOG.log(System.Logger.Level.WARNING, "Twilio did not end call " + call.id() + ": " + failed.getMessage());
            throw new PhoneRefusals.NotHungUp(failed.said() != null ? "Twilio refused: " + failed.said()
                    : "Twilio did not answer");
        }
    }
}
