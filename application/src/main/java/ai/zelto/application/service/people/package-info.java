/**
 * Sign-in, console sessions, setup links and members. Tokens (session cookies, setup links) are random and stored
 * only as hashes; passwords only as slow salted hashes through {@link ai.zelto.application.port.out.PasswordHasher}.
 */
package ai.zelto.application.service.people;
