package ai.zelto.app.wiring;

import io.dropwizard.core.setup.Environment;
import io.dropwizard.lifecycle.Managed;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * A task the server runs every few seconds while it is up, on a daemon thread of its own: work a stopped copy of
 * the app may have left, or that comes due by time alone. A run that fails (the database is away) waits for the
 * next.
 */
final class Sweeper {
    private Sweeper() {
    }

    static void every(Environment environment, String threadName, long seconds, Runnable task) {
        ScheduledExecutorService sweeper = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, threadName);
            thread.setDaemon(true);
            return thread;
        });
        environment.lifecycle().manage(new Managed() {
            @Override
            public void start() {
                sweeper.scheduleWithFixedDelay(() -> {
                    try {
                        task.run();
                    } catch (RuntimeException failed) {
                        // the database is away: the next run tries again
                    }
                }, seconds, seconds, TimeUnit.SECONDS);
            }

            @Override
            public void stop() {
                sweeper.shutdownNow();
            }
        });
    }
}
