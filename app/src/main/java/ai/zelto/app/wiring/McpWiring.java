package ai.zelto.app.wiring;

import ai.zelto.adapters.mcp.ZeltoMcp;
import io.dropwizard.core.setup.Environment;
import io.dropwizard.lifecycle.Managed;
import jakarta.servlet.DispatcherType;
import java.net.URI;
import java.util.EnumSet;

/**
 * The MCP server at {@code /mcp} for coding agents and assistants: the same keys, rate limits and organization
 * isolation as the JSON API, read-only tools over what the read use cases serve.
 */
public final class McpWiring implements Feature {
    private final Foundation base;
    private final AccessWiring access;
    private final ReadWiring reads;

    McpWiring(Foundation base, AccessWiring access, ReadWiring reads) {
        this.base = base;
        this.access = access;
        this.reads = reads;
    }

    @Override
    public void serve(Environment environment) {
        String publicUrl = base.config.getPublicUrl();
        String version = ZeltoMcp.class.getPackage().getImplementationVersion();
        ZeltoMcp.Endpoint endpoint = ZeltoMcp.endpoint(new ZeltoMcp.UseCases(reads.reads, reads.reads, reads.reads,
                        reads.reads, reads.reads, reads.reads),
                access.admission, publicUrl == null || publicUrl.isBlank() ? null : URI.create(publicUrl),
                environment.getObjectMapper(), version == null ? "development" : version, base.clock);
        environment.servlets().addFilter("mcp-keys", endpoint.keyFilter())
                .addMappingForUrlPatterns(EnumSet.of(DispatcherType.REQUEST), true, ZeltoMcp.PATH);
        environment.servlets().addServlet("mcp", endpoint.transport()).addMapping(ZeltoMcp.PATH);
        environment.lifecycle().manage(new Managed() {
            @Override
            public void stop() {
                endpoint.server().close();
            }
        });
    }
}
