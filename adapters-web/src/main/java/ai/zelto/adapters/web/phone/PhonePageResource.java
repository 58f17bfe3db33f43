package ai.zelto.adapters.web.phone;

import ai.zelto.adapters.web.page.Chrome;
import ai.zelto.adapters.web.page.ErrorPages;
import ai.zelto.adapters.web.page.Formats;
import ai.zelto.adapters.web.page.Layout;
import ai.zelto.adapters.web.page.Page;
import ai.zelto.adapters.web.session.Visitor;
import ai.zelto.application.port.in.agent.GetAgentUseCase;
import ai.zelto.application.port.in.phone.PhoneCallsUseCase;
import ai.zelto.application.readmodel.AgentView;
import ai.zelto.application.readmodel.PhoneCallFilter;
import ai.zelto.application.readmodel.PhoneCallPage;
import ai.zelto.application.readmodel.PhoneCallView;
import ai.zelto.domain.agent.Agent;
import ai.zelto.domain.agent.AgentId;
import ai.zelto.domain.phone.PhoneCall;
import ai.zelto.domain.phone.PhoneCallId;
import ai.zelto.domain.phone.PhoneNumber;
import ai.zelto.domain.shared.DomainException;
import ai.zelto.domain.shared.ValidationException;
import ai.zelto.domain.user.Member;
import ai.zelto.domain.user.Role;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Form;
import jakarta.ws.rs.core.Response;
import java.math.BigDecimal;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * {@code /calls}: phone calls newest first, filtered by channel, direction and status; a call's page with its
 * timeline, reason and conversation, and Hang up; and {@code /calls/new?agent=}: calling a number with a voice
 * agent, on WhatsApp or Twilio, for the signed-in person (no API key in the browser).
 */
@Path("/calls")
@Produces(Page.HTML)
public final class PhonePageResource {
    static final int PAGE_SIZE = 50;

    private final PhoneCallsUseCase calls;
    private final GetAgentUseCase agents;
    private final Layout layout;

    /** A choice in a filter or the form. */
    public record Option(String value, String label, boolean selected) {
    }

    /** The list. */
    public record CallsView(Chrome chrome, List<Row> calls, List<Option> channels, List<Option> directions,
                            List<Option> statuses, boolean filtered, String nextHref) {
    }

    /** One call as the list and its page show it. */
    public record Row(String href, String channel, String direction, boolean inbound, String status, String person,
                      String from, String to, String agentName, String agentHref, String roomName,
                      String providerCallId, String startedIso, String startedLabel, String connectedIso,
                      String connectedLabel, String endedIso, String endedLabel, String duration, String reason,
                      String conversationHref) {
    }

    /** A call's page. */
    public record CallView(Chrome chrome, Row call, boolean canHangUp) {
    }

    /** The form that calls a number. */
    public record DialView(Chrome chrome, String agentId, String agentName, String agentHref, List<Option> channels,
                           String to, String error) {
    }

    public PhonePageResource(PhoneCallsUseCase calls, GetAgentUseCase agents, Layout layout) {
        this.calls = calls;
        this.agents = agents;
        this.layout = layout;
    }

    @GET
    public Page list(@Context ContainerRequestContext request, @QueryParam("channel") String channel,
                     @QueryParam("direction") String direction, @QueryParam("status") String status,
                     @QueryParam("cursor") String cursor) {
        Visitor visitor = Visitor.of(request);
        Member member = visitor.member();
        PhoneCall.Channel byChannel = pick(channel, PhoneCall.Channel.names()).map(PhoneCall.Channel::parse)
                .orElse(null);
        PhoneCall.Direction byDirection = pick(direction, PhoneCall.Direction.names())
                .map(PhoneCall.Direction::parse).orElse(null);
        PhoneCall.Status byStatus = pick(status, PhoneCall.Status.names()).map(PhoneCall.Status::parse).orElse(null);
        PhoneCallPage page;
        try {
            page = calls.list(member.organizationId(), new PhoneCallFilter(byChannel, byDirection, null, byStatus),
                    PAGE_SIZE, cursor == null || cursor.isEmpty() ? null : cursor);
        } catch (ValidationException staleCursor) {
            page = calls.list(member.organizationId(), new PhoneCallFilter(byChannel, byDirection, null, byStatus),
                    PAGE_SIZE, null);
        }
        String query = "channel=" + value(byChannel == null ? null : byChannel.wireName()) + "&direction="
                + value(byDirection == null ? null : byDirection.wireName()) + "&status="
                + value(byStatus == null ? null : byStatus.wireName());
        String next = page.next() == null ? null : "/calls?" + query + "&cursor=" + value(page.next());
        return new Page("phone-calls.jte", new CallsView(layout.chrome(visitor, "Phone calls", "calls"),
                page.data().stream().map(PhonePageResource::row).toList(),
                options(PhoneCall.Channel.names(), byChannel == null ? null : byChannel.wireName(), true),
                options(PhoneCall.Direction.names(), byDirection == null ? null : byDirection.wireName(), false),
                options(PhoneCall.Status.names(), byStatus == null ? null : byStatus.wireName(), false),
                byChannel != null || byDirection != null || byStatus != null, next));
    }

    @GET
    @Path("/{id}")
    public Page show(@Context ContainerRequestContext request, @PathParam("id") String id) {
        Visitor visitor = Visitor.of(request);
        Member member = visitor.member();
        PhoneCallView view = PhoneCallId.tryParse(id).flatMap(callId -> calls.get(member.organizationId(), callId))
                .orElseThrow(NotFoundException::new);
        return new Page("phone-call.jte", new CallView(layout.chrome(visitor, "Phone call", "calls"), row(view),
                !view.call().status().isFinal() && member.role().canWrite()));
    }

    @POST
    @Path("/{id}/hangup")
    public Response hangUp(@Context ContainerRequestContext request, @PathParam("id") String id) {
        Member member = Visitor.of(request).require(Role::canWrite, "hang up calls");
        PhoneCallId callId = PhoneCallId.tryParse(id).orElseThrow(NotFoundException::new);
        calls.hangUp(member.organizationId(), callId);
        return Response.seeOther(URI.create("/calls/" + callId)).build();
    }

    @GET
    @Path("/new")
    public Page form(@Context ContainerRequestContext request, @QueryParam("agent") String agentId) {
        Visitor visitor = Visitor.of(request);
        Member member = visitor.require(Role::canWrite, "call numbers");
        return dialPage(visitor, agent(member, agentId), null, "", null);
    }

    @POST
    public Response dial(@Context ContainerRequestContext request, Form form) {
        Visitor visitor = Visitor.of(request);
        Member member = visitor.require(Role::canWrite, "call numbers");
        Agent agent = agent(member, form.asMap().getFirst("agent"));
        String channel = Optional.ofNullable(form.asMap().getFirst("channel")).orElse("");
        String to = Optional.ofNullable(form.asMap().getFirst("to")).orElse("").strip();
        Optional<String> number = PhoneNumber.parse(to);
        if (!PhoneCall.Channel.names().contains(channel)) {
            return Response.status(400).entity(dialPage(visitor, agent, channel, to, "Choose WhatsApp or Twilio."))
                    .build();
        }
        if (number.isEmpty()) {
            return Response.status(400).entity(dialPage(visitor, agent, channel, to, "Enter the number with its country"
                    + " code, such as +1 555 123 4567.")).build();
        }
        try {
            PhoneCallView placed = calls.dial(member.organizationId(), new PhoneCallsUseCase.Dial(
                    PhoneCall.Channel.parse(channel), agent.id(), number.get()));
            return Response.seeOther(URI.create("/calls/" + placed.call().id())).build();
        } catch (DomainException refused) {
            return Response.status(ErrorPages.status(refused)).entity(dialPage(visitor, agent, channel, to,
                    refused.getMessage())).build();
        }
    }

    private Page dialPage(Visitor visitor, Agent agent, String channel, String to, String error) {
        List<PhoneCall.Channel> configured = calls.channels(visitor.member().organizationId());
        List<Option> channels = new ArrayList<>();
        for (PhoneCall.Channel option : configured) {
            boolean chosen = channel == null ? option == configured.get(0) : option.wireName().equals(channel);
            channels.add(new Option(option.wireName(), Formats.provider(option.wireName()), chosen));
        }
        return new Page("phone-call-form.jte", new DialView(layout.chrome(visitor, "Call a number", "calls"),
                agent.id().toString(), agent.displayName(), "/agents/" + agent.id(), channels, to, error));
    }

    private Agent agent(Member member, String agentId) {
        return AgentId.tryParse(agentId == null ? "" : agentId)
                .flatMap(id -> agents.getAgent(member.organizationId(), id)).map(AgentView::agent)
                .orElseThrow(NotFoundException::new);
    }

    private static Optional<String> pick(String given, List<String> allowed) {
        return Optional.ofNullable(given).filter(allowed::contains);
    }

    private static List<Option> options(List<String> values, String selected, boolean providerNames) {
        return values.stream().map(value -> new Option(value, providerNames ? Formats.provider(value)
                : Character.toUpperCase(value.charAt(0)) + value.substring(1), value.equals(selected))).toList();
    }

    private static String value(String text) {
        return text == null ? "" : URLEncoder.encode(text, StandardCharsets.UTF_8);
    }

    static Row row(PhoneCallView view) {
        PhoneCall call = view.call();
        boolean inbound = call.direction() == PhoneCall.Direction.INBOUND;
        String person = call.personNumber() == null ? "unknown" : call.personNumber();
        return new Row("/calls/" + call.id(), Formats.provider(call.channel().wireName()),
                call.direction().wireName(), inbound, call.status().wireName(), person, orEmpty(call.from()),
                orEmpty(call.to()), view.agentName() == null ? "no agent" : view.agentName(),
                call.agentId() == null ? null : "/agents/" + call.agentId(), call.roomName(),
                orEmpty(call.providerCallId()), Formats.iso(call.startedAt()), Formats.time(call.startedAt()),
                Formats.iso(call.connectedAt()), Formats.time(call.connectedAt()), Formats.iso(call.endedAt()),
                Formats.time(call.endedAt()), call.durationSeconds() == null ? ""
                : Formats.duration(BigDecimal.valueOf(call.durationSeconds())), orEmpty(call.reason()),
                view.conversationId() == null ? null : "/conversations/" + view.conversationId());
    }

    private static String orEmpty(String text) {
        return text == null ? "" : text;
    }
}
