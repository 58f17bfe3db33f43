package ai.zelto.bench;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The load generator, run as its own process so that it does not share a JVM with what it measures. Posts
 * {@link Payloads} to {@code url} for a number of seconds over plain HTTP/1.1 keep-alive sockets, one thread per
 * connection (a full HTTP client's selector and futures added a latency tail of their own on two cores):
 * <ul>
 *   <li>closed loop: {@code amount} clients, each sending its next upload once the previous one is answered;</li>
 *   <li>open loop: {@code amount} uploads a second, due at fixed times and sent by whichever of 64 connections is
 *       free. A latency is counted from when the upload was due, not from when it could be sent, so a stalled
 *       server is not hidden (no coordinated omission).</li>
 * </ul>
 * Prints one line: {@code RESULT key=value ...}, ending with the CPU time this process used ({@code cpuMillis}).
 *
 * <p>Arguments: {@code url key runId closed <clients> <seconds>} or {@code url key runId open <perSecond> <seconds>}.
 */
public final class LoadGenerator {
    private static final int OPEN_LOOP_CONNECTIONS = 64;

    private final URI url;
    private final String key;
    private final Payloads payloads;
    private final Map<Integer, AtomicLong> statuses = new ConcurrentHashMap<>();
    private final AtomicLong failures = new AtomicLong();

    private LoadGenerator(URI url, String key, Payloads payloads) {
        this.url = url;
        this.key = key;
        this.payloads = payloads;
    }

    public static void main(String[] args) throws Exception {
        LoadGenerator generator = new LoadGenerator(URI.create(args[0]), args[1],
                new Payloads(args[2], args[2].hashCode()));
        boolean closed = args[3].equals("closed");
        int amount = Integer.parseInt(args[4]);
        int seconds = Integer.parseInt(args[5]);
        long started = System.nanoTime();
        long end = started + seconds * 1_000_000_000L;
        long interval = closed ? 0 : 1_000_000_000L / amount;
        AtomicLong nextDue = new AtomicLong();
        List<Thread> connections = new ArrayList<>();
        List<Latencies> perConnection = new ArrayList<>();
        for (int c = 0; c < (closed ? amount : OPEN_LOOP_CONNECTIONS); c++) {
            Latencies mine = new Latencies();
            perConnection.add(mine);
            Thread connection = new Thread(() -> generator.send(mine, closed, started, end, interval, nextDue));
            connection.start();
            connections.add(connection);
        }
        for (Thread connection : connections) {
            connection.join();
        }
        Latencies all = new Latencies();
        perConnection.forEach(all::addAll);
        double elapsed = (System.nanoTime() - started) / 1e9;
        long acked = generator.statuses.getOrDefault(200, new AtomicLong()).get();
        Map<Integer, Long> byStatus = new TreeMap<>();
        generator.statuses.forEach((status, count) -> byStatus.put(status, count.get()));
        long cpuMillis = ProcessHandle.current().info().totalCpuDuration().map(java.time.Duration::toMillis)
                .orElse(-1L);
        System.out.printf(Locale.ROOT,
                "RESULT acked=%d failed=%d seconds=%.2f perSecond=%.1f p50=%.2f p99=%.2f max=%.2f statuses=%s"
                        + " cpuMillis=%d%n",
                acked, generator.failures.get(), elapsed, acked / elapsed, all.millis(50), all.millis(99),
                all.millis(100), byStatus.toString().replace(" ", ""), cpuMillis);
    }

    /** One connection's loop: closed, or taking due times from {@code nextDue} in an open loop. */
    private void send(Latencies latencies, boolean closed, long started, long end, long interval,
                      AtomicLong nextDue) {
        Connection connection = null;
        while (true) {
            long due;
            if (closed) {
                due = System.nanoTime();
                if (due >= end) {
                    break;
                }
            } else {
                due = started + nextDue.getAndIncrement() * interval;
                if (due >= end) {
                    break;
                }
                long wait = due - System.nanoTime();
                if (wait > 0) {
                    sleepNanos(wait);
                }
            }
            byte[] body = payloads.next();
            try {
                if (connection == null) {
                    connection = new Connection(url);
                }
                int status = connection.post(url.getPath(), key, body);
                latencies.add((System.nanoTime() - due) / 1_000);
                statuses.computeIfAbsent(status, s -> new AtomicLong()).incrementAndGet();
                if (connection.closing) {
                    connection.close();
                    connection = null;
                }
            } catch (IOException failed) {
                failures.incrementAndGet();
                if (connection != null) {
                    connection.close();
                    connection = null;
                }
            }
        }
        if (connection != null) {
            connection.close();
        }
    }

    private static void sleepNanos(long nanos) {
        try {
            Thread.sleep(nanos / 1_000_000, (int) (nanos % 1_000_000));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** One keep-alive HTTP/1.1 connection: a request written whole, its answer read whole. */
    private static final class Connection {
        private final Socket socket;
        private final OutputStream out;
        private final InputStream in;
        private final String host;
        boolean closing;

        Connection(URI url) throws IOException {
            socket = new Socket(url.getHost(), url.getPort());
            socket.setTcpNoDelay(true);
            socket.setSoTimeout(60_000);
            out = socket.getOutputStream();
            in = new BufferedInputStream(socket.getInputStream(), 16 * 1024);
            host = url.getHost() + ":" + url.getPort();
        }

        int post(String path, String key, byte[] body) throws IOException {
            byte[] head = ("POST " + path + " HTTP/1.1\r\nHost: " + host + "\r\nAuthorization: Bearer " + key
                    + "\r\nContent-Type: application/json\r\nContent-Length: " + body.length + "\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII);
            byte[] request = new byte[head.length + body.length];
            System.arraycopy(head, 0, request, 0, head.length);
            System.arraycopy(body, 0, request, head.length, body.length);
            out.write(request);
            out.flush();
            String statusLine = line();
            if (statusLine.length() < 12) {
                throw new IOException("no answer");
            }
            int status = Integer.parseInt(statusLine.substring(9, 12));
            long length = 0;
            boolean chunked = false;
            for (String header = line(); !header.isEmpty(); header = line()) {
                String lower = header.toLowerCase(Locale.ROOT);
                if (lower.startsWith("content-length:")) {
                    length = Long.parseLong(lower.substring(15).trim());
                } else if (lower.startsWith("transfer-encoding:") && lower.contains("chunked")) {
                    chunked = true;
                } else if (lower.startsWith("connection:") && lower.contains("close")) {
                    closing = true;
                }
            }
            if (chunked) {
                for (long size = Long.parseLong(line().trim(), 16); size > 0; size = Long.parseLong(line().trim(), 16)) {
                    skip(size);
                    line();
                }
                line();
            } else {
                skip(length);
            }
            return status;
        }

        private String line() throws IOException {
            StringBuilder line = new StringBuilder();
            int c;
            while ((c = in.read()) != -1) {
                if (c == '\n') {
                    int last = line.length() - 1;
                    return last >= 0 && line.charAt(last) == '\r' ? line.substring(0, last) : line.toString();
                }
                line.append((char) c);
            }
            throw new IOException("the connection closed");
        }

        private void skip(long bytes) throws IOException {
            long left = bytes;
            while (left > 0) {
                long skipped = in.skip(left);
                if (skipped <= 0) {
                    if (in.read() == -1) {
                        throw new IOException("the connection closed");
                    }
                    skipped = 1;
                }
                left -= skipped;
            }
        }

        void close() {
            try {
                socket.close();
            } catch (IOException ignored) {
                // closing anyway
            }
        }
    }
}
