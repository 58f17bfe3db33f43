/**
 * The {@link ai.zelto.application.port.out.ChatModel} port over an OpenAI-compatible chat-completions API: JSON
 * for a whole reply, server-sent events for a streamed one.
 */
package ai.zelto.adapters.llm;
