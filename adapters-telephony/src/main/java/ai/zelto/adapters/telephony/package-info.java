/**
 * The telephony providers' own APIs, for what LiveKit's Connector does not do: refusing a person's WhatsApp call
 * (Meta's Graph API) and placing and ending Twilio calls (Twilio's REST API). Plain {@code java.net.http}: two
 * small requests each, where the providers' SDKs would bring a second HTTP stack and dozens of jars.
 */
package ai.zelto.adapters.telephony;
