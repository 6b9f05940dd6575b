package dev.jobsopenapi.conformance.cli;

import dev.jobsopenapi.conformance.ApiContract;
import dev.jobsopenapi.conformance.Body;
import dev.jobsopenapi.conformance.DocumentedExample;
import dev.jobsopenapi.conformance.Operation;
import dev.jobsopenapi.conformance.Target;
import dev.jobsopenapi.conformance.ValidationResult;
import dev.jobsopenapi.conformance.VendorQuirk;
import dev.jobsopenapi.conformance.VendorQuirkCatalogue;
import dev.jobsopenapi.conformance.Violation;

import dev.jobsopenapi.signing.AkSkCredentials;

import dev.jobsopenapi.specs.BundledSpec;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The command line of the conformance checker; see {@link #USAGE_TEXT} or run it without arguments.
 *
 * <p>Exit codes: {@link #EXIT_CODES}, the same for every command (for 2, a one-line diagnosis on standard error,
 * never a stack trace).
 */
public final class ConformanceCli {

    static final int CONFORMS = 0;
    static final int VIOLATIONS = 1;
    static final int USAGE = 2;

    /** The environment variable {@code probe} reads the token from unless {@code --token-env} names another. */
    static final String DEFAULT_TOKEN_ENV = "JOBS_OPENAPI_TOKEN";

    /**
     * The exit codes, the same for every command: one line each, the code and what it means. The usage text prints
     * them and the README's table is tested against them.
     */
    static final List<String> EXIT_CODES = List.of(
            "0  something was checked, and everything checked conforms",
            "1  something does not conform (also a body that is not JSON, not UTF-8, empty or over the size limit), an"
                    + " operation was refused by the server (401, 403; --allow-refused accepts that), or nothing was"
                    + " checked at all (--allow-empty accepts that)",
            "2  the command is wrong or something cannot be read: a usage error, an empty or blank credential, a spec"
                    + " or body file that does not exist or is not OpenAPI 3.0, a server that cannot be reached");

    static final String USAGE_TEXT = """
            usage: java -jar jobs-openapi-conformance-cli.jar COMMAND [OPTIONS]

              check [SPEC...]          validate every documented example of the bundled specs, prove their
                                       vendor quirks and print the quirk catalogue (default: all specs)
              quirks [SPEC...]         print the vendor quirk catalogue as Markdown (--output FILE to write it)
              validate [FILE|-]        validate a captured response body (default: standard input)
                  --spec SPEC          a bundled spec name or an OpenAPI 3.0 file
                  --operation ID       the operationId, or instead:
                  --method M --path P  the method and the concrete path, e.g. /v1/abc/dev-servers/jobs/xyz
                  --status CODE        the HTTP status (default 200)
                  --content-type TYPE  the response content type (default application/json)
                  --timeout-seconds N  the most reading and checking the body may take (default: no limit), for
                                       standard input or a pipe (FIFO) that may never close; then exit 1
              probe                    call the operations of a spec on a live server and validate the answers;
                                       operations that change state (POST, PUT, PATCH, DELETE) are skipped
                                       unless named with --allow-write
                  --spec SPEC          a bundled spec name or an OpenAPI 3.0 file
                  --base-url URL       for example https://modelarts.cn-north-4.myhuaweicloud.com
                  --param NAME=VALUE   a path or query parameter (repeatable), used by every operation that has
                                       a parameter of that name, e.g. --param project_id=abc
                  --token-env VAR      the environment variable that holds the token (default JOBS_OPENAPI_TOKEN)
                  --token TOKEN        the token itself (visible to other users in the process list: prefer the
                                       environment); either way it goes only into the spec's security header
                                       (ModelArts X-Auth-Token, openYuanrong X-Auth)
                                       AK/SK: with no token, a spec with an AK/SK scheme (ModelArts) has every
                                       request signed with HUAWEICLOUD_SDK_AK and HUAWEICLOUD_SDK_SK (and
                                       HUAWEICLOUD_SDK_PROJECT_ID, HUAWEICLOUD_SDK_SECURITY_TOKEN) when they are set
                  --timeout-seconds N  the most one exchange may take, answer body included (default 30, at
                                       most 86400)
                  --allow-write ID     also call this state-changing operation (repeatable), with the spec's
                                       documented request body (its submission_id or job name made new):
                                       it creates, stops or deletes on the server

              proxy                    forward every request to a server and check each exchange (request, and
                                       the answer, streamed) as it passes; one line per exchange on standard
                                       error, the report on standard output when it stops; exit 1 if anything
                                       did not conform. With HUAWEICLOUD_SDK_AK/SK set and an AK/SK scheme in the
                                       spec, each forwarded request is re-signed (tokens pass untouched)
                  --spec SPEC          a bundled spec name or an OpenAPI 3.0 file
                  --upstream URL       the server to forward to, e.g. http://127.0.0.1:8080
                  --port N             where to listen (default 8089; 0: any free port, printed)
                  --bind ADDRESS       an IP address to listen on (default 127.0.0.1, loopback only)
                  --max-exchanges N    stop after N exchanges;  --duration SECONDS  stop after that long
                                       (otherwise Ctrl-C stops it, printing the summary and the report)
                  --timeout-seconds N  the most one exchange may take upstream (default 30)
              validate-har FILE.har    check every recorded exchange a spec documents (request and answer);
                                       list the others as skipped, with the reason
                  --spec SPEC          a spec to match entries against (repeatable; default: both bundled)

              common options:
                  --format text|json|junit   the report format (default text)
                  --max-body-mib N           the largest body read (default 32, at most 2047; validate: no limit,
                                             as it reads the body as a stream in bounded memory)
                  --allow-empty              probe, proxy, validate-har: accept a run that checked nothing
                  --allow-refused            probe, proxy, validate-har: accept operations the server refused
                                             (401, 403): reported as REFUSED, not failed

              --help, -h               print this text;  --version  print the version

              SPEC: modelarts-devserver-jobs, openyuanrong-jobs, or a path to a spec file
              exit codes (every command):
            """ + String.join("\n", EXIT_CODES.stream().map(line -> "  " + line).toList());

    private ConformanceCli() {
    }

    public static void main(String[] args) {
        System.exit(run(args, System.in, System.out, System.err, System.getenv()));
    }

    /** Runs the command line and returns the exit code. */
    static int run(String[] args, InputStream in, PrintStream out, PrintStream err, Map<String, String> env) {
        try {
            if (args.length == 0) {
                throw new UsageException("no command");
            }
            if (List.of("--help", "-h", "help").contains(args[0])) {
                out.println(USAGE_TEXT);
                return CONFORMS;
            }
            if (args[0].equals("--version")) {
                out.println("jobs-openapi-conformance " + version());
                return CONFORMS;
            }
            if (List.of(args).contains("--help") || List.of(args).contains("-h")) {
                out.println(USAGE_TEXT);
                return CONFORMS;
            }
            CliOptions options = CliOptions.parse(args);
            return switch (args[0]) {
                case "check" -> check(options, out);
                case "quirks" -> quirks(options, out);
                case "validate" -> validate(options, in, out);
                case "probe" -> probe(options, out, env);
                case "proxy" -> ProxyCommand.run(options, out, err, env);
                case "validate-har" -> HarCommand.run(options, out);
                default -> throw new UsageException("unknown command '" + args[0] + "'");
            };
        } catch (UsageException e) {
            err.println("error: " + e.getMessage());
            err.println(USAGE_TEXT);
            return USAGE;
        } catch (NoSuchFileException e) {
            err.println("error: " + (e.getReason() != null && e.getReason().startsWith("neither")
                    ? e.getFile() + " is " + e.getReason() : "no such file: " + e.getFile()));
            return USAGE;
        } catch (IOException | IllegalArgumentException | IllegalStateException e) {
            err.println("error: " + oneLine(e.getMessage()));
            return USAGE;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            err.println("error: interrupted");
            return USAGE;
        } catch (RuntimeException | StackOverflowError | OutOfMemoryError e) {
            err.println("error: " + e.getClass().getSimpleName() + ": " + oneLine(e.getMessage()));
            return USAGE;
        }
    }

    /** This library's version, from the jar's manifest or the build's properties. */
    static String version() {
        String fromManifest = ConformanceCli.class.getPackage().getImplementationVersion();
        if (fromManifest != null) {
            return fromManifest;
        }
        try (InputStream in = ConformanceCli.class.getResourceAsStream("version.properties")) {
            java.util.Properties properties = new java.util.Properties();
            if (in != null) {
                properties.load(in);
            }
            return properties.getProperty("version", "unknown");
        } catch (IOException e) {
            return "unknown";
        }
    }

    private static List<ApiContract> bundledContracts(List<String> names) {
        List<BundledSpec> specs = names.isEmpty() ? List.of(BundledSpec.values())
                : names.stream().map(BundledSpec::byName).toList();
        return specs.stream().map(ApiContract::bundled).toList();
    }

    private static int check(CliOptions options, PrintStream out) {
        options.allow("--format");
        List<ApiContract> contracts = bundledContracts(options.positional());
        Report report = new Report("jobs-openapi check");
        for (ApiContract contract : contracts) {
            contract.examples().forEach(example -> report.add(contract.validate(example)));
        }
        VendorQuirkCatalogue catalogue = VendorQuirkCatalogue.of(contracts);
        for (ApiContract contract : contracts) {
            for (VendorQuirk quirk : catalogue.quirks()) {
                if (quirk.spec().equals(contract.name()) && quirk.documentedSchema().isPresent()) {
                    VendorQuirkCatalogue.Proof proof = VendorQuirkCatalogue.prove(contract, quirk);
                    report.add(proof.result(), proof.summary());
                }
            }
        }
        Report.Format format = options.format();
        report.print(format, out, format == Report.Format.TEXT ? catalogue.toMarkdown() : "");
        return report.exitCode();
    }

    private static int quirks(CliOptions options, PrintStream out) throws IOException {
        options.allow("--output");
        String markdown = VendorQuirkCatalogue.of(bundledContracts(options.positional())).toMarkdown();
        Optional<String> output = options.value("--output");
        if (output.isEmpty()) {
            out.print(markdown);
            return CONFORMS;
        }
        Path file = Path.of(output.get());
        if (file.toAbsolutePath().getParent() != null) {
            Files.createDirectories(file.toAbsolutePath().getParent());
        }
        Files.writeString(file, markdown, StandardCharsets.UTF_8);
        out.println("wrote " + file);
        return CONFORMS;
    }

    private static int validate(CliOptions options, InputStream in, PrintStream out) throws IOException, InterruptedException {
        options.allow("--spec", "--operation", "--method", "--path", "--status", "--content-type", "--format", "--max-body-mib",
                "--timeout-seconds");
        if (options.positional().size() > 1) {
            throw new UsageException("validate takes one body file (or - for standard input)");
        }
        ApiContract contract = ApiContract.load(options.required("--spec"));
        Report.Format format = options.format();
        String status = options.value("--status").orElse("200");
        String contentType = options.value("--content-type").orElse("application/json");
        String operationId = operationOf(contract, options);
        String source = options.positional().isEmpty() ? "-" : options.positional().get(0);
        String what = contract.name() + " " + operationId + " " + status + " " + contentType;
        String named = source.equals("-") ? "standard input" : source;
        // The body is read as a stream, in bounded memory: no size limit unless one is asked for.
        long maxBytes = options.value("--max-body-mib").isPresent() ? options.maxBodyBytes() : Long.MAX_VALUE;
        Optional<Long> seconds = options.value("--timeout-seconds").isPresent()
                ? Optional.of(options.number("--timeout-seconds", 30, CliOptions.MAX_TIMEOUT_SECONDS)) : Optional.empty();

        // A body that is too large, not UTF-8 or not JSON is a non-conforming answer (exit 1), not a usage error.
        java.util.concurrent.Callable<ValidationResult> readAndCheck = () -> {
            try (InputStream body = new LimitedInput(openBody(source, in), maxBytes)) {
                return contract.validateResponse(Target.operation(operationId), status, contentType, Body.of(body));
            } catch (java.io.UncheckedIOException e) {
                if (!(e.getCause() instanceof LimitedInput.OverLimit)) {
                    throw e.getCause();
                }
                return new ValidationResult(what, List.of(new Violation("", "(body)", "size",
                        named + " is over the limit of " + maxBytes + " bytes (--max-body-mib)")));
            }
        };
        ValidationResult result = seconds.isEmpty() ? call(readAndCheck)
                : withDeadline(readAndCheck, seconds.get(), new ValidationResult(what, List.of(new Violation("", "(body)",
                        "timeout", named + " gave no complete body within " + seconds.get() + " s (--timeout-seconds)"))));
        Report report = new Report("jobs-openapi validate");
        report.add(result);
        report.print(format, out, "");
        return report.exitCode();
    }

    private static ValidationResult call(java.util.concurrent.Callable<ValidationResult> task) throws IOException {
        try {
            return task.call();
        } catch (IOException | RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IOException(e);
        }
    }

    /**
     * Runs the task in a thread of its own and gives up waiting at the deadline: a pipe that never closes blocks its
     * reader in the operating system, where no interrupt reaches it, so the reader is left behind (a daemon).
     */
    private static ValidationResult withDeadline(java.util.concurrent.Callable<ValidationResult> task, long seconds,
                                                 ValidationResult late) throws IOException, InterruptedException {
        java.util.concurrent.FutureTask<ValidationResult> running = new java.util.concurrent.FutureTask<>(task);
        Thread reader = new Thread(running, "validate-reader");
        reader.setDaemon(true);
        reader.start();
        try {
            return running.get(seconds, java.util.concurrent.TimeUnit.SECONDS);
        } catch (java.util.concurrent.TimeoutException e) {
            running.cancel(true);
            return late;
        } catch (java.util.concurrent.ExecutionException e) {
            if (e.getCause() instanceof IOException io) {
                throw io;
            }
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw new IOException(e.getCause());
        }
    }

    private static String operationOf(ApiContract contract, CliOptions options) {
        Optional<String> operationId = options.value("--operation");
        Optional<String> method = options.value("--method");
        Optional<String> path = options.value("--path");
        if (operationId.isPresent() == (method.isPresent() || path.isPresent())) {
            throw new UsageException("validate needs either --operation, or --method and --path");
        }
        if (operationId.isPresent()) {
            return contract.operation(operationId.get()).map(Operation::operationId).orElseThrow(() ->
                    new IllegalArgumentException(contract.name() + " has no operation '" + operationId.get() + "' (has: "
                            + contract.operations().stream().map(Operation::operationId).collect(Collectors.joining(", ")) + ")"));
        }
        String m = method.orElseThrow(() -> new UsageException("--path needs --method"));
        String p = path.orElseThrow(() -> new UsageException("--method needs --path"));
        return contract.operation(m, p).map(Operation::operationId).orElseThrow(() ->
                new IllegalArgumentException(contract.name() + " documents no " + m.toUpperCase(java.util.Locale.ROOT) + " " + p));
    }

    /** The body file, or standard input (left open: it is not ours). */
    private static InputStream openBody(String source, InputStream stdin) throws IOException {
        if (source.equals("-")) {
            return new FilterInputStream(stdin) {
                @Override
                public void close() {
                    // standard input stays open
                }
            };
        }
        Path file = Path.of(source);
        if (Files.isDirectory(file)) {
            throw new IOException(source + " is a directory, not a body file");
        }
        if (!Files.exists(file)) {
            throw Files.exists(file, java.nio.file.LinkOption.NOFOLLOW_LINKS)
                    ? new IOException(source + " is a symbolic link that leads nowhere (or in a loop)")
                    : new NoSuchFileException(source);
        }
        if (!Files.isReadable(file)) {
            throw new IOException(source + " cannot be read (permission denied)");
        }
        return Files.newInputStream(file); // a regular file, or a pipe (FIFO) that is read as it comes
    }

    /** A stream that fails with {@link OverLimit} once more than {@code limit} bytes are read from it. */
    private static final class LimitedInput extends FilterInputStream {
        /** The body is larger than the limit. */
        static final class OverLimit extends IOException {
            OverLimit() {
                super("over the limit");
            }
        }

        private final long limit;
        private long count;

        LimitedInput(InputStream in, long limit) {
            super(in);
            this.limit = limit;
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0) {
                counted(1);
            }
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int n = super.read(buffer, offset, length);
            if (n > 0) {
                counted(n);
            }
            return n;
        }

        private void counted(int n) throws OverLimit {
            count += n;
            if (count > limit) {
                throw new OverLimit();
            }
        }
    }

    private static int probe(CliOptions options, PrintStream out, Map<String, String> env) throws IOException {
        options.allow("--spec", "--base-url", "--param", "--token-env", "--token", "--timeout-seconds", "--format", "--max-body-mib",
                "--allow-write", "--allow-empty", "--allow-refused");
        if (!options.positional().isEmpty()) {
            throw new UsageException("probe takes no positional argument");
        }
        ApiContract contract = ApiContract.load(options.required("--spec"));
        String baseUrl = options.required("--base-url");
        if (!baseUrl.startsWith("http://") && !baseUrl.startsWith("https://")) {
            throw new UsageException("--base-url must start with http:// or https://");
        }
        if (baseUrl.substring(0, baseUrl.indexOf("//") + 2 + authorityLength(baseUrl)).contains("@")) {
            throw new UsageException("--base-url holds credentials (user:password@host); they are not printed and not"
                    + " sent: give a token (--token-env) or AK/SK (HUAWEICLOUD_SDK_AK, HUAWEICLOUD_SDK_SK) instead");
        }
        Map<String, String> parameters = new LinkedHashMap<>();
        for (String pair : options.values().getOrDefault("--param", List.of())) {
            int eq = pair.indexOf('=');
            if (eq <= 0) {
                throw new UsageException("--param takes NAME=VALUE, not '" + pair + "'");
            }
            parameters.put(pair.substring(0, eq), pair.substring(eq + 1));
        }
        String tokenEnv = options.value("--token-env").orElse(DEFAULT_TOKEN_ENV);
        Optional<String> token = options.value("--token").or(() -> Optional.ofNullable(env.get(tokenEnv)));
        if (token.isPresent() && token.get().isBlank()) {
            // An unset CI secret expands to "": refused, never taken for "no credentials".
            throw new UsageException((options.value("--token").isPresent() ? "--token" : tokenEnv)
                    + " is empty or blank: give a token, or leave it out (unset " + tokenEnv + ") to send none");
        }
        if (token.isPresent() && token.get().chars().anyMatch(c -> c < 0x20 || c == 0x7f)) {
            throw new UsageException("the token holds a control character (a line end copied with it?); it is not printed");
        }
        Optional<AkSkCredentials> akSk;
        try {
            akSk = token.isEmpty() && contract.securitySchemes().signsWithAkSk() ? AkSkCredentials.fromEnvironmentIfSet(env) : Optional.empty();
        } catch (IllegalStateException e) {
            throw new UsageException(e.getMessage());
        }
        Report.Format format = options.format();
        Duration timeout = Duration.ofSeconds(options.number("--timeout-seconds", 30, CliOptions.MAX_TIMEOUT_SECONDS));
        Set<String> allowedWrites = new java.util.LinkedHashSet<>(options.values().getOrDefault("--allow-write", List.of()));
        for (String operationId : allowedWrites) {
            if (contract.operation(operationId).isEmpty()) {
                throw new UsageException("--allow-write: " + contract.name() + " has no operation '" + operationId + "'");
            }
        }
        Report report = options.report("jobs-openapi probe");
        new LiveProbe(contract, baseUrl, parameters, token, akSk, timeout, options.maxBodyBytes(), allowedWrites).run(report);
        report.print(format, out, "");
        return report.exitCode();
    }

    /** The length of the URL's authority (host, port and any user information), after the scheme's {@code //}. */
    private static int authorityLength(String url) {
        String rest = url.substring(url.indexOf("//") + 2);
        int end = rest.length();
        for (char c : new char[] {'/', '?', '#'}) {
            int at = rest.indexOf(c);
            if (at >= 0) {
                end = Math.min(end, at);
            }
        }
        return end;
    }

    private static String oneLine(String message) {
        return message == null ? "(no message)" : message.replaceAll("\\s*\\R\\s*", " ").trim();
    }
}
