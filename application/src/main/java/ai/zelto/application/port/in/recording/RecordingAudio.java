package ai.zelto.application.port.in.recording;

import ai.zelto.domain.recording.Recording;
import java.io.IOException;
import java.io.InputStream;

/** A stored recording: its description, its size, and a way to read any range of its bytes. */
public interface RecordingAudio {
    Recording recording();

    long size();

    InputStream open(long offset, long length) throws IOException;
}
