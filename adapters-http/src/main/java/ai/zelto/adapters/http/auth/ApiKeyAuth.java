package ai.zelto.adapters.http.auth;

import ai.zelto.adapters.http.error.ErrorBody;
import ai.zelto.application.port.in.apikey.AuthenticateApiKeyUseCase;
import io.dropwizard.auth.AuthDynamicFeature;
import io.dropwizard.auth.AuthValueFactoryProvider;
import io.dropwizard.auth.UnauthorizedHandler;
import io.dropwizard.auth.oauth.OAuthCredentialAuthFilter;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/**
 * Bearer-key authentication for every resource method that takes an {@code @Auth ApiKeyPrincipal}. A missing,
 * unknown or revoked key gets the contract's {@code 401 {"error": "Unauthorized"}}, not dropwizard-auth's
 * default body.
 */
public final class ApiKeyAuth {
    private ApiKeyAuth() {
    }

    /** The Jersey components to register. */
    public static Object[] components(AuthenticateApiKeyUseCase authenticate) {
        OAuthCredentialAuthFilter<ApiKeyPrincipal> filter = new OAuthCredentialAuthFilter.Builder<ApiKeyPrincipal>()
                .setAuthenticator(new ApiKeyAuthenticator(authenticate))
                .setPrefix("Bearer")
                .setRealm("zelto")
                .setUnauthorizedHandler(new JsonUnauthorizedHandler())
                .buildAuthFilter();
        return new Object[] {new AuthDynamicFeature(filter),
                new AuthValueFactoryProvider.Binder<>(ApiKeyPrincipal.class)};
    }

    /** The contract's 401 body instead of dropwizard-auth's plain-text one. */
    private static final class JsonUnauthorizedHandler implements UnauthorizedHandler {
        @Override
        public Response buildResponse(String prefix, String realm) {
            return Response.status(Response.Status.UNAUTHORIZED)
                    .header("WWW-Authenticate", prefix + " realm=\"" + realm + "\"")
                    .type(MediaType.APPLICATION_JSON_TYPE)
                    .entity(ErrorBody.of("Unauthorized"))
                    .build();
        }
    }
}
