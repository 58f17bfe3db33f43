/** {@code /v1/chat/sessions}: chat sessions with text agents, replies whole or as server-sent events. */
package ai.zelto.adapters.http.chat;
