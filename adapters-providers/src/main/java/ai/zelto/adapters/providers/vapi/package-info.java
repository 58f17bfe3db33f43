/**
 * The {@code vapi} provider plugin: Vapi's server messages (field facts in research/providers.md §1). Only
 * the plugin class is public.
 */
package ai.zelto.adapters.providers.vapi;
