package ai.zelto.adapters.http.auth;

import ai.zelto.adapters.http.error.ErrorBody;
import ai.zelto.application.port.in.apikey.Admission;
import ai.zelto.application.port.in.apikey.AdmitRequestUseCase;
import ai.zelto.application.port.in.apikey.PresentedKey;
import io.dropwizard.auth.AuthDynamicFeature;
import io.dropwizard.auth.AuthValueFactoryProvider;
import jakarta.annotation.Priority;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import java.security.Principal;
import java.util.Optional;

/**
 * API-key authentication and rate limiting for every resource method that takes an {@code @Auth
 * ApiKeyPrincipal}. The key is read from {@code Authorization: Bearer} or {@code X-API-Key} only (see
 * {@link PresentedKey}); dropwizard-auth's own OAuth filter is not used because it falls back to an
 * {@code ?access_token=} query parameter. A missing, unknown or revoked key gets the contract's
 * {@code 401 {"error": "Unauthorized"}}; a key over its rate gets {@code 429 {"error": "Too many requests"}} with
 * {@code Retry-After}, and other keys are not affected.
 */
public final class ApiKeyAuth {
    static final String API_KEY_HEADER = "X-API-Key";

    private ApiKeyAuth() {
    }

    /** The Jersey components to register. */
    public static Object[] components(AdmitRequestUseCase admit) {
        return new Object[] {new AuthDynamicFeature(new HeaderKeyFilter(admit)),
                new AuthValueFactoryProvider.Binder<>(ApiKeyPrincipal.class)};
    }

    @Priority(Priorities.AUTHENTICATION)
    private static final class HeaderKeyFilter implements ContainerRequestFilter {
        private final AdmitRequestUseCase admit;

        HeaderKeyFilter(AdmitRequestUseCase admit) {
            this.admit = admit;
        }

        @Override
        public void filter(ContainerRequestContext request) {
            Optional<PresentedKey> key = PresentedKey.fromHeaders(request.getHeaderString(HttpHeaders.AUTHORIZATION),
                    request.getHeaderString(API_KEY_HEADER));
            Admission admission = key.map(admit::admit).orElseGet(Admission.Unauthorized::new);
            if (admission instanceof Admission.Admitted admitted) {
                request.setSecurityContext(new KeyContext(new ApiKeyPrincipal(admitted.key()),
                        request.getSecurityContext()));
            } else if (admission instanceof Admission.Throttled throttled) {
                request.abortWith(Response.status(429)
                        .header(HttpHeaders.RETRY_AFTER, Long.toString(throttled.retryAfterSeconds()))
                        .type(MediaType.APPLICATION_JSON_TYPE).entity(ErrorBody.of("Too many requests")).build());
            } else if (admission instanceof Admission.Unauthorized) {
                request.abortWith(Response.status(Response.Status.UNAUTHORIZED)
                        .header(HttpHeaders.WWW_AUTHENTICATE, "Bearer realm=\"zelto\"")
                        .type(MediaType.APPLICATION_JSON_TYPE).entity(ErrorBody.of("Unauthorized")).build());
            } else {
                throw new IllegalStateException("an admission this filter does not know: " + admission);
            }
        }
    }

    private record KeyContext(ApiKeyPrincipal principal, SecurityContext original) implements SecurityContext {
        @Override
        public Principal getUserPrincipal() {
            return principal;
        }

        @Override
        public boolean isUserInRole(String role) {
            return false;
        }

        @Override
        public boolean isSecure() {
            return original != null && original.isSecure();
        }

        @Override
        public String getAuthenticationScheme() {
            return "Bearer";
        }
    }
}
