/** The API's own description: its OpenAPI document, served as written. */
package ai.zelto.adapters.http.openapi;
