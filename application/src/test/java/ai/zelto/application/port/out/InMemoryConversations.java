package ai.zelto.application.port.out;

import ai.zelto.domain.conversation.Conversation;
import ai.zelto.domain.conversation.ConversationId;
import ai.zelto.domain.organization.OrganizationId;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/** Conversations in memory, one per (organization, external id), as {@link ConversationRepository}. */
public final class InMemoryConversations implements ConversationRepository, InMemoryStore.Part {
    private Map<ConversationId, Conversation> byId = new LinkedHashMap<>();

    public InMemoryConversations(InMemoryStore store) {
        store.register(this);
    }

    public Collection<Conversation> all() {
        return byId.values();
    }

    @Override
    public Optional<Conversation> findByExternalId(OrganizationId organizationId, String externalId) {
        return byId.values().stream().filter(c -> c.organizationId().equals(organizationId)
                && c.externalId().equals(externalId)).findFirst();
    }

    @Override
    public Optional<Conversation> findById(ConversationId id) {
        return Optional.ofNullable(byId.get(id));
    }

    @Override
    public Map<String, Conversation> findByExternalIds(OrganizationId organizationId, Collection<String> externalIds) {
        Map<String, Conversation> found = new LinkedHashMap<>();
        for (String externalId : externalIds) {
            findByExternalId(organizationId, externalId).ifPresent(c -> found.put(externalId, c));
        }
        return found;
    }

    @Override
    public void save(Conversation conversation) {
        findByExternalId(conversation.organizationId(), conversation.externalId())
                .filter(other -> !other.id().equals(conversation.id()))
                .ifPresent(other -> {
                    throw new IllegalStateException("the call " + conversation.externalId() + " has a conversation");
                });
        byId.put(conversation.id(), conversation);
    }

    @Override
    public void saveAll(Collection<Conversation> conversations) {
        conversations.forEach(this::save);
    }

    @Override
    public Object snapshot() {
        return new LinkedHashMap<>(byId);
    }

    @Override
    @SuppressWarnings("unchecked")
    public void restore(Object snapshot) {
        byId = new LinkedHashMap<>((Map<ConversationId, Conversation>) snapshot);
    }
}
