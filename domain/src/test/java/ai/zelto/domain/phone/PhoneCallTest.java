package ai.zelto.domain.phone;

import static org.assertj.core.api.Assertions.assertThat;

import ai.zelto.domain.agent.AgentId;
import ai.zelto.domain.organization.OrganizationId;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class PhoneCallTest {
    private static final OrganizationId ORG = new OrganizationId(UUID.randomUUID());

    @Test
    void aCallOnlyMovesForward_andAFinishedCallNeverMovesAgain() {
        PhoneCall dialing = PhoneCall.begin(ORG, PhoneCall.Channel.TWILIO, PhoneCall.Direction.OUTBOUND, "+15550001",
                "+15550002", AgentId.newId(), null, Instant.EPOCH);
        assertThat(dialing.status()).isEqualTo(PhoneCall.Status.DIALING);
        assertThat(dialing.canMoveTo(PhoneCall.Status.RINGING)).isTrue();
        assertThat(dialing.canMoveTo(PhoneCall.Status.ENDED)).isTrue();
        assertThat(dialing.canMoveTo(PhoneCall.Status.DIALING)).isFalse();
        assertThat(PhoneCall.Status.CONNECTED.reachableFrom())
                .containsExactly(PhoneCall.Status.DIALING, PhoneCall.Status.RINGING);
        assertThat(PhoneCall.Status.RINGING.reachableFrom()).containsExactly(PhoneCall.Status.DIALING);
        for (PhoneCall.Status last : PhoneCall.Status.values()) {
            if (last.isFinal()) {
                for (PhoneCall.Status next : PhoneCall.Status.values()) {
                    assertThat(next.reachableFrom()).as(last + " → " + next).doesNotContain(last);
                }
            }
        }
    }

    @Test
    void aPersonsCallStartsRinging_inARoomNamedForIt_andThePersonIsWhoCalled() {
        PhoneCall inbound = PhoneCall.begin(ORG, PhoneCall.Channel.WHATSAPP, PhoneCall.Direction.INBOUND,
                "+16315553602", "+16315553601", null, "wacid.x", Instant.EPOCH);
        assertThat(inbound.status()).isEqualTo(PhoneCall.Status.RINGING);
        assertThat(inbound.roomName()).isEqualTo("call_" + inbound.id());
        assertThat(inbound.personNumber()).isEqualTo("+16315553602");
    }

    @Test
    void numbersAreReadAsPeopleAndProvidersWriteThem() {
        assertThat(PhoneNumber.parse("16315553602")).contains("+16315553602");
        assertThat(PhoneNumber.parse("+1 (631) 555-3602")).contains("+16315553602");
        assertThat(PhoneNumber.parse("0044 20 7946 0958")).contains("+442079460958");
        assertThat(PhoneNumber.parse("client:alice")).isEmpty();
        assertThat(PhoneNumber.parse("+0123456")).isEmpty();
        assertThat(PhoneNumber.parse("+1234567890123456")).as("16 digits").isEmpty();
        assertThat(PhoneNumber.parse(null)).isEmpty();
        assertThat(PhoneNumber.digits("+16315553602")).isEqualTo("16315553602");
    }

    @Test
    void aWhatsAppEvent_isKeyedPerCallAndEvent_andKnowsThePersonWhicheverWayMetaWritesIt() {
        WhatsAppEvent connect = event(WhatsAppEvent.Kind.CONNECT, null, "16315553601", "16315553602",
                PhoneCall.Direction.OUTBOUND);
        assertThat(connect.personNumber()).as("from = the business").isEqualTo("+16315553602");
        WhatsAppEvent reversed = event(WhatsAppEvent.Kind.CONNECT, null, "16315553602", "16315553601",
                PhoneCall.Direction.OUTBOUND);
        assertThat(reversed.personNumber()).as("to = the business").isEqualTo("+16315553602");
        assertThat(event(WhatsAppEvent.Kind.STATUS, "RINGING", null, null, null).dedupeKey())
                .isNotEqualTo(event(WhatsAppEvent.Kind.STATUS, "ACCEPTED", null, null, null).dedupeKey());
        assertThat(connect.dedupeKey()).isEqualTo(reversed.dedupeKey())
                .isNotEqualTo(event(WhatsAppEvent.Kind.TERMINATE, "COMPLETED", null, null, null).dedupeKey());
    }

    private static WhatsAppEvent event(WhatsAppEvent.Kind kind, String status, String from, String to,
                                       PhoneCall.Direction direction) {
        return new WhatsAppEvent(kind, "wacid.1", "106540352242922", "16315553601", direction, from, to, null, null,
                null, status, null, null, null, null, null, null);
    }
}
