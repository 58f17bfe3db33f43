package ai.zelto.adapters.http.conversation;

import ai.zelto.adapters.http.auth.ApiKeyPrincipal;
import ai.zelto.adapters.http.error.ApiErrors;
import ai.zelto.adapters.http.error.ErrorBody;
import ai.zelto.application.port.in.recording.ByteRange;
import ai.zelto.application.port.in.recording.GetRecordingUseCase;
import ai.zelto.application.port.in.recording.RecordingAudio;
import ai.zelto.domain.conversation.ConversationId;
import io.dropwizard.auth.Auth;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import java.io.InputStream;
import java.util.Map;
import java.util.Optional;

/**
 * {@code GET /v1/conversations/{id}/recording}: the stored copy, streamed, with {@code Accept-Ranges}, single
 * byte ranges answered {@code 206}, and the content's SHA-256 as ETag ({@code If-None-Match} gives {@code 304}).
 */
@Path("/v1/conversations/{id}/recording")
public final class RecordingResource {
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
            return ApiErrors.of(404, "Not found", Map.of("recording",
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
        ByteRange asked = ByteRange.of(range, size);
        if (asked instanceof ByteRange.Unsatisfiable) {
            return Response.status(416).header("Content-Range", "bytes */" + size)
                    .header("Accept-Ranges", "bytes").type(MediaType.APPLICATION_JSON_TYPE)
                    .entity(ErrorBody.of("Range not satisfiable")).build();
        }
        long from = asked instanceof ByteRange.Part part ? part.first() : 0;
        long length = asked instanceof ByteRange.Part part ? part.length() : size;
        StreamingOutput body = out -> {
            try (InputStream in = audio.open(from, length)) {
                in.transferTo(out);
            }
        };
        Response.ResponseBuilder response = Response.status(asked instanceof ByteRange.Part ? 206 : 200)
                .entity(body).type(contentType).header("Accept-Ranges", "bytes").header("ETag", etag)
                .header("Content-Length", length);
        if (asked instanceof ByteRange.Part part) {
            response.header("Content-Range", "bytes " + part.first() + "-" + part.last() + "/" + size);
        }
        return response.build();
    }
}
