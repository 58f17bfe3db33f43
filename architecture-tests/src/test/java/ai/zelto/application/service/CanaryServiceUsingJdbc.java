package ai.zelto.application.service;

import java.sql.SQLException;

/** Breaks "no java.sql in the core", for the rule's canary. Never used. */
public final class CanaryServiceUsingJdbc {
    private CanaryServiceUsingJdbc() {
    }

    public static boolean isDeadlock(SQLException failure) {
        return "40P01".equals(failure.getSQLState());
    }
}
