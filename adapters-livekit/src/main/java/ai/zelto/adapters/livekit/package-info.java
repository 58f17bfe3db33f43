/**
 * LiveKit through its official server SDK ({@code io.livekit:livekit-server}): rooms created with an agent's
 * worker dispatched, participant tokens, and the verification of LiveKit's webhooks.
 */
package ai.zelto.adapters.livekit;
