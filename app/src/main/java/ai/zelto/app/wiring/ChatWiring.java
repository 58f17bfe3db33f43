package ai.zelto.app.wiring;

import ai.zelto.adapters.http.chat.ChatSessionsResource;
import ai.zelto.adapters.llm.OpenAiChatModel;
import ai.zelto.app.config.ChatSettings;
import ai.zelto.application.service.chat.ChatSessionService;
import ai.zelto.application.service.chat.ModelConnections;
import io.dropwizard.core.setup.Environment;
import io.dropwizard.lifecycle.Managed;
import java.time.Duration;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * Chat sessions with text agents: the operator's or each organization's OpenAI-compatible model, the sessions,
 * and a sweep every few seconds that ends idle sessions and hands over any ended one a stopped copy left.
 */
public final class ChatWiring implements Feature {
    private static final long SWEEP_SECONDS = 5;

    /** Streamed replies at once, each holding a thread while it streams; more are answered in one piece. */
    private static final int STREAM_THREADS = 64;

    public final ModelConnections models;
    public final ChatSessionService sessions;
    /** Runs streamed replies, for the API and the console alike. */
    public final ThreadPoolExecutor streams = new ThreadPoolExecutor(0, STREAM_THREADS, 30, TimeUnit.SECONDS,
            new SynchronousQueue<>(), runnable -> {
                Thread thread = new Thread(runnable, "chat-stream");
                thread.setDaemon(true);
                return thread;
            });

    ChatWiring(Foundation base, IntegrationWiring integrations, IngestWiring ingest) {
        ChatSettings settings = base.config.getChat();
        this.models = new ModelConnections(settings.serverWide().orElse(null), integrations.integrations,
                base.config.getRecordings().outboundGuard());
        this.sessions = new ChatSessionService(base.ports.agents(), base.ports.credits(), base.ports.chatSessions(),
                models, new OpenAiChatModel(Duration.ofSeconds(10)), ingest.accept, settings.limits(), base.clock);
    }

    @Override
    public void serve(Environment environment) {
        environment.jersey().register(new ChatSessionsResource(sessions, streams));
        Sweeper.every(environment, "chat-sweep", SWEEP_SECONDS, sessions::sweep);
        environment.lifecycle().manage(new Managed() {
            @Override
            public void stop() throws InterruptedException {
                streams.shutdown();
                streams.awaitTermination(10, TimeUnit.SECONDS);
            }
        });
    }
}
