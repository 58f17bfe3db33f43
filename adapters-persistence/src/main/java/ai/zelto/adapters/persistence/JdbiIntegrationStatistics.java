package ai.zelto.adapters.persistence;

import ai.zelto.application.port.in.integration.IntegrationStatus;
import ai.zelto.application.port.out.IntegrationStatistics;
import ai.zelto.domain.organization.OrganizationId;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jdbi.v3.core.Jdbi;

final class JdbiIntegrationStatistics implements IntegrationStatistics {
    private final Jdbi jdbi;

    JdbiIntegrationStatistics(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    @Override
    public Map<String, IntegrationStatus> byProvider(OrganizationId organizationId) {
        Map<String, IntegrationStatus> result = new LinkedHashMap<>();
        jdbi.useHandle(handle -> handle.createQuery("""
                        SELECT provider, count(*) AS calls, max(last_received_at) AS last_call_at
                        FROM conversations WHERE organization_id = :org GROUP BY provider ORDER BY provider
                        """)
                .bind("org", organizationId.value())
                .map((rs, ctx) -> new IntegrationStatus(rs.getString("provider"), true,
                        Rows.instant(rs, "last_call_at"), rs.getLong("calls")))
                .forEach(status -> result.put(status.provider(), status)));
        return result;
    }
}
