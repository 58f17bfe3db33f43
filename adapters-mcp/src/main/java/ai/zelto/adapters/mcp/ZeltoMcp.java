package ai.zelto.adapters.mcp;

import ai.zelto.application.port.in.agent.GetAgentUseCase;
import ai.zelto.application.port.in.agent.ListAgentsUseCase;
import ai.zelto.application.port.in.apikey.AdmitRequestUseCase;
import ai.zelto.application.port.in.conversation.GetConversationUseCase;
import ai.zelto.application.port.in.conversation.ListConversationsUseCase;
import ai.zelto.application.port.in.credit.GetCreditsUseCase;
import ai.zelto.application.port.in.delivery.ListDeliveriesUseCase;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.modelcontextprotocol.common.McpTransportContext;
import io.modelcontextprotocol.json.jackson2.JacksonMcpJsonMapper;
import io.modelcontextprotocol.server.McpServer;
import io.modelcontextprotocol.server.McpStatelessServerFeatures;
import io.modelcontextprotocol.server.McpStatelessSyncServer;
import io.modelcontextprotocol.server.transport.HttpServletStatelessServerTransport;
import io.modelcontextprotocol.spec.McpSchema;
import jakarta.servlet.Filter;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import java.net.URI;
import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Builds the MCP endpoint: the key filter, the SDK's stateless servlet transport (GET answers 405, protocol
 * versions it does not serve are answered with the ones it does, bodies over 1 MiB refused) and the tools, in a
 * fixed order. A tool's result is its structured content and the same JSON as text; a result is never larger than
 * {@link #MAX_RESULT_CHARS} characters (about 20,000 tokens at four characters a token): tools bound what they
 * return, and a result that would still be larger is refused with a hint instead of being cut.
 */
public final class ZeltoMcp {
    /** The path of the endpoint. */
    public static final String PATH = "/mcp";
    /** The largest result, in characters of its JSON text (each tool keeps well under it by its limits). */
    public static final int MAX_RESULT_CHARS = 80_000;
    private static final int MAX_REQUEST_BYTES = 1 << 20;
    private static final Logger LOG = LoggerFactory.getLogger(ZeltoMcp.class);
    private static final TypeReference<Map<String, Object>> OBJECT = new TypeReference<>() {
    };

    /** What the tools read. */
    public record UseCases(ListAgentsUseCase agents, GetAgentUseCase agent, ListConversationsUseCase conversations,
                           GetConversationUseCase conversation, ListDeliveriesUseCase deliveries,
                           GetCreditsUseCase credits) {
    }

    /** What the server mounts at {@link #PATH}: the filter first, then the servlet. */
    public record Endpoint(Filter keyFilter, HttpServlet transport, McpStatelessSyncServer server) {
    }

    private ZeltoMcp() {
    }

    /**
     * @param publicUrl the server's public URL (console links, allowed browser origin), or null: then each
     *                  request's own host
     * @param version   Zelto's version, as the server's name
     * @param clock     for time windows counted back from now
     */
    public static Endpoint endpoint(UseCases useCases, AdmitRequestUseCase admit, URI publicUrl, ObjectMapper json,
                                    String version, Clock clock) {
        JacksonMcpJsonMapper mapper = new JacksonMcpJsonMapper(json);
        HttpServletStatelessServerTransport transport = HttpServletStatelessServerTransport.builder()
                .jsonMapper(mapper)
                .messageEndpoint(PATH)
                .maxRequestSize(MAX_REQUEST_BYTES)
                .securityValidator(new OriginCheck(publicUrl))
                .contextExtractor(request -> context(request, publicUrl))
                .build();
        List<ZeltoTool> tools = List.of(new ListAgentsTool(useCases.agents()), new GetAgentTool(useCases.agent()),
                new CompareVersionsTool(useCases.agent()),
                new SearchConversationsTool(useCases.conversations(), clock),
                new GetConversationTool(useCases.conversation(), json), new ListDeliveriesTool(useCases.deliveries()),
                new GetCreditsTool(useCases.credits()));
        McpStatelessSyncServer server = McpServer.sync(transport)
                .serverInfo("zelto", version)
                .instructions("Zelto holds the finished conversations of this organization's AI voice and chat agents:"
                        + " transcripts, recordings, versions, costs. The tools are read-only. Every result links"
                        + " to the console page of what it names.")
                .capabilities(McpSchema.ServerCapabilities.builder().tools(false).build())
                .jsonMapper(mapper)
                .tools(tools.stream().map(tool -> specification(tool, json, mapper)).toList())
                .build();
        return new Endpoint(new McpKeyFilter(admit, transport.protocolVersions(), json), transport, server);
    }

    private static McpTransportContext context(HttpServletRequest request, URI publicUrl) {
        String base = publicUrl != null ? publicUrl.toString()
                : request.getScheme() + "://" + request.getServerName() + ":" + request.getServerPort();
        Map<String, Object> context = new HashMap<>();
        context.put("consoleBase", base.replaceAll("/+$", ""));
        Object key = request.getAttribute(McpKeyFilter.KEY_ATTRIBUTE);
        if (key != null) { // absent only where no tool runs (the transport refuses the request first)
            context.put(McpKeyFilter.KEY_ATTRIBUTE, key);
        }
        return McpTransportContext.create(context);
    }

    private static McpStatelessServerFeatures.SyncToolSpecification specification(ZeltoTool tool, ObjectMapper json,
                                                                                  JacksonMcpJsonMapper mapper) {
        McpSchema.Tool definition = McpSchema.Tool.builder()
                .name(tool.name())
                .title(tool.title())
                .description(tool.description())
                .inputSchema(schema(json, tool.inputSchema()))
                .outputSchema(schema(json, tool.outputSchema()))
                .annotations(new McpSchema.ToolAnnotations(tool.title(), true, false, true, false, null))
                .build();
        return McpStatelessServerFeatures.SyncToolSpecification.builder()
                .tool(definition)
                .callHandler((context, request) -> call(tool, context, request, json))
                .build();
    }

    static McpSchema.CallToolResult call(ZeltoTool tool, McpTransportContext context, McpSchema.CallToolRequest request,
                                         ObjectMapper json) {
        ZeltoTool.Caller caller = new ZeltoTool.Caller(McpKeyFilter.keyOf(context.get(McpKeyFilter.KEY_ATTRIBUTE)),
                (String) context.get("consoleBase"));
        try {
            Map<String, Object> result = tool.call(caller, new Arguments(request.arguments(), tool.arguments()));
            String text = json.writeValueAsString(result);
            if (text.length() > MAX_RESULT_CHARS) {
                LOG.warn("MCP tool {} made a result of {} characters; refused", tool.name(), text.length());
                return error("the result would be " + text.length() + " characters, more than the "
                        + MAX_RESULT_CHARS + " a result may have: ask for fewer (a smaller limit, a narrower filter)");
            }
            return McpSchema.CallToolResult.builder().structuredContent(result).addTextContent(text).isError(false)
                    .build();
        } catch (ToolError wrong) {
            return error(wrong.getMessage());
        } catch (JsonProcessingException impossible) {
            throw new IllegalStateException(impossible);
        }
    }

    private static McpSchema.CallToolResult error(String message) {
        return McpSchema.CallToolResult.builder().addTextContent(message).isError(true).build();
    }

    private static Map<String, Object> schema(ObjectMapper json, String text) {
        try {
            return json.readValue(text, OBJECT);
        } catch (JsonProcessingException wrong) {
            throw new IllegalStateException("a tool's schema is not JSON: " + text, wrong);
        }
    }
}
