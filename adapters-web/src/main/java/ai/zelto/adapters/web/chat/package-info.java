/** The console's chat with a text agent: the signed-in person's session, the reply streamed into the page. */
package ai.zelto.adapters.web.chat;
