/** Phone calls: placing, listing and hanging up calls, and the WhatsApp and Twilio webhooks that move them. */
package ai.zelto.application.port.in.phone;
