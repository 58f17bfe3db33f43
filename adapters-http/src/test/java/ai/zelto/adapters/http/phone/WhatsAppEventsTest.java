package ai.zelto.adapters.http.phone;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.zelto.domain.phone.PhoneCall;
import ai.zelto.domain.phone.WhatsAppEvent;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Meta's call webhooks as Meta sends them (telephony reference §1.3–1.6), real captures included. */
class WhatsAppEventsTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    private static List<WhatsAppEvent> read(String json) throws Exception {
        JsonNode body = JSON.readTree(json);
        return WhatsAppEvents.read(body);
    }

    @Test
    void aRealConnect_isAPersonsCallWithItsOffer() throws Exception {
        List<WhatsAppEvent> events = read("""
                {"object":"whatsapp_business_account","entry":[{"id":"553133154547046","changes":[{"value":{
                  "messaging_product":"whatsapp",
                  "metadata":{"display_phone_number":"15551441906","phone_number_id":"518638374672395"},
                  "contacts":[{"profile":{"name":"917358580180"},"wa_id":"917358580180"}],
                  "calls":[{"id":"wacid.HBgMOTE3MzU4NTgwMTgwFQIAEhggQUNEODk3OUQ3NzI4MjZBRTZFNEE2MzU3NDEzNDg4RUUcGAsxNTU1MTQ0MTkwNhUCABUKAA==",
                    "from":"917358580180","to":"15551441906","event":"connect","timestamp":"1760681506",
                    "direction":"USER_INITIATED",
                    "session":{"sdp":"v=0\\r\\na=ice-lite\\r\\n","sdp_type":"offer"}}]},
                  "field":"calls"}]}]}""");
        assertThat(events).hasSize(1);
        WhatsAppEvent connect = events.get(0);
        assertThat(connect.kind()).isEqualTo(WhatsAppEvent.Kind.CONNECT);
        assertThat(connect.callId()).endsWith("AA==");
        assertThat(connect.phoneNumberId()).isEqualTo("518638374672395");
        assertThat(connect.direction()).isEqualTo(PhoneCall.Direction.INBOUND);
        assertThat(connect.sdpType()).isEqualTo("offer");
        assertThat(connect.sdp()).isEqualTo("v=0\r\na=ice-lite\r\n");
        assertThat(connect.timestamp()).isEqualTo(1760681506L);
        assertThat(connect.personNumber()).isEqualTo("+917358580180");
        assertThat(connect.personName()).isEqualTo("917358580180");
    }

    @Test
    void aRealFailedTerminate_hasAPlainStatus_itsTimes_andTheErrorsWords() throws Exception {
        List<WhatsAppEvent> events = read("""
                {"object":"whatsapp_business_account","entry":[{"id":"1","changes":[{"value":{
                  "messaging_product":"whatsapp","metadata":{"display_phone_number":"15551441906","phone_number_id":"5"},
                  "calls":[{"id":"wacid.X","from":"917358580180","to":"15551441906","event":"terminate",
                    "timestamp":"1760681533","direction":"USER_INITIATED","start_time":"1760681513",
                    "end_time":"1760681533","duration":20,"status":"FAILED",
                    "errors":[{"code":138021,"title":"WhatsApp client terminated the call due to not receiving any media for a long time. Please try again",
                      "message":"same","error_data":{"details":"No media for a long time."}}]}],
                  "errors":[{"code":138021,"title":"outer"}]},"field":"calls"}]}]}""");
        WhatsAppEvent terminate = events.get(0);
        assertThat(terminate.kind()).isEqualTo(WhatsAppEvent.Kind.TERMINATE);
        assertThat(terminate.status()).isEqualTo("FAILED");
        assertThat(terminate.durationSeconds()).isEqualTo(20);
        assertThat(terminate.startTime()).isEqualTo(1760681513L);
        assertThat(terminate.endTime()).isEqualTo(1760681533L);
        assertThat(terminate.error()).isEqualTo("No media for a long time. (138021)");
    }

    @Test
    void theDocumentedShapes_arrayStatusAndErrorsBesideTheCall_areReadToo() throws Exception {
        List<WhatsAppEvent> events = read("""
                {"object":"whatsapp_business_account","entry":[{"id":"1","changes":[{"value":{
                  "metadata":{"display_phone_number":"16505553602","phone_number_id":"7"},
                  "calls":[{"id":"wacid.Y","to":"16315553601","from":"16315553602","event":"terminate",
                    "direction":"USER_INITIATED","timestamp":"1671644824","status":["Completed","Failed"]}],
                  "errors":[{"code":138021,"message":"ERROR_TITLE"}]},"field":"calls"}]}]}""");
        assertThat(events.get(0).status()).isEqualTo("COMPLETED");
        assertThat(events.get(0).error()).isEqualTo("ERROR_TITLE (138021)");
        assertThat(events.get(0).durationSeconds()).isNull();
    }

    @Test
    void batches_areReadWhole_statusesToo_andOtherFieldsAreIgnored() throws Exception {
        List<WhatsAppEvent> events = read("""
                {"object":"whatsapp_business_account","entry":[
                  {"id":"1","changes":[
                    {"value":{"metadata":{"phone_number_id":"7","display_phone_number":"16315553601"},
                      "statuses":[{"id":"wacid.A","timestamp":"1671644824","type":"call","status":"RINGING",
                        "recipient_id":"163155536021","biz_opaque_callback_data":"our-id"},
                        {"id":"wamid.message","status":"delivered","type":"message"}]},"field":"calls"},
                    {"value":{"messages":[{"id":"wamid.1","type":"text"}]},"field":"messages"}]},
                  {"id":"2","changes":[
                    {"value":{"metadata":{"phone_number_id":"7","display_phone_number":"16315553601"},
                      "calls":[{"id":"wacid.B","event":"connect","direction":"BUSINESS_INITIATED",
                        "from":"16315553601","to":"16315553602",
                        "connection":{"webrtc":{"sdp":"v=0 answer"}},"session":{"sdp_type":"answer"}},
                        {"id":"wacid.C","event":"ringing_somewhere_new"}]},"field":"calls"}]}]}""");
        assertThat(events).extracting(WhatsAppEvent::callId).containsExactly("wacid.A", "wacid.B");
        WhatsAppEvent ringing = events.get(0);
        assertThat(ringing.kind()).isEqualTo(WhatsAppEvent.Kind.STATUS);
        assertThat(ringing.status()).isEqualTo("RINGING");
        assertThat(ringing.callbackData()).isEqualTo("our-id");
        WhatsAppEvent answered = events.get(1);
        assertThat(answered.direction()).isEqualTo(PhoneCall.Direction.OUTBOUND);
        assertThat(answered.sdp()).as("the SDP where only connection.webrtc has it").isEqualTo("v=0 answer");
        assertThat(answered.personNumber()).isEqualTo("+16315553602");
    }

    @Test
    void aBodyThatIsNoWebhook_isRefused() {
        assertThatThrownBy(() -> read("[1]")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> read("{\"object\":\"page\"}")).isInstanceOf(IllegalArgumentException.class);
    }
}
