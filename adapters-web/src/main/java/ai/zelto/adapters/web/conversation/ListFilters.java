package ai.zelto.adapters.web.conversation;

import ai.zelto.application.readmodel.ConversationFilter;
import ai.zelto.domain.agent.AgentId;
import jakarta.ws.rs.core.MultivaluedMap;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The list's filters as they live in the URL, so that every view of the list can be bookmarked and shared:
 * {@code q} (words), {@code agent}, {@code provider}, {@code version}, {@code endedReason}, {@code meta}
 * ({@code key=value} on the call's metadata), {@code range} ({@code 24h}, {@code 7d}, {@code 30d}, {@code 90d})
 * or {@code from}/{@code to} dates (UTC days, {@code to} included). A value that cannot be read is reported on the
 * page and left out, never silently widening the list.
 */
public record ListFilters(String q, String agent, String provider, String version, String endedReason, String meta,
                          String range, String from, String to) {
    private static final Map<String, Duration> RANGES = Map.of("24h", Duration.ofHours(24), "7d", Duration.ofDays(7),
            "30d", Duration.ofDays(30), "90d", Duration.ofDays(90));

    static ListFilters from(MultivaluedMap<String, String> query) {
        return new ListFilters(value(query, "q"), value(query, "agent"), value(query, "provider"),
                value(query, "version"), value(query, "endedReason"), value(query, "meta"), value(query, "range"),
                value(query, "from"), value(query, "to"));
    }

    private static String value(MultivaluedMap<String, String> query, String name) {
        String value = query.getFirst(name);
        return value == null ? "" : value.strip();
    }

    /** The filter for the application, and a message per value that could not be read. */
    record Parsed(ConversationFilter filter, List<String> problems) {
    }

    Parsed parse(Clock clock) {
        List<String> problems = new ArrayList<>();
        AgentId agentId = null;
        if (!agent.isEmpty()) {
            Optional<AgentId> parsed = AgentId.tryParse(agent);
            if (parsed.isEmpty()) {
                problems.add("The agent filter is not an agent id; it was left out.");
            }
            agentId = parsed.orElse(null);
        }
        String metaKey = null;
        String metaValue = null;
        if (!meta.isEmpty()) {
            int equals = meta.indexOf('=');
            if (equals <= 0) {
                problems.add("The metadata filter is written key=value, such as channel=sms; it was left out.");
            } else {
                metaKey = meta.substring(0, equals).strip();
                metaValue = meta.substring(equals + 1).strip();
            }
        }
        Instant fromTime = null;
        Instant toTime = null;
        if (!range.isEmpty() && !RANGES.containsKey(range)) {
            problems.add("The time range is one of 24h, 7d, 30d or 90d; it was left out.");
        }
        if (RANGES.containsKey(range)) {
            fromTime = clock.instant().minus(RANGES.get(range));
        } else {
            fromTime = day(from, "from", problems).map(day -> day.atStartOfDay().toInstant(ZoneOffset.UTC))
                    .orElse(null);
            toTime = day(to, "to", problems).map(day -> day.plusDays(1).atStartOfDay().toInstant(ZoneOffset.UTC))
                    .orElse(null);
        }
        String text = q.isEmpty() ? null : q;
        if (text != null && text.length() > ConversationFilter.MAX_TEXT_LENGTH) {
            problems.add("The search was cut to its first " + ConversationFilter.MAX_TEXT_LENGTH + " characters.");
            text = text.substring(0, ConversationFilter.MAX_TEXT_LENGTH);
        }
        return new Parsed(new ConversationFilter(agentId, empty(provider), empty(version), null, empty(endedReason),
                metaKey, metaValue, text, fromTime, toTime), problems);
    }

    private static Optional<LocalDate> day(String text, String name, List<String> problems) {
        if (text.isEmpty()) {
            return Optional.empty();
        }
        try {
            return Optional.of(LocalDate.parse(text));
        } catch (DateTimeParseException notADate) {
            problems.add("The '" + name + "' date is written YYYY-MM-DD; it was left out.");
            return Optional.empty();
        }
    }

    private static String empty(String value) {
        return value.isEmpty() ? null : value;
    }

    /** Whether any filter is set (the empty list then says so rather than "no calls yet"). */
    public boolean any() {
        return !(q + agent + provider + version + endedReason + meta + range + from + to).isEmpty();
    }

    public boolean customRange() {
        return !from.isEmpty() || !to.isEmpty();
    }

    /** The filters as a query string without {@code ?}, only those set; extra pairs are appended. */
    public String query(String... extra) {
        Map<String, String> pairs = new LinkedHashMap<>();
        pairs.put("q", q);
        pairs.put("agent", agent);
        pairs.put("provider", provider);
        pairs.put("version", version);
        pairs.put("endedReason", endedReason);
        pairs.put("meta", meta);
        pairs.put("range", range);
        pairs.put("from", from);
        pairs.put("to", to);
        for (int i = 0; i + 1 < extra.length; i += 2) {
            pairs.put(extra[i], extra[i + 1]);
        }
        StringBuilder query = new StringBuilder();
        pairs.forEach((name, value) -> {
            if (value != null && !value.isEmpty()) {
                query.append(query.length() == 0 ? "" : "&").append(name).append('=')
                        .append(URLEncoder.encode(value, StandardCharsets.UTF_8));
            }
        });
        return query.toString();
    }

    /** A path with these filters. */
    public String link(String path, String... extra) {
        String query = query(extra);
        return query.isEmpty() ? path : path + "?" + query;
    }
}
