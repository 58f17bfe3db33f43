/**
 * The MCP server at {@code /mcp}: Streamable HTTP with the official SDK's stateless servlet transport (no session
 * survives a request, so any copy of the app answers any request), the same API keys, rate limits and organization
 * isolation as {@code /v1}, and read-only tools whose results are bounded, linked to the console, and never
 * truncated silently.
 */
package ai.zelto.adapters.mcp;
