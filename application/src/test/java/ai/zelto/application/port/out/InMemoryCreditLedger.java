package ai.zelto.application.port.out;

import ai.zelto.application.readmodel.CreditBalance;
import ai.zelto.application.readmodel.CreditEntry;
import ai.zelto.domain.conversation.ConversationId;
import ai.zelto.domain.credit.Credits;
import ai.zelto.domain.organization.OrganizationId;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Grants and charges in memory: one charge per conversation, a later one replacing its amount. */
public final class InMemoryCreditLedger implements CreditLedger, InMemoryStore.Part {
    private record Grant(OrganizationId organizationId, Credits amount) {
    }

    private record State(List<Grant> grants, Map<ConversationId, Charge> charges) {
    }

    private List<Grant> grants = new ArrayList<>();
    private Map<ConversationId, Charge> charges = new LinkedHashMap<>();

    public InMemoryCreditLedger(InMemoryStore store) {
        store.register(this);
    }

    /** The conversations charged, with the charge of each. */
    public Map<ConversationId, Charge> charges() {
        return Map.copyOf(charges);
    }

    @Override
    public void grant(OrganizationId organizationId, Credits amount, String reason, Instant at) {
        grants.add(new Grant(organizationId, amount));
    }

    @Override
    public void charge(OrganizationId organizationId, ConversationId conversationId, Credits amount, Instant at) {
        charges.put(conversationId, new Charge(organizationId, conversationId, amount, at));
    }

    @Override
    public void chargeAll(List<Charge> all) {
        all.forEach(c -> charge(c.organizationId(), c.conversationId(), c.amount(), c.at()));
    }

    @Override
    public CreditBalance balance(OrganizationId organizationId) {
        long granted = grants.stream().filter(g -> g.organizationId().equals(organizationId))
                .mapToLong(g -> g.amount().amount()).sum();
        long charged = charges.values().stream().filter(c -> c.organizationId().equals(organizationId))
                .mapToLong(c -> c.amount().amount()).sum();
        return new CreditBalance(granted - charged, charged, granted);
    }

    @Override
    public List<CreditEntry> entries(OrganizationId organizationId, int limit) {
        List<CreditEntry> entries = new ArrayList<>();
        charges.values().stream().filter(c -> c.organizationId().equals(organizationId))
                .forEach(c -> entries.add(new CreditEntry("charge", c.amount().amount(), c.conversationId(), null, null,
                        c.at())));
        grants.stream().filter(g -> g.organizationId().equals(organizationId))
                .forEach(g -> entries.add(new CreditEntry("grant", g.amount().amount(), null, null, null, null)));
        return entries.stream().limit(limit).toList();
    }

    @Override
    public Object snapshot() {
        return new State(new ArrayList<>(grants), new LinkedHashMap<>(charges));
    }

    @Override
    public void restore(Object snapshot) {
        State state = (State) snapshot;
        grants = new ArrayList<>(state.grants());
        charges = new LinkedHashMap<>(state.charges());
    }
}
