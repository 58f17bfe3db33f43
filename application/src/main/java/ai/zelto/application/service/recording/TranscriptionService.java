package ai.zelto.application.service.recording;

import ai.zelto.application.port.out.BlobStore;
import ai.zelto.application.port.out.ConversationRepository;
import ai.zelto.application.port.out.CreditLedger;
import ai.zelto.application.port.out.DeliveryQueue;
import ai.zelto.application.port.out.JobQueue;
import ai.zelto.application.port.out.RecordingRepository;
import ai.zelto.application.port.out.Transcriber;
import ai.zelto.application.port.out.UnitOfWork;
import ai.zelto.domain.conversation.Conversation;
import ai.zelto.domain.conversation.Role;
import ai.zelto.domain.conversation.TranscriptTurn;
import ai.zelto.domain.credit.Pricing;
import ai.zelto.domain.delivery.DeliveryId;
import ai.zelto.domain.delivery.DeliveryStatus;
import ai.zelto.domain.recording.AudioFormat;
import ai.zelto.domain.recording.Recording;
import ai.zelto.domain.shared.StorableText;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Transcribes an uploaded recording into the conversation's transcript. Single-channel audio cannot tell the
 * speakers apart, so every turn is the {@code user}'s. The transcript only fills a conversation that has none
 * (a transcript a delivery carried wins), under the same per-call lock as delivery processing, and the charge is
 * recomputed. When transcription finally fails, the upload's delivery shows {@code failed} with the reason.
 */
public final class TranscriptionService implements TranscriptionJobs {
    private final UnitOfWork unitOfWork;
    private final ConversationRepository conversations;
    private final RecordingRepository recordings;
    private final BlobStore blobs;
    private final Transcriber transcriber;
    private final DeliveryQueue deliveries;
    private final CreditLedger credits;
    private final JobQueue jobs;
    private final Pricing pricing;
    private final Clock clock;

    public TranscriptionService(UnitOfWork unitOfWork, ConversationRepository conversations,
                                RecordingRepository recordings, BlobStore blobs, Transcriber transcriber,
                                DeliveryQueue deliveries, CreditLedger credits, JobQueue jobs, Pricing pricing,
                                Clock clock) {
        this.unitOfWork = unitOfWork;
        this.conversations = conversations;
        this.recordings = recordings;
        this.blobs = blobs;
        this.transcriber = transcriber;
        this.deliveries = deliveries;
        this.credits = credits;
        this.jobs = jobs;
        this.pricing = pricing;
        this.clock = clock;
    }

    @Override
    public void run(JobQueue.Job job, Retry retry) {
        DeliveryId delivery = DeliveryId.tryParse(job.payload()).orElse(null);
        Optional<Recording> recording = recordings.find(job.conversationId());
        if (recording.isEmpty() || recording.get().blobKey() == null) {
            jobs.complete(job.id());
            return;
        }
        Path audio = null;
        try {
            audio = Files.createTempFile("zelto-transcribe-", ".audio");
            long size = blobs.size(recording.get().blobKey()).orElse(0);
            try (InputStream in = blobs.read(recording.get().blobKey(), 0, size)) {
                Files.copy(in, audio, StandardCopyOption.REPLACE_EXISTING);
            }
            AudioFormat format = AudioFormat.fromContentType(recording.get().contentType()).orElse(AudioFormat.WAV);
            List<TranscriptTurn> turns = turns(transcriber.transcribe(audio, format));
            unitOfWork.inTransaction(() -> {
                apply(job, turns);
                return null;
            });
            jobs.complete(job.id());
        } catch (Transcriber.TranscriptionException failure) {
            giveUpOrRetry(job, retry, delivery, failure.getMessage(), failure.retryable());
        } catch (IOException storage) {
            giveUpOrRetry(job, retry, delivery, "could not read the stored audio: " + storage.getMessage(), true);
        } finally {
            if (audio != null) {
                try {
                    Files.deleteIfExists(audio);
                } catch (IOException ignored) {
                    // a temporary file the OS cleans up later
                }
            }
        }
    }

    private void apply(JobQueue.Job job, List<TranscriptTurn> turns) {
        Optional<Conversation> found = conversations.findById(job.conversationId());
        if (found.isEmpty()) {
            return;
        }
        deliveries.lockCall(found.get().organizationId(), found.get().externalId());
        Conversation current = conversations.findById(job.conversationId()).orElseThrow();
        Conversation transcribed = current.transcribed(turns, clock.instant());
        if (transcribed != current) {
            conversations.save(transcribed);
            credits.charge(transcribed.organizationId(), transcribed.id(), pricing.chargeFor(transcribed),
                    clock.instant());
        }
    }

    private void giveUpOrRetry(JobQueue.Job job, Retry retry, DeliveryId delivery, String reason, boolean retryable) {
        if (!retry.retryOrFail(job, reason, retryable) && delivery != null) {
            deliveries.finish(delivery, DeliveryStatus.FAILED, "transcription failed: " + reason,
                    job.conversationId());
        }
    }

    private static List<TranscriptTurn> turns(List<Transcriber.Segment> segments) {
        List<TranscriptTurn> turns = new ArrayList<>();
        for (Transcriber.Segment segment : segments) {
            String text = segment.text() == null ? "" : segment.text().strip();
            if (text.isEmpty()) {
                continue;
            }
            Double start = valid(segment.startSeconds());
            Double end = valid(segment.endSeconds());
            turns.add(new TranscriptTurn(Role.USER, StorableText.of(text), start,
                    start != null && end != null && end < start ? null : end));
        }
        return turns;
    }

    private static Double valid(Double seconds) {
        return seconds == null || seconds.isNaN() || seconds.isInfinite() || seconds < 0 ? null : seconds;
    }
}
