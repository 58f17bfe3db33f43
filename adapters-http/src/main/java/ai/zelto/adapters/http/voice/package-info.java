/** {@code /v1/voice/sessions} and LiveKit's webhooks. */
package ai.zelto.adapters.http.voice;
