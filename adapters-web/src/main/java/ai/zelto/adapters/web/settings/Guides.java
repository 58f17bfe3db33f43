package ai.zelto.adapters.web.settings;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * How to connect each provider, as the product's guides say it, with this server's URLs filled in. A plugin
 * without a guide of its own gets the steps every provider shares.
 */
final class Guides {
    private static final String PROMPT = read("coding-agent-prompt.txt");

    private Guides() {
    }

    /** A card's title, what it is for, its steps and an example to copy. */
    record Guide(String title, String summary, List<String> steps, String example, String suggestedKeyName) {
    }

    static Guide of(String provider, String base) {
        return of(provider, base, null, null, false);
    }

    /**
     * @param hookUrl     the organization's hook URL for the provider, when it has one and the reader may see it
     * @param verifyToken WhatsApp's verify token for that hook, likewise
     * @param publicUrl   whether the operator set the server's public URL (Twilio signs the URL it calls)
     */
    static Guide of(String provider, String base, String hookUrl, String verifyToken, boolean publicUrl) {
        String endpoint = base + "/webhooks/calls";
        String hook = hookUrl != null ? hookUrl : "the hook URL below (create it first; owners and admins see it)";
        return switch (provider) {
            case "whatsapp" -> new Guide("WhatsApp",
                    "People call your WhatsApp Business number and reach your inbound agent; your agents call"
                            + " people who allowed it. LiveKit's WhatsApp connector carries the audio (LiveKit Cloud).",
                    List.of("In Meta's app dashboard, WhatsApp → API Setup: copy the Phone number ID and a permanent"
                                    + " access token into the settings below, and the App Secret (App settings → Basic).",
                            "Choose the inbound agent: a voice agent with a LiveKit worker answers people who call.",
                            "WhatsApp → Configuration → Webhook: set the Callback URL to " + hook + (verifyToken != null
                                    ? " and the Verify token to " + verifyToken : " and the verify token shown with it")
                                    + ", then Verify and save.",
                            "Subscribe the webhook to the calls field (API version 23.0, 24.0 or 25.0, the same for"
                                    + " every field), then turn calling on for the number in its call settings.",
                            "Call the number from WhatsApp: the call shows under Phone calls, and its conversation"
                                    + " once the agent's worker forwards the room."),
                    null, null);
            case "twilio" -> new Guide("Twilio",
                    "People call your Twilio number and reach your inbound agent; your agents call any number."
                            + " LiveKit's Twilio connector carries the audio as a Media Stream.",
                    List.of("Enter your Account SID and Auth Token (Twilio console → Account info) and your Twilio"
                                    + " number below; choose the inbound agent.",
                            "Twilio console → Phone Numbers → your number → Voice configuration: A call comes in →"
                                    + " Webhook → " + hook + " → HTTP POST. Optionally set Call status changes to the"
                                    + " same URL.",
                            publicUrl ? "Twilio signs the URL it calls: it must be exactly the one above, as Twilio"
                                    + " reaches it." : "This server has no public URL set (ZELTO_PUBLIC_URL): Twilio"
                                    + " signs the URL it calls, so ask your operator to set it to the https address"
                                    + " Twilio reaches, or every request is refused.",
                            "Calls your agents place report their progress to the same URL by themselves."),
                    null, null);
            case "zelto" -> new Guide("API Call Upload",
                    "Your own uploader, Pipecat, Bland, a text or messaging agent, an in-house stack: POST each "
                            + "finished conversation.",
                    List.of("Create an API key below and copy it: it is shown once.",
                            "Expose it as ZELTO_API_KEY where your uploader runs.",
                            "POST each finished conversation to " + endpoint + " (example below).",
                            "Open Conversations: the call appears within seconds. Failed ones show under Deliveries."),
                    """
                    curl -s %s \\
                      -H "Authorization: Bearer $ZELTO_API_KEY" -H 'Content-Type: application/json' \\
                      -d '{"call": {"externalId": "call-001", "durationSeconds": 95},
                           "agent": {"externalId": "support-bot", "name": "Support bot"}, "version": "v3",
                           "transcript": {"turns": [{"role": "user", "text": "Hi, my order is late."},
                                                    {"role": "assistant", "text": "Let me check."}]}}'
                    # {"received":true}""".formatted(endpoint), "prod-uploader");
            case "livekit" -> new Guide("LiveKit",
                    "LiveKit Agents workers forward each finished session; Zelto can also start voice sessions"
                            + " with your agents in LiveKit rooms.",
                    List.of("Create an API key below and copy it: it is shown once. It is the same org-wide key the"
                                    + " REST API uses.",
                            "Set it as ZELTO_API_KEY in your worker's environment.",
                            "At the end of each session, POST it to " + endpoint
                                    + " with the header X-Zelto-Provider: livekit.",
                            "Open Conversations: it shows up tagged as LiveKit within a few seconds.",
                            "For voice sessions started here: set your LiveKit server below (without it, the"
                                    + " operator's is used, if any), point LiveKit's webhook at " + base
                                    + "/webhooks/livekit, and give each voice agent its worker's name on the"
                                    + " agent's page."),
                    """
                    curl -s %s -H "Authorization: Bearer $ZELTO_API_KEY" \\
                      -H 'X-Zelto-Provider: livekit' -H 'Content-Type: application/json' -d @session.json"""
                            .formatted(endpoint), "livekit-worker");
            case "llm" -> new Guide("LLM for text agents",
                    "Text agents chat through an OpenAI-compatible chat-completions API: a hosted one, or your own"
                            + " vLLM, llama.cpp server or Ollama.",
                    List.of("Without settings here, chats use the operator's model (ZELTO_LLM_URL), if any.",
                            "To use your own: set the API's base URL (such as https://api.openai.com/v1), the model"
                                    + " text agents use, and the API key if your server wants one. The key is"
                                    + " encrypted at rest and never shown again.",
                            "Give an agent the text architecture and a system prompt on its page, then choose Chat"
                                    + " with agent: each chat becomes a conversation when it ends."),
                    null, null);
            case "vapi" -> new Guide("Vapi",
                    "Vapi's end-of-call reports land unchanged; recordings are fetched for you.",
                    List.of("Create an API key below.",
                            "In Vapi, set the assistant's (or organization's) Server URL to " + endpoint + ".",
                            "Add a Bearer credential holding the key and a custom header X-Zelto-Provider: vapi.",
                            "List only end-of-call-report in the assistant's serverMessages.",
                            "Optionally set a server secret below: then every delivery must carry it in"
                                    + " X-Vapi-Secret."),
                    null, "vapi");
            case "retell" -> new Guide("Retell",
                    "Retell cannot send headers: it posts to a secret hook URL and signs each delivery.",
                    List.of("Enter the Retell API key that signs webhooks below.",
                            "Create the hook URL below and paste it into Retell's webhook settings.",
                            "call_ended and call_analyzed become one conversation with one charge; other events"
                                    + " are dropped."),
                    null, null);
            default -> new Guide(provider, "A provider added by a plugin.",
                    List.of("Create an API key below.",
                            "Send the provider's webhooks to " + endpoint + " with X-Zelto-Provider: " + provider
                                    + ", or create a hook URL below if it cannot send headers."),
                    null, provider);
        };
    }

    /**
     * Ready-to-paste configurations of the MCP server for common clients. None holds a key: Claude Code and Cursor
     * read it from {@code ZELTO_API_KEY} in the environment they start from, VS Code asks for it once and keeps it
     * in its secret storage.
     */
    static List<IntegrationsPageResource.ClientConfig> mcpClients(String mcpUrl) {
        return List.of(
                new IntegrationsPageResource.ClientConfig("claude-code", "Claude Code",
                        "Run in a terminal where ZELTO_API_KEY is set:",
                        "claude mcp add --transport http zelto " + mcpUrl
                                + " \\\n  --header \"Authorization: Bearer $ZELTO_API_KEY\""),
                new IntegrationsPageResource.ClientConfig("cursor", "Cursor",
                        "In ~/.cursor/mcp.json (or .cursor/mcp.json in a project); Cursor reads ZELTO_API_KEY"
                                + " from the environment it starts in:", """
                        {
                          "mcpServers": {
                            "zelto": {
                              "url": "%s",
                              "headers": { "Authorization": "Bearer ${env:ZELTO_API_KEY}" }
                            }
                          }
                        }""".formatted(mcpUrl)),
                new IntegrationsPageResource.ClientConfig("vscode", "VS Code",
                        "In .vscode/mcp.json; VS Code asks for the key once and keeps it in its secret storage:", """
                        {
                          "inputs": [
                            { "type": "promptString", "id": "zelto-api-key", "description": "Zelto API key",
                              "password": true }
                          ],
                          "servers": {
                            "zelto": {
                              "type": "http",
                              "url": "%s",
                              "headers": { "Authorization": "Bearer ${input:zelto-api-key}" }
                            }
                          }
                        }""".formatted(mcpUrl)));
    }

    /** The prompt for a coding agent: the whole upload contract, with this server's URL. */
    static String codingAgentPrompt(String base) {
        return PROMPT.replace("{{BASE_URL}}", base);
    }

    private static String read(String name) {
        try (InputStream in = Guides.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("missing from the jar: " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
