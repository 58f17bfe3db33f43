package ai.zelto.adapters.mcp;

import io.modelcontextprotocol.server.transport.ServerTransportSecurityException;
import io.modelcontextprotocol.server.transport.ServerTransportSecurityValidator;
import java.net.URI;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The {@code Origin} rule of MCP's Streamable HTTP (403 for an origin the server does not serve): a request a web
 * page makes carries its page's origin, which must be this server's public URL (or, with none configured, a page
 * on this machine: localhost). Clients that are programs send no {@code Origin} and are judged by their key alone.
 * This keeps a page on another site — or one reached through DNS rebinding — from using a key a browser holds.
 */
final class OriginCheck implements ServerTransportSecurityValidator {
    private final String publicOrigin;

    /** @param publicUrl the server's public URL, or null */
    OriginCheck(URI publicUrl) {
        this.publicOrigin = publicUrl == null ? null : origin(publicUrl);
    }

    @Override
    public void validateHeaders(Map<String, List<String>> headers) throws ServerTransportSecurityException {
        String origin = null;
        for (Map.Entry<String, List<String>> header : headers.entrySet()) {
            if (header.getKey().equalsIgnoreCase("Origin") && !header.getValue().isEmpty()) {
                origin = header.getValue().get(0);
            }
        }
        if (origin != null && !allowed(origin)) {
            throw new ServerTransportSecurityException(403, "Forbidden: origin " + origin + " is not this server's");
        }
    }

    boolean allowed(String origin) {
        URI uri;
        try {
            uri = URI.create(origin.strip());
        } catch (IllegalArgumentException notAUri) {
            return false;
        }
        if (uri.getScheme() == null || uri.getHost() == null) {
            return false;
        }
        if (publicOrigin != null) {
            return origin(uri).equals(publicOrigin);
        }
        String host = uri.getHost().toLowerCase(Locale.ROOT);
        return host.equals("localhost") || host.equals("127.0.0.1") || host.equals("[::1]");
    }

    private static String origin(URI uri) {
        String scheme = uri.getScheme().toLowerCase(Locale.ROOT);
        int port = uri.getPort() != -1 ? uri.getPort() : scheme.equals("https") ? 443 : 80;
        return scheme + "://" + uri.getHost().toLowerCase(Locale.ROOT) + ":" + port;
    }
}
