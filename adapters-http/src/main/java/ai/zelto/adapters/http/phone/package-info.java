/** Phone calls: {@code /v1/phone/calls}, and the WhatsApp and Twilio webhooks on each organization's hook URL. */
package ai.zelto.adapters.http.phone;
