package dev.jobsopenapi.conformance.http;

import dev.jobsopenapi.conformance.ApiContract;
import dev.jobsopenapi.conformance.Body;
import dev.jobsopenapi.conformance.SecuritySchemes;
import dev.jobsopenapi.conformance.Target;
import dev.jobsopenapi.conformance.ValidationResult;
import dev.jobsopenapi.conformance.Violation;
import dev.jobsopenapi.signing.AkSkCredentials;
import dev.jobsopenapi.signing.AkSkSigner;
import dev.jobsopenapi.specs.ErrorBody;
import org.eclipse.jetty.client.BytesRequestContent;
import org.eclipse.jetty.client.HttpClient;
import org.eclipse.jetty.client.InputStreamResponseListener;
import org.eclipse.jetty.http.HttpField;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.zip.GZIPInputStream;

/**
 * The forwarding half of the {@link ValidatingProxy}: the request to the upstream, made from the client's (hop-by-hop
 * headers dropped, AK/SK re-signed where asked, no header of its own added), and the upstream's answer streamed to the
 * client as it arrives while the check reads it, in memory bounded by a budget shared by all exchanges.
 */
final class Forwarder {

    /**
     * Headers that concern one connection, not the message (RFC 9110, section 7.6.1), or that the engine sets itself;
     * the headers a message's {@code Connection} header names are hop-by-hop too.
     */
    private static final Set<String> NOT_FORWARDED = Set.of("connection", "keep-alive", "proxy-connection",
            "proxy-authorization", "proxy-authenticate", "te", "trailer", "transfer-encoding", "upgrade", "host",
            "content-length", "expect", "http2-settings");
    /** The headers of a client's AK/SK signature, replaced when the proxy re-signs. */
    private static final Set<String> SIGNATURE_HEADERS = Set.of("authorization", "x-sdk-date", "x-sdk-content-sha256");
    /**
     * The most bytes one read from the upstream hands on at a time, and the size of the upstream client's read
     * buffer: fewer, larger hand-overs between the engine's threads cost less per byte (ProxySideBySide measured
     * 16 KiB and 64 KiB against this).
     */
    static final int CHUNK = 256 * 1024;

    /**
     * What forwarding an answer came to: its check (empty for an undocumented operation), and why it could not be
     * passed on whole, or null.
     */
    record Forwarded(Optional<ValidationResult> check, Throwable failure) {
    }

    private final ApiContract contract;
    private final URI upstream;
    private final Duration timeout;
    private final HttpClient client;
    private final ExecutorService checkers;
    private final Optional<AkSkSigner> signer;
    private final Semaphore checkBudget;
    private final SecuritySchemes schemes;

    /**
     * @param upstream       the upstream's scheme, host, port and base path, without a trailing slash
     * @param timeout        the most one exchange may take upstream, answer included
     * @param resign         AK/SK credentials to re-sign forwarded requests with, if any
     * @param checkBufferMib how far, in all, checks may lag behind forwarding
     */
    Forwarder(ApiContract contract, URI upstream, Duration timeout, Optional<AkSkCredentials> resign, int checkBufferMib,
              HttpClient client, ExecutorService checkers) {
        this.contract = contract;
        this.upstream = upstream;
        this.timeout = timeout;
        this.client = client;
        this.checkers = checkers;
        this.signer = resign.map(AkSkSigner::of);
        this.checkBudget = new Semaphore(checkBufferMib * 1024 * 1024);
        this.schemes = contract.securitySchemes();
    }

    /** The request to the upstream: the client's, less its hop-by-hop headers, re-signed where asked. */
    org.eclipse.jetty.client.Request upstreamRequest(Request request, String method, String pathAndQuery, byte[] body) {
        URI target = URI.create(upstream + pathAndQuery);
        Set<String> hopByHop = hopByHop(request.getHeaders());
        boolean resign = signer.isPresent() && !schemes.carriesToken(request.getHeaders().getFieldNamesCollection());
        Map<String, List<String>> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        for (HttpField field : request.getHeaders()) {
            String lower = field.getName().toLowerCase(Locale.ROOT);
            if (!hopByHop.contains(lower) && !(resign && SIGNATURE_HEADERS.contains(lower))) {
                headers.computeIfAbsent(field.getName(), n -> new ArrayList<>()).add(field.getValue());
            }
        }
        if (resign) {
            signer.get().sign(method, target, headers, body).forEach((name, value) -> headers.put(name, List.of(value)));
        }
        org.eclipse.jetty.client.Request forwarded = client.newRequest(target).method(method)
                .timeout(timeout.toMillis(), TimeUnit.MILLISECONDS)
                .headers(fields -> {
                    fields.remove(HttpHeader.ACCEPT_ENCODING);
                    headers.forEach((name, values) -> values.forEach(value -> fields.add(name, value)));
                });
        if (body.length > 0) {
            forwarded.body(new BytesRequestContent(request.getHeaders().get(HttpHeader.CONTENT_TYPE), body));
        }
        return forwarded;
    }

    /** Sends the answer on to the client as it arrives, checking it on the way against the operation, if one is documented. */
    Forwarded forward(Response response, String method, String path, org.eclipse.jetty.client.Response head,
                      InputStreamResponseListener answer, org.eclipse.jetty.client.Request forwarded, Optional<String> operationId) {
        boolean documented = operationId.isPresent();
        Set<String> hopByHop = hopByHop(head.getHeaders());
        int status = head.getStatus();
        response.setStatus(status);
        for (HttpField field : head.getHeaders()) {
            if (!hopByHop.contains(field.getName().toLowerCase(Locale.ROOT))) {
                response.getHeaders().add(field.getName(), field.getValue());
            }
        }
        boolean noBody = method.equals("HEAD") || status == 204 || status == 304 || (status >= 100 && status < 200);
        long length = head.getHeaders().getLongField(HttpHeader.CONTENT_LENGTH);
        if (length >= 0) {
            response.getHeaders().put(HttpHeader.CONTENT_LENGTH, length);
        }
        String contentType = Optional.ofNullable(head.getHeaders().get(HttpHeader.CONTENT_TYPE)).orElse("");
        boolean gzip = Optional.ofNullable(head.getHeaders().get(HttpHeader.CONTENT_ENCODING)).orElse("")
                .toLowerCase(Locale.ROOT).contains("gzip");
        CheckFeed feed = new CheckFeed(checkBudget);
        Future<ValidationResult> check = !documented ? CompletableFuture.completedFuture(null) : checkers.submit(() -> {
            try (feed) { // closing it lets forwarding go on alone once the check has its verdict
                Target target = Target.operation(operationId.orElseThrow()); // routed once, by the proxy
                if (noBody) {
                    return contract.validateResponse(target, Integer.toString(status), contentType, Body.none());
                }
                InputStream in = gzip ? new GZIPInputStream(feed) : feed;
                return contract.validateResponse(target, Integer.toString(status), contentType, Body.of(in));
            }
        });
        boolean teeing = documented && !noBody;
        String broken = null;
        Throwable failure = null;
        try (InputStream body = answer.getInputStream(); OutputStream out = Content.Sink.asOutputStream(response)) {
            byte[] chunk = new byte[CHUNK];
            while (true) {
                int n;
                try {
                    n = body.read(chunk);
                } catch (IOException upstreamFailed) {
                    broken = "the upstream ended its answer early: " + describe(upstreamFailed);
                    failure = upstreamFailed;
                    break;
                }
                if (n < 0) {
                    break;
                }
                try {
                    out.write(chunk, 0, n);
                    if (body.available() == 0) {
                        out.flush(); // nothing more has arrived: hold nothing back from the client
                    }
                } catch (IOException clientGone) {
                    forwarded.abort(clientGone); // the upstream connection is released at once
                    broken = "the client hung up before the answer was passed on whole";
                    failure = clientGone;
                    break;
                }
                if (teeing) {
                    teeing = feed.offer(Arrays.copyOfRange(chunk, 0, n));
                }
            }
        } catch (IOException closing) {
            if (failure == null) {
                failure = closing;
                broken = "the answer could not be passed on whole: " + describe(closing);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            failure = e;
            broken = "interrupted";
        } finally {
            feed.end();
        }
        if (!documented) {
            return new Forwarded(Optional.empty(), failure);
        }
        String subject = contract.name() + " " + method + " " + path + " " + status;
        if (broken != null) {
            check.cancel(true);
            return new Forwarded(Optional.of(new ValidationResult(subject, List.of(new Violation("", "(exchange)", "upstream", broken)))),
                    failure);
        }
        try {
            return new Forwarded(Optional.of(check.get(timeout.toMillis(), TimeUnit.MILLISECONDS)), null);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Forwarded(Optional.empty(), e);
        } catch (ExecutionException | TimeoutException e) {
            return new Forwarded(Optional.of(new ValidationResult(subject, List.of(new Violation("", "(exchange)", "checker",
                    "the answer could not be checked: " + e)))), null);
        }
    }

    /** The hop-by-hop headers of a message, lower case: the fixed ones and those its {@code Connection} names. */
    private static Set<String> hopByHop(HttpFields headers) {
        Set<String> names = new HashSet<>(NOT_FORWARDED);
        for (String value : headers.getValuesList(HttpHeader.CONNECTION)) {
            for (String token : value.split(",")) {
                names.add(token.trim().toLowerCase(Locale.ROOT));
            }
        }
        return names;
    }

    /**
     * The proxy's own answer, for a problem it met (the upstream out of reach or too slow, a request it will not
     * forward): JSON in the error shape of the contract's API ({@link ErrorBody}), with a {@code PROXY.*} code, so a
     * client generated from the spec reads it like any error of the API.
     */
    void answerProblem(Response response, int status, String message) throws IOException {
        byte[] body = problem(status, message);
        response.setStatus(status);
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, "application/json");
        response.getHeaders().put(HttpHeader.CONTENT_LENGTH, body.length);
        try (OutputStream out = Content.Sink.asOutputStream(response)) {
            out.write(body);
        }
    }

    /** The body of {@link #answerProblem}: the message, prefixed {@code jobs-openapi proxy: }, in the API's shape. */
    byte[] problem(int status, String message) {
        String code = switch (status) {
            case 413 -> "PROXY.REQUEST_TOO_LARGE";
            case 502 -> "PROXY.BAD_GATEWAY";
            case 504 -> "PROXY.GATEWAY_TIMEOUT";
            default -> "PROXY.REQUEST_REFUSED";
        };
        return ErrorBody.json(contract.name(), code, "jobs-openapi proxy: " + message).getBytes(StandardCharsets.UTF_8);
    }

    static String describe(Throwable e) {
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }
}
