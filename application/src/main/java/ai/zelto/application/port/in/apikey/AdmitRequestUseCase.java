package ai.zelto.application.port.in.apikey;

/**
 * Decides whether a request that presents an API key may go on: the key must be valid and within its rate
 * limit. Every way in that takes keys (the JSON API, the MCP server, the voice session endpoint) asks this one
 * use case, so they authenticate and limit alike.
 */
public interface AdmitRequestUseCase {
    Admission admit(PresentedKey key);
}
