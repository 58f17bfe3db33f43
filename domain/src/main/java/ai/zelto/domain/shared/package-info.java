/**
 * Building blocks every domain concept shares: the base of business refusals and the text rule.
 * Nothing here knows about a concrete concept such as a conversation or an agent.
 */
package ai.zelto.domain.shared;
