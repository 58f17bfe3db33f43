package ai.zelto.application.port.out;

import ai.zelto.domain.chat.ChatMessage;
import ai.zelto.domain.chat.ChatSession;
import ai.zelto.domain.chat.ChatSessionId;
import ai.zelto.domain.organization.OrganizationId;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Chat sessions and their messages. Whether a reply is on its way, and whether an ended session was handed to
 * ingestion, are kept here too, so that any copy of the app may serve any message and a copy that stops leaves
 * nothing undone (see {@link #claimDelivery}).
 */
public interface ChatSessionRepository {
    /** Why {@link #claim} did not take the session for a reply. */
    enum Claim { CLAIMED, NOT_FOUND, ENDED, BUSY, FULL }

    void create(ChatSession session);

    Optional<ChatSession> find(OrganizationId organizationId, ChatSessionId id);

    /** A session by its id alone, for work no request names an organization for (the sweep). */
    Optional<ChatSession> findById(ChatSessionId id);

    /** Its messages, oldest first. */
    List<ChatMessage> messages(ChatSessionId id);

    /**
     * Takes an open session of the organization for one reply: refused while another reply is on its way (unless
     * that one started before {@code staleBefore}: its copy stopped), and when it holds {@code maxMessages} or more.
     */
    Claim claim(OrganizationId organizationId, ChatSessionId id, int maxMessages, Instant now, Instant staleBefore);

    /** Stores a message of a claimed session (its count and last activity move with it). */
    void append(ChatSessionId id, ChatMessage message);

    /** The reply is done (or failed): the session takes messages again. */
    void release(ChatSessionId id, Instant now);

    /** Ends an open session; false when it had ended already (or does not exist). */
    boolean end(ChatSessionId id, Instant now, String reason);

    /**
     * Takes an ended session whose reply, if any, is done, and that was not yet handed to ingestion, for handing
     * it over; false when there is nothing to do (or another copy is at it since after {@code staleBefore}).
     */
    boolean claimDelivery(ChatSessionId id, Instant now, Instant staleBefore);

    /** The session was handed to ingestion. */
    void delivered(ChatSessionId id, Instant now);

    /** Open sessions with no activity since {@code before} and no reply on its way, oldest first. */
    List<ChatSessionId> idle(Instant before, int limit);

    /** Ended sessions not handed to ingestion, whose hand-over nobody is at since {@code staleBefore}. */
    List<ChatSessionId> undelivered(Instant staleBefore, int limit);
}
