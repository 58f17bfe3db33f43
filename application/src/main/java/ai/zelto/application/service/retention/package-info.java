/**
 * What Zelto forgets by itself, and when: the webhook events it keeps only to recognise a provider's retries
 * ({@link ai.zelto.application.service.retention.EventRetention}).
 */
package ai.zelto.application.service.retention;
