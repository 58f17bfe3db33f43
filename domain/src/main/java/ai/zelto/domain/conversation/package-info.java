/**
 * Conversations: what a delivery says about a call ({@link ai.zelto.domain.conversation.CallIngest}), the merge
 * rule that makes re-posts idempotent ({@link ai.zelto.domain.conversation.Conversation#apply}), transcripts and
 * versions. Pure functions only: no storage, no clock, no JSON.
 */
package ai.zelto.domain.conversation;
