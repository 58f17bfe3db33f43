package ai.zelto.adapters.persistence;

import ai.zelto.application.port.out.IntegrationStatistics;
import ai.zelto.application.readmodel.IntegrationStatus;
import ai.zelto.domain.organization.OrganizationId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

final class JdbiIntegrationStatistics implements IntegrationStatistics {
    private final Handles handles;

    JdbiIntegrationStatistics(Handles handles) {
        this.handles = handles;
    }

    @Override
    public Map<String, IntegrationStatus> byProvider(OrganizationId organizationId) {
        Map<String, IntegrationStatus> result = new LinkedHashMap<>();
        List<IntegrationStatus> rows = handles.with(handle -> handle.createQuery("""
                        SELECT provider, count(*) AS calls, max(last_received_at) AS last_call_at
                        FROM conversations WHERE organization_id = :org GROUP BY provider ORDER BY provider
                        """)
                .bind("org", organizationId.value())
                .map((rs, ctx) -> IntegrationStatus.ofCalls(rs.getString("provider"),
                        Rows.instant(rs, "last_call_at"), rs.getLong("calls")))
                .list());
        rows.forEach(status -> result.put(status.provider(), status));
        return result;
    }
}
