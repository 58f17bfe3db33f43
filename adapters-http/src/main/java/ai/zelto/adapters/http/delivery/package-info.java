/** {@code /v1/deliveries}: a delivery's processing status. */
package ai.zelto.adapters.http.delivery;
