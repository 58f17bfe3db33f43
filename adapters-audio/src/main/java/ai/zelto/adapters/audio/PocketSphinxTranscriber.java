package ai.zelto.adapters.audio;

import ai.zelto.application.port.out.Transcriber;
import ai.zelto.domain.recording.AudioFormat;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * Offline speech recognition for installs with no external service: CMU PocketSphinx from Debian's packages
 * ({@code pocketsphinx}, {@code pocketsphinx-en-us}). Input is converted to 16 kHz mono 16-bit WAV with sox
 * (or ffmpeg when sox is missing); each utterance PocketSphinx finds becomes a segment timed by its words.
 * English only; accuracy is far below hosted services, which is the price of running anywhere.
 */
public final class PocketSphinxTranscriber implements Transcriber {
    static final String RECOGNIZER = "pocketsphinx_continuous";

    private final Path recognizer;
    private final Path sox;
    private final Path ffmpeg;
    private final Duration timeout;

    private PocketSphinxTranscriber(Path recognizer, Path sox, Path ffmpeg, Duration timeout) {
        this.recognizer = recognizer;
        this.sox = sox;
        this.ffmpeg = ffmpeg;
        this.timeout = timeout;
    }

    /** The engine, when PocketSphinx and a converter (sox or ffmpeg) are installed. */
    public static Optional<PocketSphinxTranscriber> detect(Duration timeout) {
        Optional<Path> recognizer = onPath(RECOGNIZER);
        Optional<Path> sox = onPath("sox");
        Optional<Path> ffmpeg = onPath("ffmpeg");
        if (recognizer.isEmpty() || (sox.isEmpty() && ffmpeg.isEmpty())) {
            return Optional.empty();
        }
        return Optional.of(new PocketSphinxTranscriber(recognizer.get(), sox.orElse(null), ffmpeg.orElse(null), timeout));
    }

    private static Optional<Path> onPath(String command) {
        String path = System.getenv("PATH");
        if (path == null) {
            return Optional.empty();
        }
        for (String dir : path.split(File.pathSeparator)) {
            Path candidate = Path.of(dir, command);
            if (Files.isExecutable(candidate)) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }

    @Override
    public List<Segment> transcribe(Path audio, AudioFormat format) throws TranscriptionException {
        Path wav = null;
        try {
            wav = Files.createTempFile("zelto-sphinx-", ".wav");
            List<String> convert = sox != null && format != AudioFormat.M4A && format != AudioFormat.WEBM
                    // -D: no dither, which adds random noise and makes recognition differ from run to run
                    ? List.of(sox.toString(), "-q", "-D", audio.toString(), "-r", "16000", "-c", "1", "-b", "16", "-e",
                    "signed-integer", "-t", "wav", wav.toString())
                    : ffmpegCommand(audio, wav);
            run(convert, "converting the audio");
            String output = run(List.of(recognizer.toString(), "-infile", wav.toString(), "-time", "yes", "-logfn",
                    "/dev/null"), "recognizing speech");
            return parse(output);
        } catch (IOException e) {
            throw new TranscriptionException("could not run PocketSphinx: " + e.getMessage(), true);
        } finally {
            if (wav != null) {
                try {
                    Files.deleteIfExists(wav);
                } catch (IOException ignored) {
                    // a temporary file the OS cleans up later
                }
            }
        }
    }

    private List<String> ffmpegCommand(Path audio, Path wav) throws TranscriptionException {
        if (ffmpeg == null) {
            throw new TranscriptionException("converting M4A or WebM needs ffmpeg (apt-get install ffmpeg)", false);
        }
        return List.of(ffmpeg.toString(), "-nostdin", "-loglevel", "error", "-y", "-i", audio.toString(), "-ar", "16000",
                "-ac", "1", "-c:a", "pcm_s16le", wav.toString());
    }

    private String run(List<String> command, String what) throws IOException, TranscriptionException {
        Path output = Files.createTempFile("zelto-sphinx-", ".out");
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(output.toFile())
                    .start();
            if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                process.destroyForcibly();
                throw new TranscriptionException(what + " took longer than " + timeout.toSeconds() + " s", true);
            }
            String text = Files.readString(output, StandardCharsets.UTF_8);
            if (process.exitValue() != 0) {
                throw new TranscriptionException(what + " failed: " + last(text), false);
            }
            return text;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new TranscriptionException("interrupted", true);
        } finally {
            Files.deleteIfExists(output);
        }
    }

    private static String last(String text) {
        String trimmed = text.strip();
        return trimmed.length() > 300 ? trimmed.substring(trimmed.length() - 300) : trimmed;
    }

    /**
     * PocketSphinx prints, per utterance, the hypothesis and then one line per word: {@code word start end
     * confidence}. Silence and fillers ({@code <s>}, {@code </s>}, {@code <sil>}, {@code [NOISE]}) do not time
     * the segment.
     */
    static List<Segment> parse(String output) {
        List<Segment> segments = new ArrayList<>();
        String hypothesis = null;
        Double start = null;
        Double end = null;
        for (String line : output.split("\\R")) {
            String[] parts = line.strip().split("\\s+");
            if (parts.length == 4 && isNumber(parts[1]) && isNumber(parts[2]) && isNumber(parts[3])) {
                String word = parts[0];
                if (!word.startsWith("<") && !word.startsWith("[")) {
                    double wordStart = Double.parseDouble(parts[1]);
                    double wordEnd = Double.parseDouble(parts[2]);
                    start = start == null ? wordStart : Math.min(start, wordStart);
                    end = end == null ? wordEnd : Math.max(end, wordEnd);
                }
            } else if (!line.isBlank() && !line.startsWith("INFO") && !line.startsWith("ERROR")) {
                if (hypothesis != null) {
                    segments.add(new Segment(hypothesis, start, end));
                }
                hypothesis = line.strip();
                start = null;
                end = null;
            }
        }
        if (hypothesis != null) {
            segments.add(new Segment(hypothesis, start, end));
        }
        return segments;
    }

    private static boolean isNumber(String text) {
        try {
            Double.parseDouble(text);
            return true;
        } catch (NumberFormatException notANumber) {
            return false;
        }
    }
}
