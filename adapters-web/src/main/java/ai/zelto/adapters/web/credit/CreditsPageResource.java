package ai.zelto.adapters.web.credit;

import ai.zelto.adapters.web.page.Chrome;
import ai.zelto.adapters.web.page.Formats;
import ai.zelto.adapters.web.page.Layout;
import ai.zelto.adapters.web.page.Page;
import ai.zelto.adapters.web.session.Visitor;
import ai.zelto.application.port.in.credit.CreditHistoryUseCase;
import ai.zelto.application.port.in.credit.GetCreditsUseCase;
import ai.zelto.application.readmodel.CreditBalance;
import ai.zelto.application.readmodel.CreditEntry;
import ai.zelto.domain.organization.OrganizationId;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Context;
import java.util.List;

/** {@code /credits}: the balance (granted minus charged; a call is charged once, per started minute) and its lines. */
@Path("/credits")
@Produces(Page.HTML)
public final class CreditsPageResource {
    static final int LINES = 100;

    private final GetCreditsUseCase credits;
    private final CreditHistoryUseCase history;
    private final Layout layout;

    public record CreditsView(Chrome chrome, long balance, long granted, long charged, boolean low,
                              List<Line> lines) {
    }

    public record Line(String kind, long amount, String what, String href, String atIso, String atLabel) {
    }

    public CreditsPageResource(GetCreditsUseCase credits, CreditHistoryUseCase history, Layout layout) {
        this.credits = credits;
        this.history = history;
        this.layout = layout;
    }

    @GET
    public Page show(@Context ContainerRequestContext request) {
        Visitor visitor = Visitor.of(request);
        OrganizationId org = visitor.member().organizationId();
        CreditBalance balance = credits.getCredits(org);
        List<Line> lines = history.creditHistory(org, LINES).stream().map(entry -> new Line(entry.kind(),
                entry.amount(), what(entry),
                entry.conversationId() == null ? null : "/conversations/" + entry.conversationId(),
                Formats.iso(entry.at()), Formats.time(entry.at()))).toList();
        return new Page("credits.jte", new CreditsView(layout.chrome(visitor, "Credits", "credits"),
                balance.balance(), balance.granted(), balance.charged(), balance.balance() <= 0, lines));
    }

    /** A grant by its reason, a charge by its call's id. */
    private static String what(CreditEntry entry) {
        if (entry.kind().equals("grant")) {
            return entry.reason() == null ? "Grant" : entry.reason();
        }
        return entry.callExternalId() == null ? "Call" : "Call " + entry.callExternalId();
    }
}
