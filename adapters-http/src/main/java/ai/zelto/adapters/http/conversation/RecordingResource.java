package ai.zelto.adapters.http.conversation;

import ai.zelto.adapters.http.auth.ApiKeyPrincipal;
import ai.zelto.adapters.http.error.ApiErrors;
import ai.zelto.application.port.in.recording.GetRecordingUseCase;
import ai.zelto.application.port.in.recording.RecordingAudio;
import ai.zelto.domain.conversation.ConversationId;
import io.dropwizard.auth.Auth;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import java.io.InputStream;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code GET /v1/conversations/{id}/recording}: the stored copy, streamed, with {@code Accept-Ranges}, single
 * byte ranges answered {@code 206}, and the content's SHA-256 as ETag ({@code If-None-Match} gives {@code 304}).
 */
@Path("/v1/conversations/{id}/recording")
public final class RecordingResource {
    private static final Pattern RANGE = Pattern.compile("bytes=(\\d*)-(\\d*)");

    private final GetRecordingUseCase recordings;

    public RecordingResource(GetRecordingUseCase recordings) {
        this.recordings = recordings;
    }

    @GET
    public Response play(@Auth ApiKeyPrincipal caller, @PathParam("id") String id,
                         @HeaderParam("Range") String range, @HeaderParam("If-None-Match") String ifNoneMatch) {
        Optional<RecordingAudio> found = ConversationId.tryParse(id)
                .flatMap(conversationId -> recordings.getRecording(caller.organizationId(), conversationId));
        if (found.isEmpty()) {
            return ApiErrors.of(404, "Not found", java.util.Map.of("recording",
                    "no stored recording for this conversation (see its recording.status)"));
        }
        RecordingAudio audio = found.get();
        long size = audio.size();
        String etag = "\"" + audio.recording().sha256() + "\"";
        String contentType = audio.recording().contentType() == null ? "application/octet-stream"
                : audio.recording().contentType();
        if (ifNoneMatch != null && (ifNoneMatch.equals(etag) || ifNoneMatch.equals("*"))) {
            return Response.notModified().tag(audio.recording().sha256()).header("Accept-Ranges", "bytes").build();
        }
        long start = 0;
        long end = size - 1;
        boolean partial = false;
        if (range != null) {
            Matcher matcher = RANGE.matcher(range.strip());
            if (matcher.matches() && !(matcher.group(1).isEmpty() && matcher.group(2).isEmpty())) {
                if (matcher.group(1).isEmpty()) {
                    long suffix = Long.parseLong(matcher.group(2));
                    start = Math.max(0, size - suffix);
                } else {
                    start = Long.parseLong(matcher.group(1));
                    if (!matcher.group(2).isEmpty()) {
                        end = Math.min(end, Long.parseLong(matcher.group(2)));
                    }
                }
                if (start >= size || start > end) {
                    return Response.status(416).header("Content-Range", "bytes */" + size)
                            .header("Accept-Ranges", "bytes").type("application/json")
                            .entity(ai.zelto.adapters.http.error.ErrorBody.of("Range not satisfiable")).build();
                }
                partial = true;
            }
        }
        long from = start;
        long length = end - start + 1;
        StreamingOutput body = out -> {
            try (InputStream in = audio.open(from, length)) {
                in.transferTo(out);
            }
        };
        Response.ResponseBuilder response = Response.status(partial ? 206 : 200).entity(body).type(contentType)
                .header("Accept-Ranges", "bytes").header("ETag", etag).header("Content-Length", length);
        if (partial) {
            response.header("Content-Range", "bytes " + start + "-" + end + "/" + size);
        }
        return response.build();
    }
}
