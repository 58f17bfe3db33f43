/** {@code /v1/keys}: listing, creating and revoking the organization's API keys. */
package ai.zelto.adapters.http.apikey;
