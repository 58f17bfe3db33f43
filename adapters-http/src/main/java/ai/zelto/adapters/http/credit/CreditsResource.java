package ai.zelto.adapters.http.credit;

import ai.zelto.adapters.http.auth.ApiKeyPrincipal;
import ai.zelto.application.port.in.credit.GetCreditsUseCase;
import ai.zelto.application.readmodel.CreditBalance;
import io.dropwizard.auth.Auth;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/** {@code /v1/credits}: {@code {balance, charged, granted}}. */
@Path("/v1/credits")
@Produces(MediaType.APPLICATION_JSON)
public final class CreditsResource {
    private final GetCreditsUseCase get;

    public CreditsResource(GetCreditsUseCase get) {
        this.get = get;
    }

    @GET
    public CreditBalance get(@Auth ApiKeyPrincipal caller) {
        return get.getCredits(caller.organizationId());
    }
}
