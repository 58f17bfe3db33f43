/** Phone calls: WhatsApp and Twilio calls between people and agents, bridged into LiveKit rooms. */
package ai.zelto.domain.phone;
