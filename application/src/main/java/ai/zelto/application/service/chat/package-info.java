/**
 * Chat sessions for text agents: the model each organization uses ({@link ai.zelto.application.service.chat
 * .ModelConnections}), the session's rules ({@link ai.zelto.application.service.chat.ChatSessionService}), and
 * the hand-over of an ended session to ingestion.
 */
package ai.zelto.application.service.chat;
