package ai.zelto.adapters.http.auth;

import ai.zelto.application.port.in.apikey.AuthenticateApiKeyUseCase;
import io.dropwizard.auth.Authenticator;
import java.util.Optional;

/** Resolves a Bearer token through the authentication use case. */
final class ApiKeyAuthenticator implements Authenticator<String, ApiKeyPrincipal> {
    private final AuthenticateApiKeyUseCase authenticate;

    ApiKeyAuthenticator(AuthenticateApiKeyUseCase authenticate) {
        this.authenticate = authenticate;
    }

    @Override
    public Optional<ApiKeyPrincipal> authenticate(String token) {
        return authenticate.authenticate(token).map(ApiKeyPrincipal::new);
    }
}
