/**
 * The console: server-rendered pages (jte templates, escaped by context), forms, the session cookie and its CSRF
 * token, and the static assets, served as a Jersey filter of its own beside the JSON API. It calls the
 * application's use cases only and never the JSON API's code.
 */
package ai.zelto.adapters.web;
