package dev.jobsopenapi.conformance.cli;

import dev.jobsopenapi.conformance.ApiContract;
import dev.jobsopenapi.conformance.Body;
import dev.jobsopenapi.conformance.Operation;
import dev.jobsopenapi.conformance.Target;
import dev.jobsopenapi.conformance.ValidationResult;
import dev.jobsopenapi.conformance.Violation;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;

/** The {@code validate} command: one captured response body checked against an operation of a spec. */
@Command(name = "validate", mixinStandardHelpOptions = true,
        description = "Validate a captured response body against an operation of a spec.",
        footerHeading = "%nExamples (after java -jar jobs-openapi-conformance-cli.jar):%n",
        footer = {"  validate answer.json --spec openyuanrong-jobs --operation listJobs",
                "  curl -s $URL/api/jobs | validate --spec openyuanrong-jobs --method GET --path /api/jobs",
                "  validate error.json --spec modelarts-devserver-jobs --operation showDevServerJob --status 404"})
final class ValidateCommand implements Callable<Integer> {

    @Parameters(arity = "0..1", paramLabel = "FILE|-", description = "the body file, or - for standard input (default: -)")
    String source = "-";

    @Mixin
    Options.Spec spec;

    @Option(names = "--operation", paramLabel = "ID", description = "the operationId, or instead --method and --path")
    String operationId;

    @Option(names = "--method", paramLabel = "M", description = "the HTTP method (with --path)")
    String method;

    @Option(names = "--path", paramLabel = "P", description = "the concrete path, e.g. /v1/abc/dev-servers/jobs/xyz")
    String path;

    @Option(names = "--status", paramLabel = "CODE", description = "the HTTP status (default: 200)")
    String status = "200";

    @Option(names = "--content-type", paramLabel = "TYPE", description = "the response content type (default: application/json)")
    String contentType = "application/json";

    @Option(names = "--timeout-seconds", paramLabel = "N",
            description = "the most reading and checking the body may take (default: no limit), for standard input or"
                    + " a pipe (FIFO) that may never close; then exit 1")
    String timeoutSeconds;

    @Mixin
    Options.Format format;

    @Mixin
    Options.BodyLimit bodyLimit;

    private final Console console;

    ValidateCommand(Console console) {
        this.console = console;
    }

    @Override
    public Integer call() throws IOException, InterruptedException {
        ApiContract contract = spec.load();
        String operation = operationOf(contract);
        String what = contract.name() + " " + operation + " " + status + " " + contentType;
        String named = source.equals("-") ? "standard input" : source;
        // The body is read as a stream, in bounded memory: no size limit unless one is asked for.
        long maxBytes = bodyLimit.given() ? bodyLimit.bytes() : Long.MAX_VALUE;
        Optional<Long> seconds = Optional.ofNullable(timeoutSeconds)
                .map(text -> Numbers.wholeNumber("--timeout-seconds", text, Numbers.MAX_SECONDS));

        // A body that is too large, not UTF-8 or not JSON is a non-conforming answer (exit 1), not a usage error.
        Callable<ValidationResult> readAndCheck = () -> {
            try (InputStream body = new LimitedInput(openBody(source, console.in()), maxBytes)) {
                return contract.validateResponse(Target.operation(operation), status, contentType, Body.of(body));
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
        report.print(format.format, console.out(), "");
        return report.exitCode();
    }

    private String operationOf(ApiContract contract) {
        if ((operationId != null) == (method != null || path != null)) {
            throw new UsageException("validate needs either --operation, or --method and --path");
        }
        if (operationId != null) {
            return contract.operation(operationId).map(Operation::operationId).orElseThrow(() ->
                    new IllegalArgumentException(contract.name() + " has no operation '" + operationId + "' (has: "
                            + contract.operations().stream().map(Operation::operationId).collect(Collectors.joining(", ")) + ")"));
        }
        if (method == null) {
            throw new UsageException("--path needs --method");
        }
        if (path == null) {
            throw new UsageException("--method needs --path");
        }
        return contract.operation(method, path).map(Operation::operationId).orElseThrow(() ->
                new IllegalArgumentException(contract.name() + " documents no " + method.toUpperCase(java.util.Locale.ROOT) + " " + path));
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
}
