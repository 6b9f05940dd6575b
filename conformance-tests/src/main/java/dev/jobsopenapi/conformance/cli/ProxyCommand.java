package dev.jobsopenapi.conformance.cli;

import dev.jobsopenapi.conformance.ApiContract;
import dev.jobsopenapi.conformance.http.ValidatingProxy;
import dev.jobsopenapi.signing.AkSkCredentials;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/** The {@code proxy} command: a {@link ValidatingProxy} until Ctrl-C, a number of exchanges, or a duration. */
@Command(name = "proxy", mixinStandardHelpOptions = true,
        description = {"Forward every request to a server and check each exchange (the request, and the answer,"
                + " streamed) as it passes: one line per exchange on standard error, the report on standard output when"
                + " it stops (Ctrl-C, --max-exchanges or --duration); exit 1 if anything did not conform.",
                "With HUAWEICLOUD_SDK_AK and HUAWEICLOUD_SDK_SK set and an AK/SK scheme in the spec, each forwarded"
                        + " request is re-signed (tokens pass untouched)."},
        footerHeading = "%nExamples (after java -jar jobs-openapi-conformance-cli.jar):%n",
        footer = {"  proxy --spec openyuanrong-jobs --upstream http://127.0.0.1:8080 --port 0",
                "  proxy --spec openyuanrong-jobs --upstream $URL --max-exchanges 10 --format junit > proxy.xml"})
final class ProxyCommand implements Callable<Integer> {

    @Mixin
    Options.Spec spec;

    @Option(names = "--upstream", required = true, paramLabel = "URL", description = "the server to forward to, e.g. http://127.0.0.1:8080")
    String upstreamUrl;

    @Option(names = "--port", paramLabel = "N", description = "where to listen (default 8089; 0: any free port, printed)")
    String port = "8089";

    @Option(names = "--bind", paramLabel = "ADDRESS", description = "an IP address to listen on (default 127.0.0.1, loopback only)")
    String bind = "127.0.0.1";

    @Option(names = "--max-exchanges", paramLabel = "N", description = "stop after N exchanges")
    String maxExchanges;

    @Option(names = "--duration", paramLabel = "SECONDS", description = "stop after that long")
    String duration;

    @Option(names = "--timeout-seconds", paramLabel = "N", description = "the most one exchange may take upstream (default 30)")
    String timeoutSeconds = "30";

    @Option(names = "--threads", paramLabel = "N", description = "exchanges handled at once; more wait their turn (default 16)")
    String threads = "16";

    @Option(names = "--max-connections", paramLabel = "N", description = "connections held open at once, idle ones included;"
            + " beyond it no new one is accepted until one closes (default 4096)")
    String maxConnections = "4096";

    @Mixin
    Options.Format format;

    @Mixin
    Options.BodyLimit bodyLimit;

    @Mixin
    Options.Accept accept;

    private final Console console;

    ProxyCommand(Console console) {
        this.console = console;
    }

    @Override
    public Integer call() throws IOException, InterruptedException {
        PrintStream out = console.out();
        PrintStream err = console.err();
        ApiContract contract = spec.load();
        URI upstream = upstream(upstreamUrl);
        Report.Format format = this.format.format;
        InetSocketAddress address = new InetSocketAddress(bindAddress(bind), port(port));
        long maxExchanges = this.maxExchanges != null
                ? Numbers.wholeNumber("--max-exchanges", this.maxExchanges, Integer.MAX_VALUE) : Long.MAX_VALUE;
        Optional<Duration> duration = Optional.ofNullable(this.duration)
                .map(d -> Duration.ofSeconds(Numbers.wholeNumber("--duration", d, Numbers.MAX_SECONDS)));
        Duration timeout = Duration.ofSeconds(Numbers.wholeNumber("--timeout-seconds", timeoutSeconds, Numbers.MAX_SECONDS));
        int threadCount = (int) Numbers.wholeNumber("--threads", threads, 1_024);
        int connectionCount = (int) Numbers.wholeNumber("--max-connections", maxConnections, 1_000_000);
        Optional<AkSkCredentials> akSk;
        try {
            akSk = contract.securitySchemes().signsWithAkSk() ? AkSkCredentials.fromEnvironmentIfSet(console.env()) : Optional.empty();
        } catch (IllegalStateException e) {
            throw new UsageException(e.getMessage());
        }

        Report report = accept.report("jobs-openapi proxy");
        CountDownLatch enough = new CountDownLatch(1);
        long[] seen = new long[1];
        ValidatingProxy.Options settings = ValidatingProxy.Options.defaults().bind(address).timeout(timeout)
                .threads(threadCount).maxConnections(connectionCount)
                .maxRequestMib((int) (bodyLimit.bytes() / (1024 * 1024))).listener(exchange -> {
                    synchronized (report) {
                        err.println(exchange.line());
                        if (!exchange.documented()) {
                            report.skip(contract.name() + " " + exchange.method() + " " + exchange.target(),
                                    "undocumented: forwarded, not checked");
                        } else {
                            exchange.request().ifPresent(report::add);
                            exchange.response().ifPresent(answer -> {
                                if (exchange.refused()) {
                                    report.refused(answer, "the upstream answered " + exchange.status()
                                            + ": it refused the credentials sent (or asked for some), so the operation was not checked");
                                } else {
                                    report.add(answer);
                                }
                            });
                        }
                        if (++seen[0] >= maxExchanges) {
                            enough.countDown();
                        }
                    }
                });
        if (akSk.isPresent()) {
            settings = settings.resign(akSk.get());
        }
        AtomicBoolean printed = new AtomicBoolean();
        try (ValidatingProxy proxy = ValidatingProxy.start(contract, upstream, settings)) {
            err.println("jobs-openapi proxy on " + proxy.uri() + " -> " + upstream + ", checking against " + contract.name()
                    + (akSk.isPresent() ? "; re-signing each request with AK/SK (HUAWEICLOUD_SDK_AK)" : ""));
            // Stopped by Ctrl-C or a TERM signal: the exchanges in progress are finished and checked (each within
            // the timeout), then the summary and the report, then the same exit code as a proxy that stopped by
            // itself (0 or 1), not the signal's, so a CI job can stop it when its tests are done.
            Thread onCtrlC = new Thread(() -> {
                proxy.close();
                if (summary(report, format, out, err, printed)) {
                    out.flush();
                    err.flush();
                    Runtime.getRuntime().halt(report.exitCode());
                }
            }, "proxy-summary");
            Runtime.getRuntime().addShutdownHook(onCtrlC);
            if (duration.isPresent()) {
                enough.await(duration.get().toMillis(), TimeUnit.MILLISECONDS);
            } else {
                enough.await();
            }
            Runtime.getRuntime().removeShutdownHook(onCtrlC);
        }
        summary(report, format, out, err, printed);
        return report.exitCode();
    }

    /** Prints the summary and the report once; true the first time. */
    private static boolean summary(Report report, Report.Format format, PrintStream out, PrintStream err, AtomicBoolean printed) {
        if (printed.compareAndSet(false, true)) {
            synchronized (report) {
                err.println("proxy stopped: " + report.summary() + " (skipped: undocumented exchanges, forwarded unchecked)");
                report.runFailures().forEach(why -> err.println("proxy run fails: " + why));
                report.print(format, out, "");
            }
            return true;
        }
        return false;
    }

    private static int port(String text) {
        try {
            int port = Integer.parseInt(text);
            if (port >= 0 && port <= 65535) {
                return port;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new UsageException("--port takes a number from 0 to 65535, not '"
                + Numbers.shortened(text, 20) + "'");
    }

    private static URI upstream(String text) {
        if (!text.startsWith("http://") && !text.startsWith("https://")) {
            throw new UsageException("--upstream must start with http:// or https://");
        }
        URI uri;
        try {
            uri = URI.create(text);
        } catch (IllegalArgumentException e) {
            throw new UsageException("--upstream is not a URL");
        }
        if (uri.getRawUserInfo() != null) {
            throw new UsageException("--upstream holds credentials (user:password@host); they are not"
                    + " printed and not sent: give a token or AK/SK (HUAWEICLOUD_SDK_AK, HUAWEICLOUD_SDK_SK) instead");
        }
        if (uri.getHost() == null) {
            throw new UsageException("--upstream has no host");
        }
        return uri;
    }

    /** An IP address literal, nothing else: a name or a malformed address is a usage error, never every interface. */
    private static InetAddress bindAddress(String text) {
        String bare = text.startsWith("[") && text.endsWith("]") ? text.substring(1, text.length() - 1) : text;
        boolean ipv4 = bare.matches("\\d{1,3}(\\.\\d{1,3}){3}")
                && java.util.Arrays.stream(bare.split("\\.")).allMatch(part -> Integer.parseInt(part) <= 255);
        boolean ipv6 = bare.contains(":") && bare.matches("[0-9A-Fa-f:.]+");
        if (!ipv4 && !ipv6) {
            throw new UsageException("--bind takes an IP address (127.0.0.1, ::1), not '"
                    + Numbers.shortened(text, 40) + "'");
        }
        try {
            return InetAddress.getByName(bare);
        } catch (IOException e) {
            throw new UsageException("--bind takes an IP address, not '" + text + "'");
        }
    }
}
