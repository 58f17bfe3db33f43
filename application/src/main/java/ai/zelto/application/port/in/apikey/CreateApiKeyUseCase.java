package ai.zelto.application.port.in.apikey;

/** Creates an API key; the only moment its secret is known. */
public interface CreateApiKeyUseCase {
    CreatedApiKey create(CreateApiKeyCommand command);
}
