package ai.zelto.application.port.in.apikey;

import java.util.Optional;

/** Resolves a presented key to the org and user it acts for; empty when unknown, malformed or revoked. */
public interface AuthenticateApiKeyUseCase {
    Optional<AuthenticatedKey> authenticate(String presentedKey);
}
