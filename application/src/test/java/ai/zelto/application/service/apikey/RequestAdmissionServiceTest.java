package ai.zelto.application.service.apikey;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.zelto.application.port.in.apikey.Admission;
import ai.zelto.application.port.in.apikey.AuthenticatedKey;
import ai.zelto.application.port.in.apikey.PresentedKey;
import ai.zelto.domain.apikey.ApiKeyId;
import ai.zelto.domain.organization.OrganizationId;
import ai.zelto.domain.organization.UserId;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class RequestAdmissionServiceTest {
    private static final long SECOND = 1_000_000_000L;

    private final AtomicLong nanos = new AtomicLong(42 * SECOND);
    private final AuthenticatedKey first = key();
    private final AuthenticatedKey second = key();
    private final Map<String, AuthenticatedKey> valid = Map.of("zk_first", first, "zk_second", second);
    private final RequestAdmissionService admission = new RequestAdmissionService(
            presented -> Optional.ofNullable(valid.get(presented)), new KeyRateLimiter(2, 3, nanos::get));

    private static AuthenticatedKey key() {
        return new AuthenticatedKey(ApiKeyId.newId(), OrganizationId.newId(), UserId.newId());
    }

    private Admission admit(String key) {
        return admission.admit(new PresentedKey(key));
    }

    @Test
    void aValidKey_isAdmitted_asTheKeyItIs_andAnUnknownOneIsNot() {
        assertThat(admit("zk_first")).isEqualTo(new Admission.Admitted(first));
        assertThat(admit("zk_unknown")).isInstanceOf(Admission.Unauthorized.class);
    }

    @Test
    void aKeyOverItsBurst_isThrottled_untilItsBucketRefills_andOtherKeysAreNot() {
        for (int i = 0; i < 3; i++) {
            assertThat(admit("zk_first")).as("request %d of the burst", i).isInstanceOf(Admission.Admitted.class);
        }
        assertThat(admit("zk_first")).isEqualTo(new Admission.Throttled(1));
        assertThat(admit("zk_second")).isInstanceOf(Admission.Admitted.class);

        nanos.addAndGet(SECOND / 2);
        assertThat(admit("zk_first")).as("one token back after half a second at 2/s")
                .isInstanceOf(Admission.Admitted.class);
        assertThat(admit("zk_first")).isInstanceOf(Admission.Throttled.class);

        nanos.addAndGet(10 * SECOND);
        for (int i = 0; i < 3; i++) {
            assertThat(admit("zk_first")).as("refilled to the burst, never beyond").isInstanceOf(Admission.Admitted.class);
        }
        assertThat(admit("zk_first")).isInstanceOf(Admission.Throttled.class);
    }

    @Test
    void aLimiterNeedsARateAndABurst() {
        assertThatThrownBy(() -> new KeyRateLimiter(0, 3, nanos::get)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new KeyRateLimiter(1, 0.5, nanos::get)).isInstanceOf(IllegalArgumentException.class);
    }
}
