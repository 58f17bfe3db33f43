package ai.zelto.adapters.telephony;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.zelto.application.port.out.LiveKitConnector;
import ai.zelto.application.port.out.TwilioVoice;
import ai.zelto.application.port.out.WhatsAppCloud;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Twilio's REST calls and Meta's reject against servers that answer as Twilio and Meta do. */
class TelephonyApisTest {
    private static final String ACCOUNT = "AC" + "00000000000000000000000000000abc";
    private static final TwilioVoice.Account TWILIO = new TwilioVoice.Account(ACCOUNT, "token & more");
    private static FakeTwilioServer twilio;
    private static FakeMetaGraph meta;

    @BeforeAll
    static void start() throws Exception {
        twilio = new FakeTwilioServer();
        twilio.account(ACCOUNT, "token & more");
        meta = new FakeMetaGraph();
    }

    @AfterAll
    static void stop() {
        twilio.close();
        meta.close();
    }

    @BeforeEach
    void clear() {
        twilio.clear();
        meta.clear();
    }

    private static TwilioRestApi rest() {
        return new TwilioRestApi(twilio.url() + "/", Duration.ofSeconds(5));
    }

    @Test
    void twilio_placesACallFormEncoded_withBasicAuth_andEveryStatusEvent() throws Exception {
        String twiml = "<Response><Connect><Stream url=\"wss://x/y?a=1&amp;b=2\"/></Connect></Response>";
        String sid = rest().createCall(TWILIO, new TwilioVoice.NewCall("+15551234567", "+15557654321", twiml,
                "https://zelto.example.com/webhooks/twilio/zh_x?call=1"));
        assertThat(sid).startsWith("CA").hasSize(34);
        FakeTwilioServer.Request created = twilio.created().get(0);
        assertThat(created.first("Twiml")).isEqualTo(twiml);
        assertThat(created.first("To")).isEqualTo("+15551234567");
        assertThat(created.first("StatusCallback")).isEqualTo("https://zelto.example.com/webhooks/twilio/zh_x?call=1");
        assertThat(created.form().get("StatusCallbackEvent")).containsExactly("initiated", "ringing", "answered",
                "completed");
    }

    @Test
    void twilio_refusals_carryTwiliosMessageAndCode_andAWrongTokenIsRefused() {
        twilio.failWith(400, "The 'To' number 5 is not a valid phone number.");
        assertThatThrownBy(() -> rest().createCall(TWILIO, new TwilioVoice.NewCall("5", "+1", "<Response/>", "h")))
                .isInstanceOfSatisfying(TwilioVoice.Failure.class, failure -> assertThat(failure.said())
                        .isEqualTo("The 'To' number 5 is not a valid phone number. (Twilio error 21211)"));
        twilio.clear();
        TwilioVoice.Account wrong = new TwilioVoice.Account(ACCOUNT, "not-the-token");
        assertThatThrownBy(() -> rest().createCall(wrong, new TwilioVoice.NewCall("+1", "+1", "<Response/>", "h")))
                .isInstanceOfSatisfying(TwilioVoice.Failure.class,
                        failure -> assertThat(failure.said()).contains("20003"));
        assertThatThrownBy(() -> rest().createCall(TWILIO, new TwilioVoice.NewCall("+1", "+1", "x".repeat(4001),
                "h"))).isInstanceOf(TwilioVoice.Failure.class);
        assertThat(twilio.requests()).as("too long TwiML is not sent").hasSize(1);
        assertThatThrownBy(() -> new TwilioRestApi("http://127.0.0.1:9", Duration.ofSeconds(2)).endCall(TWILIO,
                "CA" + "0".repeat(32), false)).isInstanceOfSatisfying(TwilioVoice.Failure.class,
                failure -> assertThat(failure.said()).isNull());
    }

    @Test
    void twilio_endsARingingCallByCanceling_andFallsBackToCompletedWhenItWasAnsweredMeanwhile() throws Exception {
        String sid = "CA" + "0".repeat(31) + "1";
        rest().endCall(TWILIO, sid, true);
        twilio.refuseCancel(true);
        rest().endCall(TWILIO, sid, true);
        rest().endCall(TWILIO, sid, false);
        assertThat(twilio.updates()).extracting(request -> request.first("Status"))
                .containsExactly("canceled", "canceled", "completed", "completed");
        assertThat(twilio.updates().get(0).path()).isEqualTo("/2010-04-01/Accounts/" + ACCOUNT + "/Calls/" + sid
                + ".json");
    }

    @Test
    void meta_rejectsTheCall_withTheAccessToken_onTheNumbersCallsEndpoint() throws Exception {
        MetaCloudApi api = new MetaCloudApi(meta.url(), Duration.ofSeconds(5));
        LiveKitConnector.WhatsAppAccount account = new LiveKitConnector.WhatsAppAccount("106540352242922", "EAAG",
                "24.0");
        api.reject(account, "wacid.X==");
        FakeMetaGraph.Request request = meta.requests().get(0);
        assertThat(request.path()).isEqualTo("/v24.0/106540352242922/calls");
        assertThat(request.authorization()).isEqualTo("Bearer EAAG");
        assertThat(request.body()).isEqualTo("{\"messaging_product\":\"whatsapp\",\"call_id\":\"wacid.X==\","
                + "\"action\":\"reject\"}");
        meta.failWith(401);
        assertThatThrownBy(() -> api.reject(account, "wacid.Y")).isInstanceOf(WhatsAppCloud.Failure.class)
                .hasMessageContaining("138000").hasMessageNotContaining("EAAG\"");
    }
}
