/** Chat sessions with text agents: create, send a message (the reply whole or streamed), read, end. */
package ai.zelto.application.port.in.chat;
