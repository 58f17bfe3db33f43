/**
 * Settings: integrations (a card per provider with its state, how to connect it with this server's URLs, its
 * settings and hook URL), API keys (each shown once) and members. Reading is for every member; changing is for
 * owners and admins, checked on the server for every form.
 */
package ai.zelto.adapters.web.settings;
