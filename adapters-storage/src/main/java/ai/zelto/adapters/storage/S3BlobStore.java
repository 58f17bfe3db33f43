package ai.zelto.adapters.storage;

import ai.zelto.application.port.out.BlobStore;
import ai.zelto.domain.shared.Sha256;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.InvalidKeyException;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.HexFormat;
import java.util.Map;
import java.util.OptionalLong;
import java.util.TreeMap;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Blobs in an S3-compatible bucket (AWS S3, MinIO, Ceph, R2…), for installs with several app copies. Speaks the
 * three calls it needs — PUT, HEAD and ranged GET of an object — signed with AWS Signature Version 4 over the
 * JDK's HTTP client, so no SDK is shipped. Path-style addressing ({@code endpoint/bucket/key}) by default, which
 * every S3-compatible server accepts; virtual-hosted style ({@code bucket.endpoint/key}) on request.
 */
public final class S3BlobStore implements BlobStore {
    private static final String EMPTY_SHA256 = "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855";
    private static final DateTimeFormatter AMZ_DATE = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'")
            .withZone(ZoneOffset.UTC);

    private final URI endpoint;
    private final String region;
    private final String bucket;
    private final String accessKey;
    private final String secretKey;
    private final boolean pathStyle;
    private final Clock clock;
    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    public S3BlobStore(URI endpoint, String region, String bucket, String accessKey, String secretKey,
                       boolean pathStyle, Clock clock) {
        this.endpoint = URI.create(endpoint.toString().replaceAll("/+$", ""));
        this.region = region;
        this.bucket = bucket;
        this.accessKey = accessKey;
        this.secretKey = secretKey;
        this.pathStyle = pathStyle;
        this.clock = clock;
    }

    @Override
    public void put(String key, Path file) throws IOException {
        HttpResponse<String> response = send(request("PUT", key, Map.of(), sha256(file))
                .PUT(HttpRequest.BodyPublishers.ofFile(file)), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IOException("S3 PUT " + key + " answered HTTP " + response.statusCode() + ": " + response.body());
        }
    }

    @Override
    public OptionalLong size(String key) throws IOException {
        HttpResponse<Void> response = send(request("HEAD", key, Map.of(), EMPTY_SHA256)
                .method("HEAD", HttpRequest.BodyPublishers.noBody()), HttpResponse.BodyHandlers.discarding());
        if (response.statusCode() == 404) {
            return OptionalLong.empty();
        }
        if (response.statusCode() != 200) {
            throw new IOException("S3 HEAD " + key + " answered HTTP " + response.statusCode());
        }
        return OptionalLong.of(response.headers().firstValueAsLong("Content-Length").orElseThrow(
                () -> new IOException("S3 HEAD " + key + " gave no Content-Length")));
    }

    @Override
    public InputStream read(String key, long offset, long length) throws IOException {
        if (length <= 0) {
            return InputStream.nullInputStream();
        }
        String range = "bytes=" + offset + "-" + (offset + length - 1);
        HttpResponse<InputStream> response = send(request("GET", key, Map.of("range", range), EMPTY_SHA256).GET(),
                HttpResponse.BodyHandlers.ofInputStream());
        if (response.statusCode() != 206 && response.statusCode() != 200) {
            response.body().close();
            throw new IOException("S3 GET " + key + " answered HTTP " + response.statusCode());
        }
        return response.body();
    }

    private <T> HttpResponse<T> send(HttpRequest.Builder request, HttpResponse.BodyHandler<T> handler)
            throws IOException {
        try {
            return client.send(request.build(), handler);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        }
    }

    private HttpRequest.Builder request(String method, String key, Map<String, String> extraHeaders,
                                        String payloadSha256) {
        URI uri = objectUri(key);
        String amzDate = AMZ_DATE.format(clock.instant());
        TreeMap<String, String> headers = new TreeMap<>(extraHeaders);
        headers.put("host", hostHeader(uri));
        headers.put("x-amz-content-sha256", payloadSha256);
        headers.put("x-amz-date", amzDate);
        String authorization = authorization(method, uri.getRawPath(), headers, payloadSha256, amzDate);
        HttpRequest.Builder builder = HttpRequest.newBuilder(uri).timeout(Duration.ofMinutes(10))
                .header("Authorization", authorization);
        headers.forEach((name, value) -> {
            if (!name.equals("host")) {
                builder.header(name, value);
            }
        });
        return builder;
    }

    private URI objectUri(String key) {
        StringBuilder path = new StringBuilder();
        for (String segment : key.split("/")) {
            path.append('/').append(encode(segment));
        }
        if (pathStyle) {
            return URI.create(endpoint + "/" + encode(bucket) + path);
        }
        return URI.create(endpoint.getScheme() + "://" + bucket + "." + endpoint.getRawAuthority() + path);
    }

    private static String hostHeader(URI uri) {
        return uri.getPort() == -1 ? uri.getHost() : uri.getHost() + ":" + uri.getPort();
    }

    /** The {@code Authorization} header of AWS Signature Version 4 for service {@code s3}. */
    String authorization(String method, String canonicalPath, TreeMap<String, String> headers, String payloadSha256,
                         String amzDate) {
        String date = amzDate.substring(0, 8);
        StringBuilder canonicalHeaders = new StringBuilder();
        headers.forEach((name, value) -> canonicalHeaders.append(name).append(':').append(value.strip()).append('\n'));
        String signedHeaders = String.join(";", headers.keySet());
        String canonicalRequest = method + "\n" + canonicalPath + "\n\n" + canonicalHeaders + "\n" + signedHeaders
                + "\n" + payloadSha256;
        String scope = date + "/" + region + "/s3/aws4_request";
        String stringToSign = "AWS4-HMAC-SHA256\n" + amzDate + "\n" + scope + "\n"
                + hex(sha256(canonicalRequest.getBytes(StandardCharsets.UTF_8)));
        byte[] key = hmac(("AWS4" + secretKey).getBytes(StandardCharsets.UTF_8), date);
        key = hmac(key, region);
        key = hmac(key, "s3");
        key = hmac(key, "aws4_request");
        String signature = hex(hmac(key, stringToSign));
        return "AWS4-HMAC-SHA256 Credential=" + accessKey + "/" + scope + ", SignedHeaders=" + signedHeaders
                + ", Signature=" + signature;
    }

    private static String encode(String segment) {
        StringBuilder out = new StringBuilder();
        for (byte b : segment.getBytes(StandardCharsets.UTF_8)) {
            char c = (char) (b & 0xFF);
            if ((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '_'
                    || c == '.' || c == '~') {
                out.append(c);
            } else {
                out.append('%').append(String.format("%02X", b & 0xFF));
            }
        }
        return out.toString();
    }

    private static String sha256(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            return Sha256.hex(in);
        }
    }

    private static byte[] sha256(byte[] bytes) {
        return Sha256.newDigest().digest(bytes);
    }

    private static byte[] hmac(byte[] key, String data) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return mac.doFinal(data.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException | InvalidKeyException impossible) {
            throw new IllegalStateException(impossible);
        }
    }

    private static String hex(byte[] bytes) {
        return HexFormat.of().formatHex(bytes);
    }
}
