/** {@code /v1/credits}: the org's credit balance. */
package ai.zelto.adapters.http.credit;
