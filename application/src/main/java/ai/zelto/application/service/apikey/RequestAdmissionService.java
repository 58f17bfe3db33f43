package ai.zelto.application.service.apikey;

import ai.zelto.application.port.in.apikey.Admission;
import ai.zelto.application.port.in.apikey.AdmitRequestUseCase;
import ai.zelto.application.port.in.apikey.AuthenticateApiKeyUseCase;
import ai.zelto.application.port.in.apikey.AuthenticatedKey;
import ai.zelto.application.port.in.apikey.PresentedKey;
import java.util.Optional;

/** Authenticates the presented key, then charges the request to that key's rate limit. */
public final class RequestAdmissionService implements AdmitRequestUseCase {
    private final AuthenticateApiKeyUseCase authenticate;
    private final KeyRateLimiter limiter;

    public RequestAdmissionService(AuthenticateApiKeyUseCase authenticate, KeyRateLimiter limiter) {
        this.authenticate = authenticate;
        this.limiter = limiter;
    }

    @Override
    public Admission admit(PresentedKey key) {
        Optional<AuthenticatedKey> found = authenticate.authenticate(key.secret());
        if (found.isEmpty()) {
            return new Admission.Unauthorized();
        }
        long waitSeconds = limiter.take(found.get().keyId());
        return waitSeconds > 0 ? new Admission.Throttled(waitSeconds) : new Admission.Admitted(found.get());
    }
}
