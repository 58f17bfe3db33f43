package ai.zelto.adapters.web.audit;

import ai.zelto.adapters.web.page.Chrome;
import ai.zelto.adapters.web.page.Formats;
import ai.zelto.adapters.web.page.Layout;
import ai.zelto.adapters.web.page.Page;
import ai.zelto.adapters.web.session.Visitor;
import ai.zelto.application.port.in.audit.ListAuditUseCase;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Context;
import java.util.List;
import java.util.stream.Collectors;

/**
 * {@code /audit}: the organization's audit entries (sign-ins and failures, keys, members and roles, settings),
 * newest first. The log is hash-chained; {@code zelto audit verify} checks the chain.
 */
@Path("/audit")
@Produces(Page.HTML)
public final class AuditPageResource {
    static final int ENTRIES = 200;

    private final ListAuditUseCase audit;
    private final Layout layout;

    public record AuditView(Chrome chrome, List<Entry> entries) {
    }

    public record Entry(String atIso, String atLabel, String actor, String action, String target, String details) {
    }

    public AuditPageResource(ListAuditUseCase audit, Layout layout) {
        this.audit = audit;
        this.layout = layout;
    }

    @GET
    public Page show(@Context ContainerRequestContext request) {
        Visitor visitor = Visitor.of(request);
        List<Entry> entries = audit.listAudit(visitor.member().organizationId(), ENTRIES).stream()
                .map(link -> new Entry(Formats.iso(link.entry().at()), Formats.time(link.entry().at()),
                        link.entry().actor(), link.entry().action(), link.entry().target(),
                        link.entry().details().entrySet().stream().map(e -> e.getKey() + ": " + e.getValue())
                                .collect(Collectors.joining(", ")))).toList();
        return new Page("audit.jte", new AuditView(layout.chrome(visitor, "Audit log", "audit"), entries));
    }
}
