/**
 * The installed provider plugins as the core sees them ({@code ProviderRegistry}: translators and setting specs
 * by id) and where an organization's settings for one come from ({@code ProviderSettings}). Used by ingestion
 * and integrations alike; the plugins themselves implement {@code spi.provider}.
 */
package ai.zelto.application.provider;
