package dev.jobsopenapi.conformance.http;

import dev.jobsopenapi.conformance.ApiContract;
import dev.jobsopenapi.conformance.Body;
import dev.jobsopenapi.conformance.ConformanceLog;
import dev.jobsopenapi.conformance.Target;
import dev.jobsopenapi.conformance.ValidationResult;

import org.opentest4j.AssertionFailedError;

import javax.net.ssl.SSLSession;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Locale;
import java.util.Optional;
import java.util.function.UnaryOperator;
import java.util.zip.GZIPInputStream;

/**
 * Checks every answer a {@code java.net.http} client receives against a spec: the response interceptor of the
 * generated clients ({@code ApiClient.setResponseInterceptor}), so a test suite that uses the client checks
 * conformance for free. The body is read once, checked, and handed on unchanged.
 *
 * <pre>{@code
 * ConformanceLog log = new ConformanceLog();
 * apiClient.setResponseInterceptor(ValidatingResponseInterceptor.collecting(contract, log));   // or failing(contract)
 * ...
 * log.assertAllConform();
 * }</pre>
 */
public final class ValidatingResponseInterceptor implements UnaryOperator<HttpResponse<InputStream>> {

    private final ApiContract contract;
    private final ConformanceLog log;
    private final boolean failFast;

    private ValidatingResponseInterceptor(ApiContract contract, ConformanceLog log, boolean failFast) {
        this.contract = contract;
        this.log = log;
        this.failFast = failFast;
    }

    /** Records every check in the log; the call goes on whatever the verdict. */
    public static ValidatingResponseInterceptor collecting(ApiContract contract, ConformanceLog log) {
        return new ValidatingResponseInterceptor(contract, log, false);
    }

    /** Fails the call that received a non-conforming answer with an {@link AssertionFailedError} listing the violations. */
    public static ValidatingResponseInterceptor failing(ApiContract contract) {
        return new ValidatingResponseInterceptor(contract, new ConformanceLog(), true);
    }

    @Override
    public HttpResponse<InputStream> apply(HttpResponse<InputStream> response) {
        byte[] body;
        try (InputStream in = response.body()) {
            body = in == null ? new byte[0] : in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException("could not read the answer to check it", e);
        }
        ValidationResult result = contract.validateResponse(Target.route(response.request().method(), response.uri().getRawPath()),
                Integer.toString(response.statusCode()), response.headers().firstValue("Content-Type").orElse(""),
                Body.of(decoded(response, body)));
        log.record(result);
        if (failFast && !result.isValid()) {
            throw new AssertionFailedError(result.toString());
        }
        return new Buffered(response, body);
    }

    /** The body as the server meant it: gzip undone when the answer says so. */
    private static byte[] decoded(HttpResponse<?> response, byte[] body) {
        String encoding = response.headers().firstValue("Content-Encoding").orElse("").toLowerCase(Locale.ROOT);
        if (!encoding.contains("gzip")) {
            return body;
        }
        try (InputStream in = new GZIPInputStream(new ByteArrayInputStream(body))) {
            return in.readAllBytes();
        } catch (IOException e) {
            return body;
        }
    }

    /** The same response, its body read into memory. */
    private record Buffered(HttpResponse<InputStream> original, byte[] bytes) implements HttpResponse<InputStream> {
        @Override
        public int statusCode() {
            return original.statusCode();
        }

        @Override
        public HttpRequest request() {
            return original.request();
        }

        @Override
        public Optional<HttpResponse<InputStream>> previousResponse() {
            return original.previousResponse();
        }

        @Override
        public HttpHeaders headers() {
            return original.headers();
        }

        @Override
        public InputStream body() {
            return new ByteArrayInputStream(bytes);
        }

        @Override
        public Optional<SSLSession> sslSession() {
            return original.sslSession();
        }

        @Override
        public URI uri() {
            return original.uri();
        }

        @Override
        public HttpClient.Version version() {
            return original.version();
        }
    }
}
