package dev.jobsopenapi.conformance.http;

import dev.jobsopenapi.conformance.ApiContract;
import dev.jobsopenapi.conformance.Body;
import dev.jobsopenapi.conformance.SecuritySchemes;
import dev.jobsopenapi.conformance.Target;
import dev.jobsopenapi.conformance.ValidationResult;
import dev.jobsopenapi.conformance.Violation;
import dev.jobsopenapi.signing.AkSkCredentials;
import dev.jobsopenapi.specs.Resolution;
import org.eclipse.jetty.client.HttpClient;
import org.eclipse.jetty.client.InputStreamResponseListener;
import org.eclipse.jetty.http.HttpField;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.UriCompliance;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.NetworkConnectionLimit;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.server.handler.GracefulHandler;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.thread.QueuedThreadPool;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;

/**
 * A forwarding HTTP proxy that checks live traffic against a spec, with no change to the client (on Eclipse Jetty: its
 * server reads requests on its selector, its client streams the upstream's answers): point the client at
 * {@link #uri()} and every exchange is forwarded to the upstream unchanged (method, path, query, headers, body bytes,
 * status; hop-by-hop headers excepted, as any proxy does) while the request and the answer are checked, the answer
 * as a stream while it is forwarded, in memory bounded by a buffer per exchange whatever its size. Each exchange is
 * handed to a listener once both checks are done, its secrets redacted.
 *
 * <p>Where the upstream needs AK/SK signatures, the proxy re-signs each forwarded request with the credentials it was
 * given (a signature made for the proxy's host cannot be valid upstream); a request with a token passes untouched. No
 * redirect is followed: the client gets it as sent.
 *
 * <pre>{@code
 * try (ValidatingProxy proxy = ValidatingProxy.start(contract, URI.create("http://127.0.0.1:8080"),
 *         ValidatingProxy.Options.defaults().listener(exchange -> System.err.println(exchange.line())))) {
 *     apiClient.updateBaseUri(proxy.uri().toString());
 *     ...
 * }
 * }</pre>
 */
public final class ValidatingProxy implements AutoCloseable {


    /** The request attribute that marks a request the proxy's handler got (so not one the parser refused). */
    private static final String REACHED = ValidatingProxy.class.getName() + ".reached";

    private final ApiContract contract;
    private final Forwarder forwarder;
    private final SecuritySchemes schemes;
    private final Options options;
    private final Server server;
    private final ServerConnector connector;
    private final ExecutorService checkers;
    private final java.util.concurrent.atomic.AtomicBoolean closed = new java.util.concurrent.atomic.AtomicBoolean();
    private final HttpClient client;

    /**
     * How the proxy runs.
     *
     * @param bind           where it listens (default: loopback, a free port)
     * @param timeout        the most one exchange may take upstream, answer included (default 30 s)
     * @param maxRequestMib  the largest request body it forwards (default 32; larger: 413)
     * @param threads        exchanges handled at once (default 16); more wait their turn
     * @param maxConnections connections held open at once, idle ones included (default 4,096); beyond it the proxy
     *                       stops accepting until one closes (the next wait in the system's backlog)
     * @param checkBufferMib how far, in all, checks may lag behind forwarding (see {@link #defaults()}): forwarding never
     *                       waits for a check until the answer bytes not yet checked, over all exchanges, reach it
     * @param resign         AK/SK credentials to re-sign forwarded requests with (default none)
     * @param listener       told of each exchange once it is checked (default: nothing)
     */
    public record Options(InetSocketAddress bind, Duration timeout, int maxRequestMib, int threads, int maxConnections,
                          int checkBufferMib, Optional<AkSkCredentials> resign, Consumer<Exchange> listener) {

        /** Checks the numbers: each must be at least 1 (a chunk must fit the check buffer). */
        public Options {
            if (timeout.isNegative() || timeout.isZero() || maxRequestMib < 1 || threads < 1 || maxConnections < 1
                    || checkBufferMib < 1 || maxRequestMib > 2047 || checkBufferMib > 2047) {
                throw new IllegalArgumentException("the timeout, threads, connections and sizes must be positive, sizes at most 2047 MiB");
            }
        }

        /**
         * Loopback on a free port, 30 s, 32 MiB requests, 16 threads, 4,096 connections, a check buffer of 32 MiB or
         * an eighth of the heap if that is less, no re-signing, no listener.
         */
        public static Options defaults() {
            int eighthOfHeap = (int) Math.min(32, Math.max(1, Runtime.getRuntime().maxMemory() / 8 / 1024 / 1024));
            return new Options(new InetSocketAddress(java.net.InetAddress.getLoopbackAddress(), 0), Duration.ofSeconds(30),
                    32, 16, 4_096, eighthOfHeap, Optional.empty(), exchange -> { });
        }

        public Options bind(InetSocketAddress address) {
            return new Options(address, timeout, maxRequestMib, threads, maxConnections, checkBufferMib, resign, listener);
        }

        public Options timeout(Duration limit) {
            return new Options(bind, limit, maxRequestMib, threads, maxConnections, checkBufferMib, resign, listener);
        }

        public Options maxRequestMib(int mib) {
            return new Options(bind, timeout, mib, threads, maxConnections, checkBufferMib, resign, listener);
        }

        public Options checkBufferMib(int mib) {
            return new Options(bind, timeout, maxRequestMib, threads, maxConnections, mib, resign, listener);
        }

        public Options threads(int count) {
            return new Options(bind, timeout, maxRequestMib, count, maxConnections, checkBufferMib, resign, listener);
        }

        public Options maxConnections(int count) {
            return new Options(bind, timeout, maxRequestMib, threads, count, checkBufferMib, resign, listener);
        }

        public Options resign(AkSkCredentials credentials) {
            return new Options(bind, timeout, maxRequestMib, threads, maxConnections, checkBufferMib, Optional.of(credentials), listener);
        }

        public Options listener(Consumer<Exchange> each) {
            return new Options(bind, timeout, maxRequestMib, threads, maxConnections, checkBufferMib, resign, each);
        }
    }

    /**
     * One exchange as the proxy saw it.
     *
     * @param method   the request method
     * @param target   the path and query, credentials in it redacted
     * @param status   the answer's status (0 when the upstream gave none)
     * @param time     from the request's arrival to the end of both checks
     * @param request  the check of the request, or empty when the spec does not document the path
     * @param response the check of the answer (or why there was none), or empty when the path is undocumented
     */
    public record Exchange(String method, String target, int status, Duration time, Optional<ValidationResult> request,
                           Optional<ValidationResult> response) {

        /** True when the spec documents the method and path. */
        public boolean documented() {
            return request.isPresent();
        }

        /** True when both checks found nothing wrong (an undocumented exchange is not checked). */
        public boolean conforms() {
            return request.map(ValidationResult::isValid).orElse(true) && response.map(ValidationResult::isValid).orElse(true);
        }

        /**
         * True when the upstream refused the credentials (401 or 403) of a documented operation: the refusal may
         * conform, but the operation itself was not exercised.
         */
        public boolean refused() {
            return documented() && (status == 401 || status == 403);
        }

        /**
         * For example {@code PASS GET /api/jobs -> 200 (4 ms)}, {@code REFUSED GET /api/jobs -> 401 (3 ms)} or
         * {@code FAIL ... : 2 violations}.
         */
        public String line() {
            String outcome = !documented() ? "UNDOCUMENTED" : !conforms() ? "FAIL" : refused() ? "REFUSED" : "PASS";
            long violations = request.map(r -> r.violations().size()).orElse(0)
                    + response.map(r -> r.violations().size()).orElse(0);
            return outcome + " " + method + " " + target + " -> " + (status == 0 ? "no answer" : status) + " ("
                    + time.toMillis() + " ms)" + (violations == 0 ? "" : ": " + violations + (violations == 1 ? " violation" : " violations"));
        }
    }

    private ValidatingProxy(ApiContract contract, URI upstream, Options options) throws Exception {
        this.options = options;
        this.checkers = Executors.newFixedThreadPool(options.threads(), daemon("validating-proxy-check"));

        QueuedThreadPool clientThreads = new QueuedThreadPool(options.threads() + 4, 2);
        clientThreads.setName("validating-proxy-upstream");
        clientThreads.setDaemon(true);
        this.client = new HttpClient();
        client.setExecutor(clientThreads);
        client.setFollowRedirects(false);
        client.setUserAgentField(null);            // the client's own User-Agent is forwarded, no other is added
        client.setConnectTimeout(options.timeout().toMillis());
        client.setIdleTimeout(options.timeout().toMillis());
        client.setMaxConnectionsPerDestination(options.threads() * 4);
        client.setResponseBufferSize(Forwarder.CHUNK);
        client.start();
        // Both are filled as the client starts: answers pass as sent, compressed or not (the check decodes), and a
        // 401, a redirect or a 100-continue reaches the client as the upstream sent it, nothing acted on.
        client.getContentDecoderFactories().clear();
        client.getProtocolHandlers().clear();

        QueuedThreadPool threads = new QueuedThreadPool(options.threads() + 2, Math.min(4, options.threads() + 2));
        threads.setName("validating-proxy");
        threads.setDaemon(true);
        threads.setReservedThreads(0);
        this.server = new Server(threads);
        HttpConfiguration http = new HttpConfiguration();
        http.setSendServerVersion(false);
        http.setSendDateHeader(false);             // the upstream's Date is forwarded
        http.setSendXPoweredBy(false);
        http.setUriCompliance(UriCompliance.UNSAFE); // the router judges every path, in the report's words
        this.connector = new ServerConnector(server, 1, 1, new HttpConnectionFactory(http));
        connector.setHost(options.bind().getAddress().getHostAddress());
        connector.setPort(options.bind().getPort());
        // Idle connections (between requests, or queued for a thread behind slow exchanges) are kept for at least
        // 30 s: the exchange timeout bounds exchanges, not the wait for a thread, which would drop requests unreported.
        connector.setIdleTimeout(Math.max(30_000, options.timeout().toMillis()));
        server.addConnector(connector);
        server.addBean(new NetworkConnectionLimit(options.maxConnections(), connector));
        this.contract = contract;
        this.schemes = contract.securitySchemes();
        this.forwarder = new Forwarder(contract, URI.create(upstream.toString().replaceFirst("/+$", "")), options.timeout(),
                options.resign(), options.checkBufferMib(), client, checkers);
        server.setHandler(new GracefulHandler(new Handler.Abstract() {
            @Override
            public boolean handle(Request request, Response response, Callback callback) {
                request.setAttribute(REACHED, Boolean.TRUE);
                try {
                    exchange(request, response);
                    callback.succeeded();
                } catch (Throwable failure) {
                    callback.failed(failure); // the connection is closed: the client sees the answer end early
                }
                return true;
            }
        }));
        server.setErrorHandler(new Unreadable());
        server.setStopTimeout(options.timeout().toMillis() + 1_000);
        server.start();
    }

    /**
     * Starts a proxy to the upstream (its scheme, host, port and any base path) that checks traffic against the
     * contract.
     *
     * @throws UncheckedIOException when it cannot listen where asked
     */
    public static ValidatingProxy start(ApiContract contract, URI upstream, Options options) {
        if (!"http".equals(upstream.getScheme()) && !"https".equals(upstream.getScheme())) {
            throw new IllegalArgumentException("the upstream must be an http or https URL");
        }
        if (upstream.getRawUserInfo() != null) {
            throw new IllegalArgumentException("the upstream URL holds credentials (user:password@); give them otherwise");
        }
        ValidatingProxy proxy = null;
        try {
            proxy = new ValidatingProxy(contract, upstream, options);
            return proxy;
        } catch (Exception e) {
            throw new UncheckedIOException("cannot listen on " + options.bind() + ": " + e.getMessage(),
                    e instanceof IOException io ? io : new IOException(e));
        }
    }

    /** Where clients connect, for example {@code http://127.0.0.1:41234}. */
    public URI uri() {
        String host = options.bind().getAddress().getHostAddress();
        return URI.create("http://" + (host.contains(":") ? "[" + host + "]" : host) + ":" + connector.getLocalPort());
    }

    /**
     * Stops listening; exchanges in progress finish (each within the timeout) and are checked and reported before
     * this returns. Closing again does nothing.
     */
    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return; // closed already (by a shutdown hook, say)
        }
        try {
            server.stop();
        } catch (Exception e) {
            // stopped all the same; an exchange that outlived its timeout was cut off
        }
        try {
            client.stop();
        } catch (Exception e) {
            // stopped all the same
        }
        checkers.shutdownNow();
    }

    /**
     * One exchange: the path judged by the router (one that does not normalise is refused, never forwarded), the body
     * bounded, the request checked, forwarded, the answer streamed and checked, and the exchange reported (secrets
     * redacted) before the client's connection is released, or closed when the answer could not be passed on whole.
     */
    private void exchange(Request request, Response response) throws IOException {
        long start = System.nanoTime();
        Redactor redactor = new Redactor(List.of(schemes));
        String method = request.getMethod().toUpperCase(Locale.ROOT);
        String path = request.getHttpURI().getPath();
        String query = request.getHttpURI().getQuery();
        String pathAndQuery = query == null ? path : path + "?" + query;
        redactor.query(query);
        for (HttpField field : request.getHeaders()) {
            redactor.header(field.getName(), List.of(field.getValue()));
        }
        Resolution route = contract.resolve(method, pathAndQuery);
        if (route.kind() == Resolution.Kind.REFUSED) {
            // Servers and routers disagree on what such a path means: it is not guessed at, nor forwarded.
            String why = "the request path does not normalise cleanly (" + route.reason() + "); not forwarded";
            closeIfBodyUnread(request, response);
            forwarder.answerProblem(response, 400, why);
            finish(method, pathAndQuery, 0, start, redactor, Optional.of(new ValidationResult(contract.name() + " "
                    + method + " " + path, List.of(new Violation("", "(exchange)", "path", why)))), Optional.empty());
            return;
        }
        long limit = options.maxRequestMib() * 1024L * 1024L;
        byte[] requestBody = Content.Source.asInputStream(request).readNBytes((int) limit + 1);
        if (requestBody.length > limit) {
            closeIfBodyUnread(request, response); // the rest of the body is not read
            forwarder.answerProblem(response, 413, "the request body is over " + options.maxRequestMib() + " MiB, the proxy's limit");
            finish(method, pathAndQuery, 0, start, redactor, Optional.empty(), Optional.empty());
            return;
        }
        boolean documented = route.matched();
        Optional<ValidationResult> requestCheck = documented
                ? Optional.of(contract.validateRequest(Target.route(method, pathAndQuery), request.getHeaders().get(HttpHeader.CONTENT_TYPE),
                        requestBody.length == 0 ? Body.none() : Body.of(requestBody)))
                : Optional.empty();
        org.eclipse.jetty.client.Request forwarded = forwarder.upstreamRequest(request, method, pathAndQuery, requestBody);
        InputStreamResponseListener answer = new InputStreamResponseListener();
        forwarded.send(answer);
        org.eclipse.jetty.client.Response head;
        try {
            head = answer.get(options.timeout().toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException | ExecutionException | InterruptedException e) {
            Throwable cause = e instanceof ExecutionException ? e.getCause() : e;
            forwarded.abort(cause);
            if (e instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
            boolean late = e instanceof TimeoutException || cause instanceof TimeoutException;
            String why = late ? "the upstream did not answer within " + options.timeout().toSeconds() + " s"
                    : "the upstream could not be reached: " + Forwarder.describe(cause);
            forwarder.answerProblem(response, late ? 504 : 502, why);
            Optional<ValidationResult> none = documented ? Optional.of(new ValidationResult(contract.name() + " "
                    + method + " " + path, List.of(new Violation("", "(exchange)", "upstream", why)))) : Optional.empty();
            finish(method, pathAndQuery, 0, start, redactor, requestCheck, none);
            return;
        }
        Forwarder.Forwarded forwardedAnswer = forwarder.forward(response, method, path, head, answer, forwarded,
                route.operationId());
        finish(method, pathAndQuery, head.getStatus(), start, redactor, requestCheck, forwardedAnswer.check());
        if (forwardedAnswer.failure() != null) { // reported first, then the client's connection is closed
            throw forwardedAnswer.failure() instanceof IOException io ? io : new IOException(forwardedAnswer.failure());
        }
    }

    /**
     * An answer sent before the request's body is read says {@code Connection: close}: the engine closes such a
     * connection after the answer, and a client that reused it would find it closed.
     */
    private static void closeIfBodyUnread(Request request, Response response) {
        if (request.getHeaders().contains(HttpHeader.TRANSFER_ENCODING)
                || request.getHeaders().getLongField(HttpHeader.CONTENT_LENGTH) > 0) {
            response.getHeaders().put(HttpHeader.CONNECTION, "close");
        }
    }

    private void finish(String method, String pathAndQuery, int status, long start, Redactor redactor,
                        Optional<ValidationResult> request, Optional<ValidationResult> response) {
        options.listener().accept(new Exchange(method, redactor.apply(pathAndQuery), status,
                Duration.ofNanos(System.nanoTime() - start), request.map(redactor::apply), response.map(redactor::apply)));
    }

    /**
     * A request the engine's parser refuses (a control character, CR or NUL in a header, bad framing) is answered 400
     * by the proxy, never forwarded, and reported like any exchange the proxy refused.
     */
    private final class Unreadable extends ErrorHandler {
        @Override
        protected void generateResponse(Request request, Response response, int code, String message, Throwable cause,
                                        Callback callback) {
            if (request.getAttribute(REACHED) != null) { // an exchange that failed half-way: reported already
                response.write(true, ByteBuffer.allocate(0), callback);
                return;
            }
            String why = "the proxy's HTTP parser refused the request (" + code + (message == null ? "" : " " + message)
                    + "); not forwarded";
            byte[] body = forwarder.problem(400, why);
            response.getHeaders().put(HttpHeader.CONTENT_TYPE, "application/json");
            response.getHeaders().put(HttpHeader.CONTENT_LENGTH, body.length);
            response.write(true, ByteBuffer.wrap(body), callback);
            options.listener().accept(new Exchange("?", "(a request the parser refused)", 0, Duration.ZERO,
                    Optional.of(new ValidationResult(contract.name() + " (unreadable request)",
                            List.of(new Violation("", "(exchange)", "request", why)))), Optional.empty()));
        }
    }

    private static java.util.concurrent.ThreadFactory daemon(String name) {
        return task -> {
            Thread thread = new Thread(task, name);
            thread.setDaemon(true);
            return thread;
        };
    }
}
