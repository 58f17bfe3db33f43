package ai.zelto.app;

/** {@code java -jar zelto.jar} with no arguments runs the server on built-in defaults. */
public final class ZeltoMain {
    private ZeltoMain() {
    }

    public static void main(String[] args) throws Exception {
        // Audited installs make no outbound calls: Liquibase's usage analytics stay off.
        System.setProperty("liquibase.analytics.enabled", "false");
        new ZeltoApplication(System.getenv()).run(args.length == 0 ? new String[] {"server"} : args);
    }
}
