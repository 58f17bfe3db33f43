package ai.zelto.adapters.http.delivery;

import ai.zelto.adapters.http.auth.ApiKeyPrincipal;
import ai.zelto.adapters.http.common.Json;
import ai.zelto.adapters.http.error.ApiErrors;
import ai.zelto.application.port.in.delivery.GetDeliveryUseCase;
import ai.zelto.application.readmodel.DeliveryView;
import ai.zelto.domain.delivery.DeliveryId;
import io.dropwizard.auth.Auth;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/** {@code /v1/deliveries/{id}}: what became of one delivery (the id is in the webhook's X-Zelto-Delivery-Id). */
@Path("/v1/deliveries")
@Produces(MediaType.APPLICATION_JSON)
public final class DeliveriesResource {
    private final GetDeliveryUseCase get;

    public DeliveriesResource(GetDeliveryUseCase get) {
        this.get = get;
    }

    public record DeliveryResponse(String id, String provider, String receivedAt, String status, String reason,
                                   String conversationId) {
        static DeliveryResponse from(DeliveryView view) {
            return new DeliveryResponse(view.id().toString(), view.provider(), Json.time(view.receivedAt()),
                    view.status().wireName(), view.reason(),
                    view.conversationId() == null ? null : view.conversationId().toString());
        }
    }

    @GET
    @Path("/{id}")
    public Response get(@Auth ApiKeyPrincipal caller, @PathParam("id") String id) {
        return DeliveryId.tryParse(id)
                .flatMap(deliveryId -> get.getDelivery(caller.organizationId(), deliveryId))
                .map(view -> Response.ok(DeliveryResponse.from(view)).build())
                .orElseGet(ApiErrors::notFound);
    }
}
