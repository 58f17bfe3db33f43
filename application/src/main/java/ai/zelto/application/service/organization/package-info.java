/** Organization use cases: creating an organization with its owner, credits and first key; first-start bootstrap. */
package ai.zelto.application.service.organization;
