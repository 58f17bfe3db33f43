package ai.zelto.domain.audit;

import ai.zelto.domain.organization.OrganizationId;
import ai.zelto.domain.shared.StorableText;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Collections;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * One security-relevant action: who did what to which thing, when. Details never hold secrets, only names and
 * ids. The time is kept to the microsecond, and texts as {@link StorableText}, as stored: the hash that chains
 * the entry is computed over exactly what the database keeps.
 *
 * @param actor  who acted: {@code user:<id>} through an API key, {@code cli}, or {@code bootstrap}
 * @param action what happened, e.g. {@code api_key.created}
 * @param target what it happened to, e.g. {@code api_key:<id>}
 */
public record AuditEntry(OrganizationId organizationId, Instant at, String actor, String action, String target,
                         Map<String, String> details) {
    public AuditEntry {
        Objects.requireNonNull(organizationId, "organizationId");
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(actor, "actor");
        Objects.requireNonNull(action, "action");
        Objects.requireNonNull(target, "target");
        at = at.truncatedTo(ChronoUnit.MICROS);
        actor = StorableText.of(actor);
        action = StorableText.of(action);
        target = StorableText.of(target);
        TreeMap<String, String> storable = new TreeMap<>();
        (details == null ? Map.<String, String>of() : details).forEach(
                (name, value) -> storable.put(StorableText.of(name), StorableText.of(value)));
        details = Collections.unmodifiableMap(storable);
    }
}
