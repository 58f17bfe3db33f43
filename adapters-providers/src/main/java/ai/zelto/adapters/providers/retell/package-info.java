/**
 * The {@code retell} provider plugin: Retell's call webhooks and their signature (field facts in
 * research/providers.md §2). Only the plugin class is public.
 */
package ai.zelto.adapters.providers.retell;
