package ai.zelto.adapters.http.conversation;

import ai.zelto.adapters.http.auth.ApiKeyPrincipal;
import ai.zelto.adapters.http.common.QueryParams;
import ai.zelto.adapters.http.error.ApiErrors;
import ai.zelto.application.port.in.conversation.GetConversationUseCase;
import ai.zelto.application.port.in.conversation.ListConversationsUseCase;
import ai.zelto.application.readmodel.ConversationPage;
import ai.zelto.application.readmodel.ConversationQuery;
import ai.zelto.application.readmodel.PageCursor;
import ai.zelto.domain.agent.AgentId;
import ai.zelto.domain.conversation.ConversationId;
import io.dropwizard.auth.Auth;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Instant;
import java.util.List;

/** {@code /v1/conversations}: the org's conversations, newest first, and one with its transcript. */
@Path("/v1/conversations")
@Produces(MediaType.APPLICATION_JSON)
public final class ConversationsResource {
    private final ListConversationsUseCase list;
    private final GetConversationUseCase get;

    public ConversationsResource(ListConversationsUseCase list, GetConversationUseCase get) {
        this.list = list;
        this.get = get;
    }

    /** A page of conversations; {@code nextCursor} is null on the last page. */
    public record PageResponse(List<ConversationResponse> data, String nextCursor) {
    }

    @GET
    public PageResponse list(@Auth ApiKeyPrincipal caller, @QueryParam("agentId") String agentId,
                             @QueryParam("provider") String provider, @QueryParam("version") String version,
                             @QueryParam("externalId") String externalId, @QueryParam("from") String from,
                             @QueryParam("to") String to, @QueryParam("limit") String limit,
                             @QueryParam("cursor") String cursor) {
        QueryParams params = new QueryParams();
        AgentId agent = params.parsed("agentId", agentId, AgentId::tryParse, "a UUID");
        Instant fromTime = params.instant("from", from);
        Instant toTime = params.instant("to", to);
        int pageSize = params.integer("limit", limit, ConversationQuery.DEFAULT_LIMIT, 1,
                ConversationQuery.MAX_LIMIT);
        PageCursor after = params.parsed("cursor", cursor, PageCursor::decode, "a nextCursor from a previous page");
        params.check();
        ConversationPage page = this.list.listConversations(new ConversationQuery(caller.organizationId(), agent,
                QueryParams.text(provider), QueryParams.text(version), QueryParams.text(externalId), fromTime, toTime,
                pageSize, after));
        return new PageResponse(page.data().stream().map(ConversationResponse::from).toList(),
                page.next() == null ? null : page.next().encode());
    }

    @GET
    @Path("/{id}")
    public Response get(@Auth ApiKeyPrincipal caller, @PathParam("id") String id) {
        return ConversationId.tryParse(id)
                .flatMap(conversationId -> get.getConversation(caller.organizationId(), conversationId))
                .map(view -> Response.ok(ConversationResponse.from(view)).build())
                .orElseGet(ApiErrors::notFound);
    }
}
