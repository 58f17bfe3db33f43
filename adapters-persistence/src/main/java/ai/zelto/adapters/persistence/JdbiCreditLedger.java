package ai.zelto.adapters.persistence;

import ai.zelto.application.port.out.CreditLedger;
import ai.zelto.application.readmodel.CreditBalance;
import ai.zelto.domain.conversation.ConversationId;
import ai.zelto.domain.credit.Credits;
import ai.zelto.domain.organization.OrganizationId;
import java.time.Instant;
import java.util.List;

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
    public CreditBalance balance(OrganizationId organizationId) {
        return handles.dao(CreditDao.class, d -> d.balance(organizationId.value()));
    }
}
