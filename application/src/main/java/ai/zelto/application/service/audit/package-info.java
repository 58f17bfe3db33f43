/** Audit use cases: recording security-relevant actions, listing and verifying the log. */
package ai.zelto.application.service.audit;
