package ai.zelto.app.wiring;

import ai.zelto.adapters.web.Console;
import ai.zelto.app.secrets.Argon2idPasswordHasher;
import ai.zelto.application.service.people.PeopleService;
import ai.zelto.application.service.people.SignInService;
import io.dropwizard.core.setup.Environment;
import jakarta.servlet.DispatcherType;
import java.net.URI;
import java.util.EnumSet;

/**
 * The console: people, sign-in and sessions, and the web pages over the read side, recordings, keys, integrations,
 * credits and the audit log.
 */
public final class ConsoleWiring implements Feature {
    public final SignInService signIn;
    public final PeopleService people;
    private final Foundation base;
    private final AccessWiring access;
    private final IntegrationWiring integrations;
    private final ReadWiring reads;
    private final RecordingWiring recordings;
    private final VoiceWiring voice;
    private final PhoneWiring phone;
    private final ChatWiring chat;

    ConsoleWiring(Foundation base, AccessWiring access, IntegrationWiring integrations, ReadWiring reads,
                  RecordingWiring recordings, VoiceWiring voice, PhoneWiring phone, ChatWiring chat) {
        this.voice = voice;
        this.chat = chat;
        this.phone = phone;
        this.base = base;
        this.access = access;
        this.integrations = integrations;
        this.reads = reads;
        this.recordings = recordings;
        Argon2idPasswordHasher passwords = new Argon2idPasswordHasher();
        this.signIn = new SignInService(base.ports.members(), base.ports.webSessions(), passwords, base.audit,
                base.random, base.clock);
        this.people = new PeopleService(base.ports.unitOfWork(), base.ports.members(), base.ports.webSessions(),
                base.ports.organizations(), passwords, base.audit, base.random, base.clock);
    }

    @Override
    public void serve(Environment environment) {
        String configured = base.config.getPublicUrl();
        URI publicUrl = configured == null || configured.isBlank() ? null : URI.create(configured);
        Console.UseCases useCases = new Console.UseCases(signIn, signIn, people, people, reads.reads, reads.reads,
                reads.reads, reads.reads, reads.reads, reads.reads, recordings.playback, access.apiKeys, access.apiKeys,
                integrations.integrations, integrations.integrations, integrations.integrations, reads.reads,
                reads.reads, base.audit, reads.agents, voice.sessions, phone.calls, chat.sessions);
        environment.servlets().addFilter("console", Console.filter(useCases, publicUrl, base.clock, base.random,
                        chat.streams))
                .addMappingForUrlPatterns(EnumSet.of(DispatcherType.REQUEST), true, Console.PATHS.toArray(String[]::new));
    }
}
