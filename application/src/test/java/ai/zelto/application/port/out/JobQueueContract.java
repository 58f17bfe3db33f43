package ai.zelto.application.port.out;

import static ai.zelto.application.port.out.ContractFixtures.NOW;
import static ai.zelto.application.port.out.ContractFixtures.later;
import static org.assertj.core.api.Assertions.assertThat;

import ai.zelto.domain.conversation.Conversation;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What {@link JobQueue} must do; its ports must hold no jobs of other tests. */
public abstract class JobQueueContract extends PortContract {
    private Conversation conversation;

    @BeforeEach
    void saveAConversation() {
        conversation = savedConversation("call-1");
    }

    private List<JobQueue.Job> claim(long secondsAfterNow) {
        return ports.jobs().claim(10, later(secondsAfterNow), Duration.ofMinutes(5));
    }

    @Test
    void dueJobs_areClaimedOnce_whileTheirLeaseRuns_withTheirAttemptsCounted() {
        ports.jobs().enqueue(JobQueue.Kind.COPY_RECORDING, conversation.id(), "https://example.com/a.wav", NOW);
        ports.jobs().enqueue(JobQueue.Kind.TRANSCRIBE, conversation.id(), "later", later(3600));

        List<JobQueue.Job> claimed = claim(0);

        assertThat(claimed).singleElement().satisfies(job -> {
            assertThat(job.kind()).isEqualTo(JobQueue.Kind.COPY_RECORDING);
            assertThat(job.conversationId()).isEqualTo(conversation.id());
            assertThat(job.payload()).isEqualTo("https://example.com/a.wav");
            assertThat(job.attempts()).isEqualTo(1);
        });
        assertThat(claim(60)).as("leased for five minutes").isEmpty();
        assertThat(claim(301)).as("the lease ran out").singleElement()
                .satisfies(job -> assertThat(job.attempts()).isEqualTo(2));
    }

    @Test
    void aRetriedJob_comesBackAtItsTime_aCompletedOrFailedOneNever() {
        ports.jobs().enqueue(JobQueue.Kind.COPY_RECORDING, conversation.id(), "retried", NOW);
        ports.jobs().enqueue(JobQueue.Kind.COPY_RECORDING, conversation.id(), "completed", NOW);
        ports.jobs().enqueue(JobQueue.Kind.COPY_RECORDING, conversation.id(), "failed", NOW);
        for (JobQueue.Job job : claim(0)) {
            switch (job.payload()) {
                case "retried" -> ports.jobs().retry(job.id(), later(30), "timeout");
                case "completed" -> ports.jobs().complete(job.id());
                default -> ports.jobs().fail(job.id(), "not audio");
            }
        }

        assertThat(claim(10)).isEmpty();
        assertThat(claim(31)).extracting(JobQueue.Job::payload).containsExactly("retried");
        assertThat(claim(100_000)).as("the retried one again, once its lease ran out; never the others")
                .extracting(JobQueue.Job::payload).containsExactly("retried");
    }
}
