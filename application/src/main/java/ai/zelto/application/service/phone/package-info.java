/**
 * Phone calls: WhatsApp and Twilio settings per organization, the calls Zelto places and hangs up, and the
 * providers' webhooks (verified, deduplicated) that bring people's calls in and move calls along.
 */
package ai.zelto.application.service.phone;
