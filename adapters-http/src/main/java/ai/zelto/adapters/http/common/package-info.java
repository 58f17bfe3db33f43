/** Helpers the HTTP resources share: query parameter parsing and JSON formatting. No resources here. */
package ai.zelto.adapters.http.common;
