/** The Audit log page: who did what, when, newest first. */
package ai.zelto.adapters.web.audit;
