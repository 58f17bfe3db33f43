package ai.zelto.domain.agent;

import ai.zelto.domain.shared.DomainException;

/** A delivery or request named an agent id that does not exist in the caller's organization. */
public final class AgentNotFoundException extends DomainException {
    private static final long serialVersionUID = 1L;

    public AgentNotFoundException(AgentId agentId) {
        super("agentId " + agentId + " is not an agent of this organization");
    }

    @Override
    public String code() {
        return "agent_not_found";
    }

    @Override
    public Category category() {
        return Category.NOT_FOUND;
    }
}
