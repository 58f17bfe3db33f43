package ai.zelto.adapters.mcp;

import ai.zelto.application.port.in.credit.GetCreditsUseCase;
import ai.zelto.application.readmodel.CreditBalance;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/** {@code get_credits}: the organization's balance. */
final class GetCreditsTool implements ZeltoTool {
    private final GetCreditsUseCase credits;

    GetCreditsTool(GetCreditsUseCase credits) {
        this.credits = credits;
    }

    @Override
    public String name() {
        return "get_credits";
    }

    @Override
    public String title() {
        return "Get credits";
    }

    @Override
    public String description() {
        return "The organization's credit balance (granted minus charged; one credit per started minute of each"
                + " conversation, charged once), and the console URL of its history.";
    }

    @Override
    public Set<String> arguments() {
        return Set.of();
    }

    @Override
    public String inputSchema() {
        return "{\"type\": \"object\", \"additionalProperties\": false, \"properties\": {}}";
    }

    @Override
    public String outputSchema() {
        return """
                {"type": "object", "required": ["balance", "charged", "granted", "url"], "properties": {
                  "balance": {"type": "integer"}, "charged": {"type": "integer"}, "granted": {"type": "integer"},
                  "url": {"type": "string"}}}""";
    }

    @Override
    public Map<String, Object> call(Caller caller, Arguments arguments) {
        CreditBalance balance = credits.getCredits(caller.key().organizationId());
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("balance", balance.balance());
        result.put("charged", balance.charged());
        result.put("granted", balance.granted());
        result.put("url", caller.url("/credits"));
        return result;
    }
}
