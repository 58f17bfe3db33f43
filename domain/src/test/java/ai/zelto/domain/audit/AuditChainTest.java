package ai.zelto.domain.audit;

import static org.assertj.core.api.Assertions.assertThat;

import ai.zelto.domain.organization.OrganizationId;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AuditChainTest {
    private static final OrganizationId ORG = OrganizationId.newId();

    private static List<AuditChain.Link> chain(int n) {
        List<AuditChain.Link> links = new ArrayList<>();
        String previous = AuditChain.GENESIS;
        for (int i = 1; i <= n; i++) {
            AuditEntry entry = new AuditEntry(ORG, Instant.parse("2026-01-01T00:00:00Z").plusSeconds(i), "cli",
                    "api_key.created", "api_key:" + i, Map.of("name", "key " + i));
            String hash = AuditChain.hash(previous, entry);
            links.add(new AuditChain.Link(i, entry, previous, hash));
            previous = hash;
        }
        return links;
    }

    @Test
    void anIntactChain_verifies() {
        List<AuditChain.Link> links = chain(4);
        assertThat(AuditChain.verify(links, links.get(3).hash())).isEmpty();
        assertThat(AuditChain.verify(List.of(), null)).isEmpty();
    }

    @Test
    void editingRemovingOrTruncating_isDetected() {
        List<AuditChain.Link> links = chain(4);
        String head = links.get(3).hash();
        List<AuditChain.Link> edited = new ArrayList<>(links);
        AuditChain.Link second = links.get(1);
        edited.set(1, new AuditChain.Link(2, new AuditEntry(ORG, second.entry().at(), "cli", "api_key.created",
                "api_key:2", Map.of("name", "renamed")), second.previousHash(), second.hash()));
        List<AuditChain.Link> removed = new ArrayList<>(links);
        removed.remove(2);

        assertThat(AuditChain.verify(edited, head)).hasValueSatisfying(p -> assertThat(p).contains("entry 2 was altered"));
        assertThat(AuditChain.verify(removed, head)).hasValueSatisfying(p -> assertThat(p).contains("entry 4"));
        assertThat(AuditChain.verify(links.subList(0, 3), head))
                .hasValueSatisfying(p -> assertThat(p).contains("newest entries were removed"));
    }

    @Test
    void anEntryHoldsItsTextsAsStored_soItsHashIsTheHashOfWhatTheDatabaseKeeps() {
        AuditEntry entry = new AuditEntry(ORG, Instant.parse("2026-01-01T00:00:00Z"), "cli", "api_key.created",
                "api_key:1", Map.of("name", "bad\u0000name"));

        assertThat(entry.details()).containsEntry("name", "bad\ufffdname");
        assertThat(AuditChain.hash(AuditChain.GENESIS, entry)).isEqualTo(AuditChain.hash(AuditChain.GENESIS,
                new AuditEntry(ORG, entry.at(), "cli", "api_key.created", "api_key:1", Map.of("name", "bad\ufffdname"))));
    }
}
