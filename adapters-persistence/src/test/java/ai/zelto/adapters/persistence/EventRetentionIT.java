package ai.zelto.adapters.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import ai.zelto.application.service.retention.EventRetention;
import ai.zelto.domain.organization.OrganizationId;
import ai.zelto.domain.phone.WhatsAppEvent;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.Test;

/**
 * Old webhook events are forgotten, in batches, on the real database: the done ones older than
 * {@link EventRetention#KEPT}, never one not yet acted on, never a recent one. A forgotten key is new again.
 */
class EventRetentionIT {
    private static final Instant NOW = Instant.parse("2026-12-03T12:00:00Z");
    private static final Instant OLD = NOW.minus(EventRetention.KEPT).minus(Duration.ofMinutes(1));
    private static final Instant RECENT = NOW.minus(EventRetention.KEPT).plus(Duration.ofMinutes(1));

    @Test
    void oldDoneEvents_areForgotten_inBatches_unfinishedAndRecentOnesAreKept() {
        try (TestDatabase database = TestDatabase.create()) {
            JdbiPersistence.Ports ports = JdbiPersistence.create(Jdbi.create(database.dataSource()),
                    Clock.fixed(NOW, ZoneOffset.UTC));
            OrganizationId org = OrganizationId.newId();
            ports.organizations().insert(org, "retention", NOW);
            ports.phoneCalls().firstTime("twilio|old|0", org, OLD);
            ports.voiceSessions().remember("EV_old_0", OLD);
            // and 2,499 more of each, as those calls would store them, in one statement each
            Jdbi.create(database.dataSource()).useHandle(handle -> {
                handle.createUpdate("INSERT INTO phone_call_events (key, organization_id, received_at, done_at)"
                        + " SELECT 'twilio|old|' || n, :org, :at, :at FROM generate_series(1, 2499) n")
                        .bind("org", org.value()).bind("at", OLD).execute();
                handle.createUpdate("INSERT INTO livekit_webhook_events (id, received_at)"
                        + " SELECT 'EV_old_' || n, :at FROM generate_series(1, 2499) n").bind("at", OLD).execute();
            });
            ports.phoneCalls().firstTime("twilio|recent", org, RECENT);
            ports.voiceSessions().remember("EV_recent", RECENT);
            WhatsAppEvent unfinished = new WhatsAppEvent(WhatsAppEvent.Kind.CONNECT, "wacid.old", null, null, null,
                    null, null, null, null, null, null, null, null, null, null, null, null);
            ports.phoneCalls().keep(unfinished.dedupeKey(), org, unfinished, OLD);

            int forgotten = new EventRetention(ports.phoneCalls(), ports.voiceSessions(),
                    Clock.fixed(NOW, ZoneOffset.UTC)).forgetOld();

            assertThat(forgotten).isEqualTo(5_000);
            assertThat(ports.phoneCalls().firstTime("twilio|old|7", org, NOW)).as("forgotten: new again").isTrue();
            assertThat(ports.voiceSessions().seen("EV_old_2499")).isFalse();
            assertThat(ports.phoneCalls().firstTime("twilio|recent", org, NOW)).as("still a repeat").isFalse();
            assertThat(ports.voiceSessions().seen("EV_recent")).isTrue();
            assertThat(ports.phoneCalls().unfinished(NOW, 10)).containsExactly(unfinished.dedupeKey());
            assertThat(ports.phoneCalls().claim(unfinished.dedupeKey(), NOW, Duration.ofMinutes(1))).isPresent();
        }
    }
}
