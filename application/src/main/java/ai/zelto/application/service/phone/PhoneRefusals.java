package ai.zelto.application.service.phone;

import ai.zelto.domain.phone.PhoneCallId;
import ai.zelto.domain.shared.DomainException;

/** Why a call was not placed or hung up, each with its code and category. */
public final class PhoneRefusals {
    private PhoneRefusals() {
    }

    /** The organization has not set up the channel (or a part of it the call needs). */
    public static final class NotConfigured extends DomainException {
        private static final long serialVersionUID = 1L;

        NotConfigured(String message) {
            super(message);
        }

        static NotConfigured whatsApp() {
            return new NotConfigured("WhatsApp is not configured: set your number with PUT /v1/integrations/whatsapp"
                    + " {\"phoneNumberId\", \"accessToken\", \"appSecret\"} (Settings → Integrations → WhatsApp)");
        }

        static NotConfigured twilio() {
            return new NotConfigured("Twilio is not configured: set your account with PUT /v1/integrations/twilio"
                    + " {\"accountSid\", \"authToken\", \"phoneNumber\"} (Settings → Integrations → Twilio)");
        }

        @Override
        public String code() {
            return "phone_not_configured";
        }

        @Override
        public Category category() {
            return Category.CONFLICT;
        }
    }

    /** The provider or LiveKit refused the call, or did not answer; the call is kept as failed. */
    public static final class NotPlaced extends DomainException {
        private static final long serialVersionUID = 1L;

        NotPlaced(PhoneCallId id, String reason) {
            super("the call could not be placed: " + reason + " (kept as failed: GET /v1/phone/calls/" + id + ")");
        }

        @Override
        public String code() {
            return "call_not_placed";
        }

        @Override
        public Category category() {
            return Category.DEPENDENCY_FAILED;
        }
    }

    /** Hanging up failed; the call goes on. */
    public static final class NotHungUp extends DomainException {
        private static final long serialVersionUID = 1L;

        NotHungUp(String reason) {
            super("the call could not be hung up: " + reason + "; it is still going, try again");
        }

        @Override
        public String code() {
            return "call_not_hung_up";
        }

        @Override
        public Category category() {
            return Category.DEPENDENCY_FAILED;
        }
    }

    /** No call with that id in the caller's organization. */
    public static final class CallNotFound extends DomainException {
        private static final long serialVersionUID = 1L;

        CallNotFound() {
            super("no phone call of this organization has that id");
        }

        @Override
        public String code() {
            return "phone_call_not_found";
        }

        @Override
        public Category category() {
            return Category.NOT_FOUND;
        }
    }
}
