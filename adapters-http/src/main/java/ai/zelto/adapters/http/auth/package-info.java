/** Authentication of API keys on HTTP requests; the key itself is never logged or stored here. */
package ai.zelto.adapters.http.auth;
