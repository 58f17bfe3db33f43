/**
 * Failures of the application's own making that both sides of the hexagon name: driven adapters throw them
 * (classifying their technology's errors once), and the core and the driving adapters decide on them. Business
 * refusals are not here: they are the domain's {@code DomainException}s.
 */
package ai.zelto.application.failure;
