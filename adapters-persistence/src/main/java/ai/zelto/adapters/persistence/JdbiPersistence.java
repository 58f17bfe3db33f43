package ai.zelto.adapters.persistence;

import ai.zelto.application.port.out.AgentQueries;
import ai.zelto.application.port.out.AgentRepository;
import ai.zelto.application.port.out.ApiKeyRepository;
import ai.zelto.application.port.out.AuditLog;
import ai.zelto.application.port.out.ConversationQueries;
import ai.zelto.application.port.out.ConversationRepository;
import ai.zelto.application.port.out.ChatSessionRepository;
import ai.zelto.application.port.out.CreditLedger;
import ai.zelto.application.port.out.DeliveryQueue;
import ai.zelto.application.port.out.DeliveryRepository;
import ai.zelto.application.port.out.IntegrationRepository;
import ai.zelto.application.port.out.IntegrationStatistics;
import ai.zelto.application.port.out.JobQueue;
import ai.zelto.application.port.out.MemberRepository;
import ai.zelto.application.port.out.OrganizationRepository;
import ai.zelto.application.port.out.RecordingRepository;
import ai.zelto.application.port.out.PhoneCallRepository;
import ai.zelto.application.port.out.StartedCalls;
import ai.zelto.application.port.out.SystemValues;
import ai.zelto.application.port.out.UnitOfWork;
import ai.zelto.application.port.out.VoiceSessionRepository;
import ai.zelto.application.port.out.WebSessionRepository;
import java.time.Clock;
import java.util.List;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.NoTemplateEngine;
import org.jdbi.v3.postgres.PostgresPlugin;
import org.jdbi.v3.sqlobject.SqlObjectPlugin;

/** The persistence adapter's only entry point: builds every port implementation on one {@link Jdbi}. */
public final class JdbiPersistence {
    private JdbiPersistence() {
    }

    /** The ports, all on the same database; calls made inside {@link UnitOfWork} share its transaction. */
    public record Ports(UnitOfWork unitOfWork, OrganizationRepository organizations, ApiKeyRepository apiKeys,
                        DeliveryRepository deliveries, DeliveryQueue deliveryQueue,
                        ConversationRepository conversations, ConversationQueries conversationQueries,
                        AgentRepository agents, AgentQueries agentQueries, CreditLedger credits,
                        IntegrationStatistics integrations, IntegrationRepository integrationSettings,
                        SystemValues systemValues, RecordingRepository recordings, JobQueue jobs, AuditLog audit,
                        MemberRepository members, WebSessionRepository webSessions,
                        VoiceSessionRepository voiceSessions, PhoneCallRepository phoneCalls,
                        StartedCalls startedCalls, ChatSessionRepository chatSessions) {
    }

    public static Ports create(Jdbi jdbi, Clock clock) {
        jdbi.installPlugin(new SqlObjectPlugin());
        jdbi.installPlugin(new PostgresPlugin());
        jdbi.registerArgument(new StorableTextArguments());
        // Statements are plain SQL with named parameters, never templates: rendering each one as a template cost
        // a quarter of a worker's time per statement.
        jdbi.setTemplateEngine(new NoTemplateEngine());
        // Describe each SqlObject type once, in the root configuration that every handle copies. Jdbi before
        // 3.55 (jdbi/jdbi#2991) keeps a description made during handle.attach in that handle's copy only, so each
        // transaction rebuilt the handlers of every method of each DAO it used: a tenth of all allocation at a
        // steady load. (withExtension on the Jdbi describes the type without opening a connection.)
        for (Class<?> dao : List.of(AgentDao.class, ApiKeyDao.class, CreditDao.class, DeliveryDao.class,
                OrganizationDao.class)) {
            jdbi.withExtension(dao, extension -> null);
        }
        Handles handles = new Handles(jdbi);
        JdbiDeliveryRepository deliveries = new JdbiDeliveryRepository(handles, clock);
        JdbiConversationRepository conversations = new JdbiConversationRepository(handles);
        JdbiAgentRepository agents = new JdbiAgentRepository(handles);
        JdbiVoiceSessionRepository voiceSessions = new JdbiVoiceSessionRepository(handles);
        JdbiPhoneCallRepository phoneCalls = new JdbiPhoneCallRepository(handles);
        return new Ports(new JdbiUnitOfWork(handles),
                new JdbiOrganizationRepository(handles),
                new JdbiApiKeyRepository(handles),
                deliveries,
                deliveries,
                conversations,
                new JdbiConversationQueries(handles),
                agents,
                agents,
                new JdbiCreditLedger(handles),
                new JdbiIntegrationStatistics(handles),
                new JdbiIntegrationRepository(handles),
                new JdbiSystemValues(handles),
                new JdbiRecordingRepository(handles),
                new JdbiJobQueue(handles),
                new JdbiAuditLog(handles),
                new JdbiMemberRepository(handles),
                new JdbiWebSessionRepository(handles),
                voiceSessions,
                phoneCalls,
                voiceSessions.orElse(phoneCalls),
                new JdbiChatSessionRepository(handles));
    }
}
