/**
 * Driven ports: what the core needs from outside (storage, hashing, transactions). Interfaces only; the
 * adapters implement them and {@code app} hands them to the services.
 */
package ai.zelto.application.port.out;
