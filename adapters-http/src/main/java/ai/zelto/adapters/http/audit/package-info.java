/** {@code /v1/audit}: reading the organization's audit log. */
package ai.zelto.adapters.http.audit;
