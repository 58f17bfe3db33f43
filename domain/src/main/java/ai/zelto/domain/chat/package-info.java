/** Chat sessions: a person's text conversation with a text agent, which becomes one conversation when it ends. */
package ai.zelto.domain.chat;
