package ai.zelto.adapters.audio;

import ai.zelto.application.outbound.OutboundGuard;
import ai.zelto.application.port.out.RecordingFetcher;
import ai.zelto.domain.recording.AudioFormat;
import ai.zelto.domain.shared.Sha256;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * Downloads recordings from URLs that callers supplied, the careful way:
 * <ul>
 *   <li>only {@code http} and {@code https};</li>
 *   <li>every address the host resolves to — for the first URL and for each redirect, at most three — must pass
 *       the {@link OutboundGuard};</li>
 *   <li>the body is bounded in size and the whole download in time;</li>
 *   <li>the bytes must be audio (WAV, MP3, OGG, M4A, WebM), whatever the Content-Type says.</li>
 * </ul>
 */
public final class SafeHttpRecordingFetcher implements RecordingFetcher {
    static final int MAX_REDIRECTS = 3;
    private static final ScheduledExecutorService WATCHDOG = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread thread = new Thread(r, "zelto-fetch-watchdog");
        thread.setDaemon(true);
        return thread;
    });

    private final OutboundGuard guard;
    private final long maxBytes;
    private final Duration timeout;
    private final HttpClient client;

    /**
     * @param allowedHosts hosts that may be internal (lowercase names or literal addresses), e.g. a test server
     */
    public SafeHttpRecordingFetcher(Set<String> allowedHosts, long maxBytes, Duration timeout) {
        this.guard = new OutboundGuard(allowedHosts);
        this.maxBytes = maxBytes;
        this.timeout = timeout;
        this.client = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER)
                .connectTimeout(Duration.ofSeconds(Math.min(30, Math.max(1, timeout.toSeconds())))).build();
    }

    @Override
    public Fetched fetch(String url) throws FetchException {
        long deadline = System.nanoTime() + timeout.toNanos();
        URI uri = parse(url);
        for (int redirects = 0; ; redirects++) {
            checkAllowed(uri);
            HttpResponse<InputStream> response = send(uri, deadline);
            int status = response.statusCode();
            if (status >= 300 && status < 400 && response.headers().firstValue("Location").isPresent()) {
                close(response.body());
                if (redirects >= MAX_REDIRECTS) {
                    throw new FetchException("more than " + MAX_REDIRECTS + " redirects", false);
                }
                uri = parse(uri.resolve(response.headers().firstValue("Location").get()).toString());
                continue;
            }
            if (status != 200) {
                close(response.body());
                throw new FetchException("the source answered HTTP " + status, status >= 500 || status == 404
                        || status == 408 || status == 429);
            }
            return download(response.body(), deadline);
        }
    }

    private static URI parse(String url) throws FetchException {
        try {
            URI uri = new URI(url);
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            if (!scheme.equals("http") && !scheme.equals("https")) {
                throw new FetchException("only http and https URLs are fetched", false);
            }
            if (uri.getHost() == null) {
                throw new FetchException("the URL has no host", false);
            }
            return uri;
        } catch (java.net.URISyntaxException e) {
            throw new FetchException("not a URL", false);
        }
    }

    private void checkAllowed(URI uri) throws FetchException {
        try {
            guard.check(uri);
        } catch (OutboundGuard.Refused refused) {
            throw new FetchException(refused.getMessage(), false);
        } catch (OutboundGuard.Unresolved unresolved) {
            throw new FetchException(unresolved.getMessage(), true);
        }
    }

    private HttpResponse<InputStream> send(URI uri, long deadline) throws FetchException {
        long left = deadline - System.nanoTime();
        if (left <= 0) {
            throw new FetchException("the download took longer than " + timeout.toSeconds() + " s", true);
        }
        HttpRequest request = HttpRequest.newBuilder(uri).timeout(Duration.ofNanos(left))
                .header("User-Agent", "Zelto recording copier").GET().build();
        try {
            return client.send(request, HttpResponse.BodyHandlers.ofInputStream());
        } catch (HttpTimeoutException e) {
            throw new FetchException("the source did not answer in time", true);
        } catch (IOException e) {
            throw new FetchException("could not reach the source: " + e.getMessage(), true);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new FetchException("interrupted", true);
        } catch (IllegalArgumentException e) {
            throw new FetchException("not a fetchable URL", false);
        }
    }

    private Fetched download(InputStream body, long deadline) throws FetchException {
        Path file;
        try {
            file = Files.createTempFile("zelto-recording-", ".audio");
        } catch (IOException e) {
            throw new FetchException("no room for a temporary file: " + e.getMessage(), true);
        }
        ScheduledFuture<?> watchdog = WATCHDOG.schedule(() -> close(body),
                Math.max(1, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
        boolean kept = false;
        try {
            MessageDigest sha256 = Sha256.newDigest();
            byte[] head = new byte[4096];
            int headLength = 0;
            long total = 0;
            byte[] buffer = new byte[64 * 1024];
            try (OutputStream out = new DigestOutputStream(Files.newOutputStream(file), sha256)) {
                int read;
                while ((read = body.read(buffer)) != -1) {
                    total += read;
                    if (total > maxBytes) {
                        throw new FetchException("the recording is larger than " + maxBytes + " bytes", false);
                    }
                    if (headLength < head.length) {
                        int copy = Math.min(read, head.length - headLength);
                        System.arraycopy(buffer, 0, head, headLength, copy);
                        headLength += copy;
                    }
                    out.write(buffer, 0, read);
                }
            }
            if (System.nanoTime() > deadline) {
                throw new FetchException("the download took longer than " + timeout.toSeconds() + " s", true);
            }
            Optional<AudioFormat> format = AudioFormat.sniff(head, headLength);
            if (format.isEmpty()) {
                throw new FetchException("the body is not audio (WAV, MP3, OGG, M4A or WebM)", false);
            }
            BigDecimal duration = AudioFormat.wavDuration(head, headLength).orElse(null);
            kept = true;
            return new Fetched(file, format.get(), total, Sha256.hex(sha256), duration);
        } catch (IOException e) {
            boolean timedOut = System.nanoTime() > deadline;
            throw new FetchException(timedOut ? "the download took longer than " + timeout.toSeconds() + " s"
                    : "the download broke off: " + e.getMessage(), true);
        } finally {
            watchdog.cancel(false);
            close(body);
            if (!kept) {
                try {
                    Files.deleteIfExists(file);
                } catch (IOException ignored) {
                    // a temporary file the OS cleans up later
                }
            }
        }
    }

    private static void close(InputStream body) {
        try {
            body.close();
        } catch (IOException ignored) {
            // closing a response body that already broke
        }
    }
}
