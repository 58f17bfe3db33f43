/** The audit log's entries and the hash chain that makes tampering evident. Pure functions only. */
package ai.zelto.domain.audit;
