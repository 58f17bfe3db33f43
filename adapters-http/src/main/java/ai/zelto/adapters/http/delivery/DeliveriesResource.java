package ai.zelto.adapters.http.delivery;

import ai.zelto.adapters.http.auth.ApiKeyPrincipal;
import ai.zelto.adapters.http.common.Json;
import ai.zelto.adapters.http.common.QueryParams;
import ai.zelto.adapters.http.error.ApiErrors;
import ai.zelto.application.port.in.delivery.GetDeliveryUseCase;
import ai.zelto.application.port.in.delivery.ListDeliveriesUseCase;
import ai.zelto.application.readmodel.DeliveryPage;
import ai.zelto.application.readmodel.DeliveryQuery;
import ai.zelto.application.readmodel.DeliveryView;
import ai.zelto.application.readmodel.PageCursor;
import ai.zelto.domain.delivery.DeliveryId;
import ai.zelto.domain.delivery.DeliveryStatus;
import io.dropwizard.auth.Auth;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * {@code /v1/deliveries}: the org's deliveries, newest received first ({@code status}, {@code provider},
 * {@code limit}, {@code cursor}), so a failed one is never invisible; and {@code /v1/deliveries/{id}}: what became of
 * one delivery (the id is in the webhook's X-Zelto-Delivery-Id).
 */
@Path("/v1/deliveries")
@Produces(MediaType.APPLICATION_JSON)
public final class DeliveriesResource {
    private static final Set<String> KNOWN = Set.of("status", "provider", "limit", "cursor");
    private final GetDeliveryUseCase get;
    private final ListDeliveriesUseCase list;

    public DeliveriesResource(GetDeliveryUseCase get, ListDeliveriesUseCase list) {
        this.get = get;
        this.list = list;
    }

    /** A page of deliveries; {@code nextCursor} is null on the last page. */
    public record PageResponse(List<DeliveryResponse> data, String nextCursor) {
    }

    @GET
    public PageResponse list(@Auth ApiKeyPrincipal caller, @Context UriInfo uri) {
        MultivaluedMap<String, String> given = uri.getQueryParameters();
        QueryParams params = new QueryParams();
        params.allowOnly(given, KNOWN);
        DeliveryStatus status = params.parsed("status", given.getFirst("status"), DeliveriesResource::status,
                "one of pending, processed, skipped, dropped, failed");
        int limit = params.integer("limit", given.getFirst("limit"), DeliveryQuery.DEFAULT_LIMIT, 1,
                DeliveryQuery.MAX_LIMIT);
        PageCursor after = params.parsed("cursor", given.getFirst("cursor"), PageCursor::decode,
                "a nextCursor from a previous page");
        params.check();
        DeliveryPage page = list.listDeliveries(new DeliveryQuery(caller.organizationId(), status,
                QueryParams.text(given.getFirst("provider")), null, limit, after));
        return new PageResponse(page.data().stream().map(DeliveryResponse::from).toList(),
                page.next() == null ? null : page.next().encode());
    }

    private static Optional<DeliveryStatus> status(String text) {
        return Arrays.stream(DeliveryStatus.values()).filter(s -> s.wireName().equals(text)).findFirst();
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
