/** The contract's error bodies, and the one exception mapper that produces them for every failure. */
package ai.zelto.adapters.http.error;
