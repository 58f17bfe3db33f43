package ai.zelto.adapters.web.delivery;

import ai.zelto.adapters.web.page.Chrome;
import ai.zelto.adapters.web.page.Formats;
import ai.zelto.adapters.web.page.Layout;
import ai.zelto.adapters.web.page.Page;
import ai.zelto.adapters.web.session.Visitor;
import ai.zelto.application.port.in.delivery.ListDeliveriesUseCase;
import ai.zelto.application.readmodel.DeliveryPage;
import ai.zelto.application.readmodel.DeliveryQuery;
import ai.zelto.application.readmodel.PageCursor;
import ai.zelto.domain.delivery.DeliveryStatus;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Context;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * {@code /deliveries}: what arrived, newest first, with its status and, when it failed, the reason in words. "A 200
 * and then nothing" shows here: an accepted upload that could not become a call is a failed row, not a silence.
 * Filters {@code status} and {@code provider} live in the URL.
 */
@Path("/deliveries")
@Produces(Page.HTML)
public final class DeliveriesPageResource {
    static final int PAGE_SIZE = 50;

    private final ListDeliveriesUseCase deliveries;
    private final Layout layout;

    public record DeliveriesView(Chrome chrome, List<Tab> tabs, String provider, List<Row> rows, String olderUrl,
                                 String status) {
    }

    /** A status filter; {@code current} when it is the one shown. */
    public record Tab(String label, String href, boolean current) {
    }

    public record Row(String id, String receivedIso, String receivedLabel, String provider, String providerLabel,
                      String status, String reason, String callHref) {
    }

    public DeliveriesPageResource(ListDeliveriesUseCase deliveries, Layout layout) {
        this.deliveries = deliveries;
        this.layout = layout;
    }

    @GET
    public Page list(@Context ContainerRequestContext request, @QueryParam("status") String statusText,
                     @QueryParam("provider") String providerText, @QueryParam("cursor") String cursorText) {
        Visitor visitor = Visitor.of(request);
        DeliveryStatus status = Arrays.stream(DeliveryStatus.values())
                .filter(s -> s.wireName().equals(statusText)).findFirst().orElse(null);
        String provider = providerText == null || providerText.isBlank() ? null : providerText.strip();
        PageCursor after = cursorText == null ? null : PageCursor.decode(cursorText).orElse(null);
        DeliveryPage page = deliveries.listDeliveries(new DeliveryQuery(visitor.member().organizationId(), status,
                provider, null, PAGE_SIZE, after));
        List<Tab> tabs = new ArrayList<>();
        tabs.add(new Tab("All", link(null, provider, null), status == null));
        for (DeliveryStatus each : List.of(DeliveryStatus.FAILED, DeliveryStatus.PENDING, DeliveryStatus.PROCESSED,
                DeliveryStatus.SKIPPED, DeliveryStatus.DROPPED)) {
            tabs.add(new Tab(label(each), link(each, provider, null), each == status));
        }
        List<Row> rows = page.data().stream().map(delivery -> new Row(delivery.id().toString(),
                Formats.iso(delivery.receivedAt()), Formats.time(delivery.receivedAt()), delivery.provider(),
                Formats.provider(delivery.provider()), delivery.status().wireName(),
                delivery.reason() == null ? "" : delivery.reason(),
                delivery.conversationId() == null ? null : "/conversations/" + delivery.conversationId())).toList();
        return new Page("deliveries.jte", new DeliveriesView(layout.chrome(visitor, "Deliveries", "deliveries"), tabs,
                provider == null ? "" : provider, rows,
                page.next() == null ? null : link(status, provider, page.next().encode()),
                status == null ? "" : status.wireName()));
    }

    private static String label(DeliveryStatus status) {
        String name = status.wireName();
        return Character.toUpperCase(name.charAt(0)) + name.substring(1);
    }

    private static String link(DeliveryStatus status, String provider, String cursor) {
        StringBuilder link = new StringBuilder("/deliveries");
        char separator = '?';
        if (status != null) {
            link.append(separator).append("status=").append(status.wireName());
            separator = '&';
        }
        if (provider != null) {
            link.append(separator).append("provider=").append(URLEncoder.encode(provider, StandardCharsets.UTF_8));
            separator = '&';
        }
        if (cursor != null) {
            link.append(separator).append("cursor=").append(cursor);
        }
        return link.toString();
    }
}
