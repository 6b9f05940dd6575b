package dev.jobsopenapi.conformance.http;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.jobsopenapi.conformance.ApiContract;
import dev.jobsopenapi.conformance.Body;
import dev.jobsopenapi.conformance.SecuritySchemes;
import dev.jobsopenapi.conformance.Target;
import dev.jobsopenapi.conformance.ValidationResult;
import dev.jobsopenapi.conformance.Violation;
import dev.jobsopenapi.signing.AkSkCredentials;
import dev.jobsopenapi.signing.AkSkSigner;
import dev.jobsopenapi.specs.Resolution;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;
import java.util.zip.GZIPInputStream;

/**
 * A forwarding HTTP proxy that checks live traffic against a spec, with no change to the client: point the client at
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

    /** Headers that concern one connection, not the message, or that the JDK client sets itself. */
    private static final Set<String> NOT_FORWARDED = Set.of("connection", "keep-alive", "proxy-connection",
            "proxy-authorization", "proxy-authenticate", "te", "trailer", "transfer-encoding", "upgrade", "host",
            "content-length", "expect", "http2-settings");
    /** The headers of a client's AK/SK signature, replaced when the proxy re-signs. */
    private static final Set<String> SIGNATURE_HEADERS = Set.of("authorization", "x-sdk-date", "x-sdk-content-sha256");
    /** The most bytes one read from the upstream hands on at a time. */
    private static final int CHUNK = 64 * 1024;

    private final ApiContract contract;
    private final URI upstream;
    private final Options options;
    private final HttpServer server;
    private final ExecutorService workers;
    private final ExecutorService checkers;
    private final java.util.concurrent.atomic.AtomicBoolean closed = new java.util.concurrent.atomic.AtomicBoolean();
    private final HttpClient client;
    private final Optional<AkSkSigner> signer;
    private final Semaphore checkBudget;
    private final SecuritySchemes schemes;

    /**
     * How the proxy runs.
     *
     * @param bind           where it listens (default: loopback, a free port)
     * @param timeout        the most one exchange may take upstream, answer included (default 30 s)
     * @param maxRequestMib  the largest request body it forwards (default 32; larger: 413)
     * @param threads        exchanges handled at once (default 16); more wait their turn
     * @param checkBufferMib how far, in all, checks may lag behind forwarding (see {@link #defaults()}): forwarding never
     *                       waits for a check until the answer bytes not yet checked, over all exchanges, reach it
     * @param resign         AK/SK credentials to re-sign forwarded requests with (default none)
     * @param listener       told of each exchange once it is checked (default: nothing)
     */
    public record Options(InetSocketAddress bind, Duration timeout, int maxRequestMib, int threads, int checkBufferMib,
                          Optional<AkSkCredentials> resign, Consumer<Exchange> listener) {

        /** Checks the numbers: each must be at least 1 (a chunk must fit the check buffer). */
        public Options {
            if (timeout.isNegative() || timeout.isZero() || maxRequestMib < 1 || threads < 1 || checkBufferMib < 1
                    || maxRequestMib > 2047 || checkBufferMib > 2047) {
                throw new IllegalArgumentException("the timeout, threads and sizes must be positive, sizes at most 2047 MiB");
            }
        }

        /**
         * Loopback on a free port, 30 s, 32 MiB requests, 16 threads, a check buffer of 32 MiB or an eighth of the
         * heap if that is less, no re-signing, no listener.
         */
        public static Options defaults() {
            int eighthOfHeap = (int) Math.min(32, Math.max(1, Runtime.getRuntime().maxMemory() / 8 / 1024 / 1024));
            return new Options(new InetSocketAddress(java.net.InetAddress.getLoopbackAddress(), 0), Duration.ofSeconds(30),
                    32, 16, eighthOfHeap, Optional.empty(), exchange -> { });
        }

        public Options bind(InetSocketAddress address) {
            return new Options(address, timeout, maxRequestMib, threads, checkBufferMib, resign, listener);
        }

        public Options timeout(Duration limit) {
            return new Options(bind, limit, maxRequestMib, threads, checkBufferMib, resign, listener);
        }

        public Options maxRequestMib(int mib) {
            return new Options(bind, timeout, mib, threads, checkBufferMib, resign, listener);
        }

        public Options checkBufferMib(int mib) {
            return new Options(bind, timeout, maxRequestMib, threads, mib, resign, listener);
        }

        public Options threads(int count) {
            return new Options(bind, timeout, maxRequestMib, count, checkBufferMib, resign, listener);
        }

        public Options resign(AkSkCredentials credentials) {
            return new Options(bind, timeout, maxRequestMib, threads, checkBufferMib, Optional.of(credentials), listener);
        }

        public Options listener(Consumer<Exchange> each) {
            return new Options(bind, timeout, maxRequestMib, threads, checkBufferMib, resign, each);
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

    private ValidatingProxy(ApiContract contract, URI upstream, Options options) throws IOException {
        this.contract = contract;
        this.upstream = URI.create(upstream.toString().replaceFirst("/+$", ""));
        this.options = options;
        this.workers = Executors.newFixedThreadPool(options.threads(), daemon("validating-proxy"));
        this.checkers = Executors.newFixedThreadPool(options.threads(), daemon("validating-proxy-check"));
        this.client = HttpClient.newBuilder()
                .version(this.upstream.getScheme().equals("http") ? HttpClient.Version.HTTP_1_1 : HttpClient.Version.HTTP_2)
                .followRedirects(HttpClient.Redirect.NEVER)
                .connectTimeout(options.timeout())
                .build();
        this.signer = options.resign().map(AkSkSigner::of);
        this.schemes = contract.securitySchemes();
        this.checkBudget = new Semaphore(options.checkBufferMib() * 1024 * 1024);
        this.server = HttpServer.create(options.bind(), 1024);
        server.setExecutor(workers);
        server.createContext("/", this::handle);
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
        try {
            return new ValidatingProxy(contract, upstream, options);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot listen on " + options.bind() + ": " + e.getMessage(), e);
        }
    }

    /** Where clients connect, for example {@code http://127.0.0.1:41234}. */
    public URI uri() {
        InetSocketAddress address = server.getAddress();
        String host = address.getAddress().getHostAddress();
        return URI.create("http://" + (host.contains(":") ? "[" + host + "]" : host) + ":" + address.getPort());
    }

    /**
     * Stops listening; exchanges in progress get a second to finish their answers, then their checks end and are
     * reported before this returns (each within the timeout). Closing again does nothing.
     */
    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return; // closed already (by a shutdown hook, say)
        }
        server.stop(1);
        workers.shutdown();
        try {
            if (!workers.awaitTermination(options.timeout().toMillis() + 1_000, TimeUnit.MILLISECONDS)) {
                workers.shutdownNow();
            }
        } catch (InterruptedException e) {
            workers.shutdownNow();
            Thread.currentThread().interrupt();
        }
        checkers.shutdownNow();
    }

    private void handle(HttpExchange exchange) throws IOException {
        long start = System.nanoTime();
        Redactor redactor = new Redactor(List.of(schemes));
        String method = exchange.getRequestMethod().toUpperCase(Locale.ROOT);
        String path = exchange.getRequestURI().getRawPath();
        String query = exchange.getRequestURI().getRawQuery();
        String pathAndQuery = query == null ? path : path + "?" + query;
        redactor.query(query);
        exchange.getRequestHeaders().forEach(redactor::header);
        try (exchange) {
            byte[] requestBody = exchange.getRequestBody().readNBytes(options.maxRequestMib() * 1024 * 1024 + 1);
            if (requestBody.length > options.maxRequestMib() * 1024 * 1024) {
                answerProblem(exchange, 413, "the request body is over " + options.maxRequestMib() + " MiB, the proxy's limit");
                finish(method, pathAndQuery, 0, start, redactor, Optional.empty(), Optional.empty());
                return;
            }
            Resolution route = contract.resolve(method, pathAndQuery);
            if (route.kind() == Resolution.Kind.REFUSED) {
                // Servers and routers disagree on what such a path means: it is not guessed at, nor forwarded.
                String why = "the request path does not normalise cleanly (" + route.reason() + "); not forwarded";
                answerProblem(exchange, 400, why);
                finish(method, pathAndQuery, 0, start, redactor, Optional.of(new ValidationResult(contract.name() + " "
                        + method + " " + path, List.of(new Violation("", "(exchange)", "path", why)))), Optional.empty());
                return;
            }
            boolean documented = route.matched();
            String requestType = exchange.getRequestHeaders().getFirst("Content-Type");
            Optional<ValidationResult> requestCheck = documented
                    ? Optional.of(contract.validateRequest(Target.route(method, pathAndQuery), requestType,
                            requestBody.length == 0 ? Body.none() : Body.of(requestBody)))
                    : Optional.empty();
            HttpResponse<InputStream> answer;
            try {
                answer = send(exchange, method, pathAndQuery, requestBody);
            } catch (IOException | TimeoutException e) {
                boolean late = e instanceof TimeoutException || e instanceof java.net.http.HttpTimeoutException;
                String why = late ? "the upstream did not answer within " + options.timeout().toSeconds() + " s"
                        : "the upstream could not be reached: " + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage());
                answerProblem(exchange, late ? 504 : 502, why);
                Optional<ValidationResult> none = documented ? Optional.of(new ValidationResult(contract.name() + " "
                        + method + " " + path, List.of(new Violation("", "(exchange)", "upstream", why)))) : Optional.empty();
                finish(method, pathAndQuery, 0, start, redactor, requestCheck, none);
                return;
            }
            Optional<ValidationResult> responseCheck = forward(exchange, method, path, answer, documented);
            finish(method, pathAndQuery, answer.statusCode(), start, redactor, requestCheck, responseCheck);
        }
    }

    private HttpResponse<InputStream> send(HttpExchange exchange, String method, String pathAndQuery, byte[] body)
            throws IOException, TimeoutException {
        URI target = URI.create(upstream + pathAndQuery);
        HttpRequest.Builder request = HttpRequest.newBuilder(target).timeout(options.timeout())
                .method(method, body.length == 0 ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(body));
        boolean resign = signer.isPresent() && !schemes.carriesToken(exchange.getRequestHeaders().keySet());
        Map<String, List<String>> forwarded = new java.util.TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        exchange.getRequestHeaders().forEach((name, values) -> {
            String lower = name.toLowerCase(Locale.ROOT);
            if (!NOT_FORWARDED.contains(lower) && !(resign && SIGNATURE_HEADERS.contains(lower))) {
                forwarded.put(name, values);
                values.forEach(value -> request.header(name, value));
            }
        });
        signer.filter(s -> resign).ifPresent(s -> s.sign(method, target, forwarded, body).forEach(request::setHeader));
        CompletableFuture<HttpResponse<InputStream>> sent = client.sendAsync(request.build(), HttpResponse.BodyHandlers.ofInputStream());
        try {
            return sent.get(options.timeout().toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            sent.cancel(true);
            Thread.currentThread().interrupt();
            throw new IOException("interrupted");
        } catch (TimeoutException e) {
            sent.cancel(true);
            throw e;
        } catch (ExecutionException e) {
            throw e.getCause() instanceof IOException io ? io : new IOException(e.getCause());
        }
    }

    /** Sends the answer on to the client as it arrives, checking it on the way; the check's result. */
    private Optional<ValidationResult> forward(HttpExchange exchange, String method, String path,
                                               HttpResponse<InputStream> answer, boolean documented) throws IOException {
        answer.headers().map().forEach((name, values) -> {
            if (!NOT_FORWARDED.contains(name.toLowerCase(Locale.ROOT)) && !name.startsWith(":")) {
                exchange.getResponseHeaders().put(name, values);
            }
        });
        int status = answer.statusCode();
        boolean noBody = method.equals("HEAD") || status == 204 || status == 304 || (status >= 100 && status < 200);
        long length = answer.headers().firstValueAsLong("Content-Length").orElse(-1);
        exchange.sendResponseHeaders(status, noBody || length == 0 ? -1 : Math.max(length, 0));
        String contentType = answer.headers().firstValue("Content-Type").orElse("");
        boolean gzip = answer.headers().firstValue("Content-Encoding").orElse("").toLowerCase(Locale.ROOT).contains("gzip");
        CheckFeed feed = new CheckFeed(checkBudget);
        Future<ValidationResult> check = !documented ? CompletableFuture.completedFuture(null) : checkers.submit(() -> {
            try (feed) { // closing it lets forwarding go on alone once the check has its verdict
                if (noBody) {
                    return contract.validateResponse(Target.route(method, path), Integer.toString(status), contentType, Body.none());
                }
                InputStream in = gzip ? new GZIPInputStream(feed) : feed;
                return contract.validateResponse(Target.route(method, path), Integer.toString(status), contentType, Body.of(in));
            }
        });
        boolean teeing = documented && !noBody;
        try (InputStream body = answer.body(); OutputStream out = exchange.getResponseBody()) {
            byte[] chunk = new byte[CHUNK];
            for (int n = body.read(chunk); n >= 0; n = body.read(chunk)) {
                out.write(chunk, 0, n);
                if (body.available() == 0) {
                    out.flush(); // nothing more has arrived: hold nothing back from the client
                }
                if (teeing) {
                    teeing = feed.offer(Arrays.copyOfRange(chunk, 0, n));
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        } finally {
            feed.end();
        }
        if (!documented) {
            return Optional.empty();
        }
        try {
            return Optional.of(check.get(options.timeout().toMillis(), TimeUnit.MILLISECONDS));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        } catch (ExecutionException | TimeoutException e) {
            return Optional.of(new ValidationResult(contract.name() + " " + method + " " + path + " " + status,
                    List.of(new Violation("", "(exchange)", "checker", "the answer could not be checked: " + e))));
        }
    }

    private void finish(String method, String pathAndQuery, int status, long start, Redactor redactor,
                        Optional<ValidationResult> request, Optional<ValidationResult> response) {
        Exchange exchange = new Exchange(method, redactor.apply(pathAndQuery), status,
                Duration.ofNanos(System.nanoTime() - start), request.map(redactor::apply), response.map(redactor::apply));
        options.listener().accept(exchange);
    }

    private static void answerProblem(HttpExchange exchange, int status, String message) throws IOException {
        byte[] body = ("jobs-openapi proxy: " + message + "\n").getBytes(java.nio.charset.StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "text/plain; charset=utf-8");
        exchange.sendResponseHeaders(status, body.length);
        exchange.getResponseBody().write(body);
    }

    private static java.util.concurrent.ThreadFactory daemon(String name) {
        return task -> {
            Thread thread = new Thread(task, name);
            thread.setDaemon(true);
            return thread;
        };
    }
}
