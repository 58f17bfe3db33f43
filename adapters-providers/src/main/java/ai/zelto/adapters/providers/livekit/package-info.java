/** The {@code livekit} provider plugin: the canonical shape, tagged as LiveKit. */
package ai.zelto.adapters.providers.livekit;
