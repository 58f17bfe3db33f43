package ai.zelto.adapters.persistence;

import ai.zelto.application.port.out.CreditLedger;
import ai.zelto.application.readmodel.CreditBalance;
import ai.zelto.application.readmodel.CreditEntry;
import ai.zelto.domain.conversation.ConversationId;
import ai.zelto.domain.credit.Credits;
import ai.zelto.domain.organization.OrganizationId;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

final class JdbiCreditLedger implements CreditLedger {
    private final Handles handles;

    JdbiCreditLedger(Handles handles) {
        this.handles = handles;
    }

    @Override
    public void grant(OrganizationId organizationId, Credits amount, String reason, Instant at) {
        handles.use(CreditDao.class, d -> d.grant(organizationId.value(), amount.amount(), reason, at));
    }

    @Override
    public void charge(OrganizationId organizationId, ConversationId conversationId, Credits amount, Instant at) {
        chargeAll(List.of(new Charge(organizationId, conversationId, amount, at)));
    }

    @Override
    public void chargeAll(List<Charge> charges) {
        if (charges.isEmpty()) {
            return;
        }
        handles.use(CreditDao.class, d -> d.chargeAll(
                charges.stream().map(c -> c.organizationId().value()).toList(),
                charges.stream().map(c -> c.conversationId().value()).toList(),
                charges.stream().map(c -> c.amount().amount()).toList(),
                charges.stream().map(Charge::at).toList()));
    }

    @Override
    public List<CreditEntry> entries(OrganizationId organizationId, int limit) {
        return handles.with(handle -> handle.createQuery("SELECT l.kind, l.amount, l.conversation_id,"
                        + " c.external_id, l.reason, l.updated_at FROM credit_ledger l"
                        + " LEFT JOIN conversations c ON c.id = l.conversation_id"
                        + " WHERE l.organization_id = :org ORDER BY l.updated_at DESC, l.id DESC LIMIT :limit")
                .bind("org", organizationId.value())
                .bind("limit", limit)
                .map((rs, ctx) -> {
                    UUID conversation = Rows.uuid(rs, "conversation_id");
                    return new CreditEntry(rs.getString("kind"), rs.getLong("amount"),
                            conversation == null ? null : new ConversationId(conversation),
                            rs.getString("external_id"), rs.getString("reason"),
                            Rows.instant(rs, "updated_at"));
                })
                .list());
    }

    @Override
    public CreditBalance balance(OrganizationId organizationId) {
        return handles.dao(CreditDao.class, d -> d.balance(organizationId.value()));
    }
}
