package ai.zelto.adapters.http.conversation;

import ai.zelto.adapters.http.auth.ApiKeyPrincipal;
import ai.zelto.adapters.http.common.QueryParams;
import ai.zelto.adapters.http.error.ApiErrors;
import ai.zelto.application.port.in.conversation.GetConversationUseCase;
import ai.zelto.application.port.in.conversation.ListConversationsUseCase;
import ai.zelto.application.readmodel.ConversationFilter;
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
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.time.Instant;
import java.util.List;
import java.util.Set;

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

    private static final Set<String> KNOWN = Set.of("agentId", "provider", "version", "externalId", "endedReason",
            "q", "from", "to", "limit", "cursor");
    private static final String METADATA = "metadata.";

    @GET
    public PageResponse list(@Auth ApiKeyPrincipal caller, @Context UriInfo uri) {
        MultivaluedMap<String, String> given = uri.getQueryParameters();
        QueryParams params = new QueryParams();
        params.allowOnly(given, KNOWN, METADATA);
        AgentId agent = params.parsed("agentId", given.getFirst("agentId"), AgentId::tryParse, "a UUID");
        Instant fromTime = params.instant("from", given.getFirst("from"));
        Instant toTime = params.instant("to", given.getFirst("to"));
        int pageSize = params.integer("limit", given.getFirst("limit"), ConversationQuery.DEFAULT_LIMIT, 1,
                ConversationQuery.MAX_LIMIT);
        PageCursor after = params.parsed("cursor", given.getFirst("cursor"), PageCursor::decode,
                "a nextCursor from a previous page");
        String metadataKey = null;
        String metadataValue = null;
        for (String name : given.keySet()) {
            if (name.startsWith(METADATA) && name.length() > METADATA.length()) {
                if (metadataKey != null) {
                    params.reject(name, "one metadata filter at a time");
                }
                metadataKey = name.substring(METADATA.length());
                metadataValue = given.getFirst(name);
            }
        }
        String text = QueryParams.text(given.getFirst("q"));
        if (text != null && text.length() > ConversationFilter.MAX_TEXT_LENGTH) {
            params.reject("q", "at most " + ConversationFilter.MAX_TEXT_LENGTH + " characters");
            text = null;
        }
        params.check();
        ConversationFilter filter = new ConversationFilter(agent, QueryParams.text(given.getFirst("provider")),
                QueryParams.text(given.getFirst("version")), QueryParams.text(given.getFirst("externalId")),
                QueryParams.text(given.getFirst("endedReason")), metadataKey,
                metadataKey == null ? null : metadataValue == null ? "" : metadataValue, text, fromTime, toTime);
        ConversationPage page = this.list.listConversations(new ConversationQuery(caller.organizationId(), filter,
                pageSize, after, null));
        return new PageResponse(page.data().stream()
                .map(view -> ConversationResponse.from(view, page.hits().get(view.conversation().id()))).toList(),
                page.next() == null ? null : page.next().encode());
    }

    @GET
    @Path("/{id}")
    public Response get(@Auth ApiKeyPrincipal caller, @PathParam("id") String id) {
        return ConversationId.tryParse(id)
                .flatMap(conversationId -> get.getConversation(caller.organizationId(), conversationId))
                .map(view -> Response.ok(ConversationResponse.from(view, null)).build())
                .orElseGet(ApiErrors::notFound);
    }
}
