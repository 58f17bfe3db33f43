package ai.zelto.adapters.web.conversation;

import ai.zelto.adapters.web.session.Visitor;
import ai.zelto.application.port.in.recording.ByteRange;
import ai.zelto.application.port.in.recording.GetRecordingUseCase;
import ai.zelto.application.port.in.recording.RecordingAudio;
import ai.zelto.domain.conversation.ConversationId;
import ai.zelto.domain.user.Member;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import java.io.InputStream;

/**
 * {@code /conversations/{id}/recording}: the stored copy for the console's player, through the signed-in
 * session (no key in the browser). Byte ranges as the API answers them ({@link ByteRange}): without {@code 206},
 * browsers restart playback from the start on every seek.
 */
@Path("/conversations/{id}/recording")
public final class RecordingPlaybackResource {
    private final GetRecordingUseCase recordings;

    public RecordingPlaybackResource(GetRecordingUseCase recordings) {
        this.recordings = recordings;
    }

    @GET
    public Response play(@Context ContainerRequestContext request, @PathParam("id") String id,
                         @HeaderParam("Range") String range) {
        Member member = Visitor.of(request).member();
        RecordingAudio audio = ConversationId.tryParse(id)
                .flatMap(conversationId -> recordings.getRecording(member.organizationId(), conversationId))
                .orElseThrow(NotFoundException::new);
        long size = audio.size();
        ByteRange asked = ByteRange.of(range, size);
        if (asked instanceof ByteRange.Unsatisfiable) {
            return Response.status(416).header("Content-Range", "bytes */" + size).header("Accept-Ranges", "bytes")
                    .build();
        }
        long from = asked instanceof ByteRange.Part part ? part.first() : 0;
        long length = asked instanceof ByteRange.Part part ? part.length() : size;
        StreamingOutput body = out -> {
            try (InputStream in = audio.open(from, length)) {
                in.transferTo(out);
            }
        };
        Response.ResponseBuilder response = Response.status(asked instanceof ByteRange.Part ? 206 : 200).entity(body)
                .type(audio.recording().contentType() == null ? "application/octet-stream"
                        : audio.recording().contentType())
                .header("Accept-Ranges", "bytes").header("Content-Length", length)
                .header("Cache-Control", "private, max-age=3600");
        if (asked instanceof ByteRange.Part part) {
            response.header("Content-Range", "bytes " + part.first() + "-" + part.last() + "/" + size);
        }
        return response.build();
    }
}
