/** The Deliveries page: every delivery received, failed ones first-class, each linking to its call. */
package ai.zelto.adapters.web.delivery;
