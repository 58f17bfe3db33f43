package ai.zelto.application.port.in.ingest;

import ai.zelto.application.spi.provider.RawDelivery;
import ai.zelto.domain.organization.OrganizationId;
import java.nio.file.Path;
import java.util.Objects;

/**
 * @param call  the call's fields as a canonical JSON body (the form fields of the upload, mapped by the edge)
 * @param audio the uploaded file, in a temporary file the caller deletes afterwards
 */
public record AcceptAudioCommand(OrganizationId organizationId, RawDelivery call, Path audio) {
    public AcceptAudioCommand {
        Objects.requireNonNull(organizationId, "organizationId");
        Objects.requireNonNull(call, "call");
    }
}
