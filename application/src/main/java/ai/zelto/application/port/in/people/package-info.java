/**
 * What the console asks about people: signing in and out, resuming a session from its cookie, one-time setup
 * links, and managing an organization's members by role.
 */
package ai.zelto.application.port.in.people;
