package ai.zelto.application.service.chat;

import ai.zelto.application.port.in.chat.ChatSessionsUseCase;
import ai.zelto.application.port.in.chat.ModelUnavailable;
import ai.zelto.application.port.in.ingest.AcceptDeliveryCommand;
import ai.zelto.application.port.in.ingest.AcceptDeliveryResult;
import ai.zelto.application.port.in.ingest.AcceptDeliveryUseCase;
import ai.zelto.application.port.out.AgentRepository;
import ai.zelto.application.port.out.ChatModel;
import ai.zelto.application.port.out.ChatSessionRepository;
import ai.zelto.application.port.out.CreditLedger;
import ai.zelto.application.provider.ProviderRegistry;
import ai.zelto.application.readmodel.ChatSessionView;
import ai.zelto.application.spi.provider.DeliveryContext;
import ai.zelto.application.spi.provider.RawDelivery;
import ai.zelto.domain.agent.Agent;
import ai.zelto.domain.agent.AgentId;
import ai.zelto.domain.agent.AgentNotFoundException;
import ai.zelto.domain.agent.Architecture;
import ai.zelto.domain.chat.ChatHistory;
import ai.zelto.domain.chat.ChatMessage;
import ai.zelto.domain.chat.ChatSession;
import ai.zelto.domain.chat.ChatSessionId;
import ai.zelto.domain.organization.OrganizationId;
import ai.zelto.domain.organization.UserId;
import ai.zelto.domain.shared.ValidationException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Chat sessions with text agents. Opening one checks, in this order: the agent (404, then 400 for a voice agent
 * or one without architecture), the balance (402), the model's configuration (409). A message is stored before
 * the model is asked, one at a time per session (the claim is in the database, so any copy of the app may serve
 * any message); the model gets the agent's system prompt and the newest messages that fit the history budget.
 *
 * <p>An ended session becomes a conversation through ingestion, like an upload: a canonical call whose
 * external id is the session id, on the session's agent, each message a turn with its time from the start,
 * {@code metadata.channel = "chat"}, charged by the usual rule. It is handed over once no reply is on its way,
 * and marked when ingestion stored it; a copy that stops between the two leaves it to {@link #sweep}, and
 * ingestion merges a second hand-over into the same conversation without charging again.
 */
public final class ChatSessionService implements ChatSessionsUseCase {
    private static final System.Logger LOG = System.getLogger(ChatSessionService.class.getName());
    /** A reply or hand-over claimed longer ago than this was left by a copy that stopped. */
    static final Duration STALE = Duration.ofMinutes(10);
    private static final int SWEEP_BATCH = 100;

    private final AgentRepository agents;
    private final CreditLedger credits;
    private final ChatSessionRepository sessions;
    private final ModelConnections models;
    private final ChatModel model;
    private final AcceptDeliveryUseCase deliveries;
    private final ChatLimits limits;
    private final Clock clock;

    public ChatSessionService(AgentRepository agents, CreditLedger credits, ChatSessionRepository sessions,
                              ModelConnections models, ChatModel model, AcceptDeliveryUseCase deliveries,
                              ChatLimits limits, Clock clock) {
        this.agents = agents;
        this.credits = credits;
        this.sessions = sessions;
        this.models = models;
        this.model = model;
        this.deliveries = deliveries;
        this.limits = limits;
        this.clock = clock;
    }

    @Override
    public ChatSessionView create(OrganizationId organizationId, UserId userId, AgentId agentId, String metadata) {
        Agent agent = agents.find(organizationId, agentId).orElseThrow(() -> new AgentNotFoundException(agentId));
        if (agent.architecture() != Architecture.TEXT) {
            throw new ChatRefusals.NotATextAgent(agent.architecture() == null
                    ? "This agent has no architecture: set it to text (PATCH /v1/agents/{id}) to chat with it"
                    : "This is a " + agent.architecture().wireName() + " voice agent: start a voice session instead"
                    + " (POST /v1/voice/sessions)");
        }
        if (credits.balance(organizationId).balance() <= 0) {
            throw new ChatRefusals.NoCredits();
        }
        if (!models.configured(organizationId)) {
            throw new ChatRefusals.ModelNotConfigured();
        }
        ChatSession session = ChatSession.open(organizationId, agentId, userId, metadata, clock.instant());
        sessions.create(session);
        return new ChatSessionView(session, agent.displayName(), List.of());
    }

    @Override
    public PendingReply send(OrganizationId organizationId, ChatSessionId id, String text) {
        if (text == null || text.isBlank()) {
            throw ValidationException.of("text", "is required: the message, not empty");
        }
        if (text.length() > limits.maxMessageChars()) {
            throw ValidationException.of("text", "must be at most " + limits.maxMessageChars() + " characters");
        }
        ChatSession session = sessions.find(organizationId, id).orElseThrow(ChatRefusals.SessionNotFound::new);
        Agent agent = agents.find(organizationId, session.agentId())
                .orElseThrow(ChatRefusals.SessionNotFound::new);
        ChatModel.Endpoint endpoint = models.endpointFor(organizationId, agent.model());
        Instant now = clock.instant();
        switch (sessions.claim(organizationId, id, limits.maxMessages() - 1, now, now.minus(STALE))) {
            case NOT_FOUND -> throw new ChatRefusals.SessionNotFound();
            case ENDED -> throw new ChatRefusals.SessionEnded();
            case BUSY -> throw new ChatRefusals.ReplyInProgress();
            case FULL -> throw new ChatRefusals.SessionFull(limits.maxMessages());
            case CLAIMED -> {
                // the session is this request's until released
            }
        }
        try {
            sessions.append(id, new ChatMessage(ChatMessage.Role.USER, text, now));
        } catch (RuntimeException failed) {
            sessions.release(id, now);
            throw failed;
        }
        return pieces -> answer(organizationId, id, agent, endpoint, pieces);
    }

    private ChatMessage answer(OrganizationId organizationId, ChatSessionId id, Agent agent,
                               ChatModel.Endpoint endpoint, Consumer<String> pieces) {
        try {
            List<ChatModel.Message> sent = new ArrayList<>();
            String prompt = agent.systemPrompt();
            if (prompt != null && !prompt.isBlank()) {
                sent.add(new ChatModel.Message("system", prompt));
            }
            ChatHistory.fit(prompt, sessions.messages(id), limits.historyTokens())
                    .forEach(message -> sent.add(new ChatModel.Message(message.role().wireName(), message.text())));
            String reply;
            try {
                reply = model.reply(endpoint, sent, limits.silence(), pieces);
            } catch (ChatModel.Failure failure) {
                LOG.log(System.Logger.Level.WARNING, "the model at " + endpoint + " gave no reply in session " + id
                        + ": " + failure.getMessage());
                throw new ModelUnavailable(failure.kind().name().toLowerCase(Locale.ROOT),
                        failure.getMessage());
            }
            ChatMessage answer = new ChatMessage(ChatMessage.Role.ASSISTANT, reply, clock.instant());
            sessions.append(id, answer);
            return answer;
        } finally {
            sessions.release(id, clock.instant());
            handOverIfEnded(organizationId, id);
        }
    }

    @Override
    public Optional<ChatSessionView> get(OrganizationId organizationId, ChatSessionId id) {
        return sessions.find(organizationId, id).map(this::view);
    }

    @Override
    public int maxMessageChars() {
        return limits.maxMessageChars();
    }

    @Override
    public ChatSessionView end(OrganizationId organizationId, ChatSessionId id) {
        sessions.find(organizationId, id).orElseThrow(ChatRefusals.SessionNotFound::new);
        sessions.end(id, clock.instant(), "ended");
        handOverIfEnded(organizationId, id);
        return view(sessions.find(organizationId, id).orElseThrow(ChatRefusals.SessionNotFound::new));
    }

    /**
     * Ends the sessions that stayed idle too long, and hands over ended ones a stopped copy left; the server runs
     * it every few seconds. Answers how many sessions it ended.
     */
    public int sweep() {
        Instant now = clock.instant();
        int ended = 0;
        for (ChatSessionId id : sessions.idle(now.minus(limits.idle()), SWEEP_BATCH)) {
            if (sessions.end(id, now, "idle")) {
                ended++;
            }
        }
        for (ChatSessionId id : sessions.undelivered(now.minus(STALE), SWEEP_BATCH)) {
            sessions.findById(id).ifPresent(session -> handOverIfEnded(session.organizationId(), id));
        }
        return ended;
    }

    /** Hands the session over if it is due; a failure is logged and left to {@link #sweep}. */
    private void handOverIfEnded(OrganizationId organizationId, ChatSessionId id) {
        try {
            deliverIfEnded(organizationId, id);
        } catch (RuntimeException failed) {
            LOG.log(System.Logger.Level.WARNING, "chat session " + id + " was not handed to ingestion ("
                    + failed.getMessage() + "); it is tried again later");
        }
    }

    private void deliverIfEnded(OrganizationId organizationId, ChatSessionId id) {
        Instant now = clock.instant();
        if (!sessions.claimDelivery(id, now, now.minus(STALE))) {
            return;
        }
        ChatSession session = sessions.find(organizationId, id).orElseThrow();
        Agent agent = agents.find(organizationId, session.agentId()).orElse(null);
        String body = CanonicalChat.body(session, agent == null ? null : agent.systemPrompt(),
                sessions.messages(id));
        RawDelivery raw = new RawDelivery(body.getBytes(StandardCharsets.UTF_8), Map.of(
                "content-type", List.of("application/json"), "x-zelto-source", List.of("chat-session " + id)));
        AcceptDeliveryResult result = deliveries.accept(new AcceptDeliveryCommand(organizationId,
                ProviderRegistry.DEFAULT_PROVIDER, raw, DeliveryContext.Channel.API_KEY));
        if (result instanceof AcceptDeliveryResult.Stored) {
            sessions.delivered(id, clock.instant());
        } else {
            LOG.log(System.Logger.Level.WARNING, "chat session " + id + " was not accepted by ingestion: " + result
                    + "; it is tried again later");
        }
    }

    private ChatSessionView view(ChatSession session) {
        String agentName = agents.find(session.organizationId(), session.agentId()).map(Agent::displayName)
                .orElse(session.agentId().toString());
        return new ChatSessionView(session, agentName, sessions.messages(session.id()));
    }
}
