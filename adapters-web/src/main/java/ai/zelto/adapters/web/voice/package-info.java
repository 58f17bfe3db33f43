/** Voice sessions in the console: the list, a session's page, and talking to a voice agent from the browser. */
package ai.zelto.adapters.web.voice;
