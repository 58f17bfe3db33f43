package ai.zelto.adapters.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.zelto.domain.organization.OrganizationId;
import java.time.Clock;
import java.time.Instant;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class JdbiUnitOfWorkIT {
    private static TestDatabase database;
    private static JdbiPersistence.Ports ports;

    @BeforeAll
    static void setUp() {
        database = TestDatabase.create();
        ports = JdbiPersistence.create(Jdbi.create(database.dataSource()), Clock.systemUTC());
    }

    @AfterAll
    static void tearDown() {
        database.close();
    }

    @Test
    void repositoriesJoinTheTransaction_soAFailureUndoesAllTheirWrites() {
        OrganizationId org = OrganizationId.newId();
        assertThatThrownBy(() -> ports.unitOfWork().inTransaction(() -> {
            ports.organizations().insert(org, "rolled back", Instant.now());
            assertThat(ports.organizations().exists(org)).as("visible inside the transaction").isTrue();
            throw new IllegalStateException("boom");
        })).hasMessage("boom");

        assertThat(ports.organizations().exists(org)).isFalse();
    }

    @Test
    void isolatedWork_undoesOnlyItsOwnWrites() {
        OrganizationId kept = OrganizationId.newId();
        OrganizationId undone = OrganizationId.newId();
        ports.unitOfWork().inTransaction(() -> {
            ports.organizations().insert(kept, "kept", Instant.now());
            assertThatThrownBy(() -> ports.unitOfWork().isolated(() -> {
                ports.organizations().insert(undone, "undone", Instant.now());
                throw new IllegalStateException("only this part fails");
            })).hasMessage("only this part fails");
            return null;
        });

        assertThat(ports.organizations().exists(kept)).isTrue();
        assertThat(ports.organizations().exists(undone)).isFalse();
    }
}
