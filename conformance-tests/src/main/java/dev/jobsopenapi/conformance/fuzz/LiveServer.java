package dev.jobsopenapi.conformance.fuzz;

import dev.jobsopenapi.conformance.SecuritySchemes;
import dev.jobsopenapi.signing.AkSkCredentials;
import dev.jobsopenapi.signing.AkSkSigningInterceptor;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * A server under test and the credentials for it: a token sent in the spec's security header, or AK/SK
 * credentials that sign each request as sent. Every exchange has one deadline, answer body included, and reads at
 * most a fixed number of body bytes; no redirect is followed; credentials never appear in anything it returns.
 */
public final class LiveServer {

    private final String baseUrl;
    private final Optional<String> token;
    private final Optional<AkSkCredentials> akSk;
    private final Duration timeout;
    private final long maxBodyBytes;
    private final HttpClient http;

    private LiveServer(String baseUrl, Optional<String> token, Optional<AkSkCredentials> akSk, Duration timeout, long maxBodyBytes) {
        this.baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
        this.token = token;
        this.akSk = akSk;
        this.timeout = timeout;
        this.maxBodyBytes = maxBodyBytes;
        this.http = HttpClient.newBuilder().connectTimeout(timeout).followRedirects(HttpClient.Redirect.NEVER)
                .version(this.baseUrl.startsWith("http://") ? HttpClient.Version.HTTP_1_1 : HttpClient.Version.HTTP_2)
                .build();
    }

    /** A server reached without credentials, 30 s per exchange, bodies up to 32 MiB. */
    public static LiveServer at(String baseUrl) {
        Objects.requireNonNull(baseUrl, "baseUrl");
        if (!baseUrl.startsWith("http://") && !baseUrl.startsWith("https://")) {
            throw new IllegalArgumentException("the base URL must start with http:// or https://");
        }
        return new LiveServer(baseUrl, Optional.empty(), Optional.empty(), Duration.ofSeconds(30), 32L << 20);
    }

    /** The same server, with a token sent in the spec's security header (never printed). */
    public LiveServer withToken(String value) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("the token is empty or blank");
        }
        return new LiveServer(baseUrl, Optional.of(value), akSk, timeout, maxBodyBytes);
    }

    /** The same server, with each request signed with these AK/SK credentials (used when no token is given). */
    public LiveServer withAkSk(AkSkCredentials credentials) {
        return new LiveServer(baseUrl, token, Optional.of(Objects.requireNonNull(credentials, "credentials")), timeout, maxBodyBytes);
    }

    /** The same server, with this deadline per exchange. */
    public LiveServer withTimeout(Duration value) {
        if (value.isNegative() || value.isZero()) {
            throw new IllegalArgumentException("the timeout must be positive");
        }
        return new LiveServer(baseUrl, token, akSk, value, maxBodyBytes);
    }

    /** The same server, reading at most this many bytes of an answer's body. */
    public LiveServer withMaxBodyBytes(long value) {
        if (value <= 0) {
            throw new IllegalArgumentException("the body limit must be positive");
        }
        return new LiveServer(baseUrl, token, akSk, timeout, value);
    }

    /** The base URL, as given. */
    public String baseUrl() {
        return baseUrl;
    }

    /** Whether any credentials are given. */
    public boolean hasCredentials() {
        return token.isPresent() || akSk.isPresent();
    }

    /** Whether a token is given (it is sent instead of an AK/SK signature). */
    public boolean hasToken() {
        return token.isPresent();
    }

    Duration timeout() {
        return timeout;
    }

    /**
     * What came back: the status (0 when no answer came: {@code failure} says why), the content type, the headers
     * (names in lower case), the body
     * (at most the limit; {@code truncated} when there was more, then it holds the limit plus one byte) and the
     * milliseconds it took.
     */
    public record Exchange(int status, String contentType, Map<String, List<String>> headers, byte[] body, boolean truncated,
                           String failure, long millis) {

        /** Whether an answer came. */
        public boolean answered() {
            return status > 0;
        }

        String text() {
            return new String(body, StandardCharsets.UTF_8);
        }
    }

    Exchange send(FuzzRequest request, SecuritySchemes security, boolean withCredentials) {
        return exchange(request.method(), request.target(), request.headers(),
                request.body() == null ? null : request.body().toString(), security, withCredentials);
    }

    /**
     * Sends a request and waits for the whole answer within the deadline.
     *
     * @param target         the path and query, encoded
     * @param headers        headers to send besides {@code Accept} and the credentials
     * @param jsonBody       a JSON body, sent as {@code application/json}, or null for none
     * @param security       the spec's security schemes: where a token goes, whether AK/SK signs
     * @param withCredentials whether to send the credentials
     */
    public Exchange exchange(String method, String target, Map<String, String> headers, String jsonBody,
                             SecuritySchemes security, boolean withCredentials) {
        long start = System.nanoTime();
        HttpRequest.Builder builder;
        try {
            builder = HttpRequest.newBuilder(URI.create(baseUrl + target)).timeout(timeout);
        } catch (IllegalArgumentException e) {
            return new Exchange(0, "", Map.of(), new byte[0], false, "not a URI: " + e.getMessage(), 0);
        }
        builder.header("Accept", "application/json");
        headers.forEach(builder::header);
        if (jsonBody != null) {
            builder.header("Content-Type", "application/json").method(method, HttpRequest.BodyPublishers.ofString(jsonBody));
        } else {
            builder.method(method, HttpRequest.BodyPublishers.noBody());
        }
        if (withCredentials) {
            security.tokenHeader().ifPresent(header -> token.ifPresent(value ->
                    builder.header(header, security.tokenIsBearer() ? "Bearer " + value : value)));
            if (token.isEmpty() && security.signsWithAkSk()) {
                akSk.ifPresent(credentials -> AkSkSigningInterceptor.with(credentials).accept(builder));
            }
        }
        // One deadline for the whole exchange, body included: a server that trickles its answer cannot hold the
        // caller past it. The body is read up to one byte over the limit, never more.
        CompletableFuture<HttpResponse<byte[]>> exchange = http.sendAsync(builder.build(), info -> new CappedBody(maxBodyBytes));
        try {
            HttpResponse<byte[]> response = exchange.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            byte[] body = response.body();
            return new Exchange(response.statusCode(), response.headers().firstValue("Content-Type").orElse(""),
                    response.headers().map(), body,
                    body.length > maxBodyBytes, null, (System.nanoTime() - start) / 1_000_000);
        } catch (InterruptedException e) {
            exchange.cancel(true);
            Thread.currentThread().interrupt();
            return new Exchange(0, "", Map.of(), new byte[0], false, "interrupted", 0);
        } catch (TimeoutException e) {
            exchange.cancel(true);
            return new Exchange(0, "", Map.of(), new byte[0], false, "no complete answer within " + timeout.toSeconds()
                    + " s, body included", timeout.toMillis());
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof java.net.http.HttpTimeoutException) {
                return new Exchange(0, "", Map.of(), new byte[0], false, "no answer within " + timeout.toSeconds() + " s", timeout.toMillis());
            }
            String message = cause.getMessage() == null || cause.getMessage().isBlank()
                    ? (cause.getCause() != null && cause.getCause().getMessage() != null ? cause.getCause().getMessage()
                    : cause.getClass().getSimpleName()) : cause.getMessage();
            return new Exchange(0, "", Map.of(), new byte[0], false, "cannot reach " + baseUrl + target + ": " + message,
                    (System.nanoTime() - start) / 1_000_000);
        }
    }

    /**
     * The request as a {@code curl} command to reproduce it: the credential header's value replaced by
     * {@code [REDACTED]}, or, for AK/SK, a note that the request must be signed (curl cannot sign it).
     */
    String curl(FuzzRequest request, SecuritySchemes security) {
        StringBuilder command = new StringBuilder("curl -sS -i -X ").append(request.method()).append(' ')
                .append(quoted(baseUrl + request.target()));
        request.headers().forEach((name, value) -> command.append(" -H ").append(quoted(name + ": " + value)));
        if (token.isPresent()) {
            security.tokenHeader().ifPresent(header -> command.append(" -H ").append(quoted(header + ": "
                    + (security.tokenIsBearer() ? "Bearer " : "") + "[REDACTED]")));
        }
        if (request.body() != null) {
            command.append(" -H 'Content-Type: application/json' --data-raw ").append(quoted(request.body().toString()));
        }
        if (token.isEmpty() && akSk.isPresent() && security.signsWithAkSk()) {
            command.append("   # sign it with AK/SK (SDK-HMAC-SHA256) first: curl cannot");
        }
        return command.toString();
    }

    private static String quoted(String text) {
        return "'" + text.replace("'", "'\\''") + "'";
    }
}
