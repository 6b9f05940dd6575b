package dev.jobsopenapi.conformance.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.jobsopenapi.conformance.ApiContract;
import dev.jobsopenapi.conformance.fuzz.Check;
import dev.jobsopenapi.conformance.fuzz.Finding;
import dev.jobsopenapi.conformance.fuzz.FuzzResult;
import dev.jobsopenapi.conformance.fuzz.Fuzzer;
import dev.jobsopenapi.conformance.fuzz.LiveServer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.io.PrintStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

/** The {@code fuzz} command: requests generated from a spec sent to a live server, every answer checked. */
@Command(name = "fuzz", mixinStandardHelpOptions = true,
        description = {"Generate requests from a spec (boundary values, then random ones, and negative ones that each"
                + " break one rule), follow the spec's lifecycle links with the ids the server returns, and check every"
                + " answer: not_a_server_error, status_code_conformance, content_type_conformance,"
                + " response_headers_conformance, response_schema_conformance, negative_data_rejection,"
                + " positive_data_acceptance, use_after_free, ensure_resource_availability, ignored_auth.",
                "Reads only unless --allow-write. The same seed against the same server sends the same requests; each"
                        + " failure is shrunk and printed with a curl command that reproduces it (credentials redacted)."
                        + " Credentials as for probe."},
        footerHeading = "%nExamples (after java -jar jobs-openapi-conformance-cli.jar):%n",
        footer = {"  fuzz --spec openyuanrong-jobs --base-url http://127.0.0.1:8080 --allow-write --seed 42",
                "  fuzz --spec modelarts-devserver-jobs --base-url $URL --param project_id=$PROJECT_ID \\",
                "       --max-requests 300 --rate 10 --format junit > fuzz.xml",
                "  fuzz --spec openyuanrong-jobs --base-url $URL --operation listJobs --duration 60"})
final class FuzzCommand implements Callable<Integer> {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Mixin
    Options.Spec spec;

    @Mixin
    Options.Server server;

    @Mixin
    Options.Params params;

    @Option(names = "--allow-write", description = "also call the operations that change state (create, submit, stop,"
            + " delete): the run creates jobs and deletes what it created")
    boolean allowWrite;

    @Option(names = "--seed", paramLabel = "N", description = "the random seed (default: a random one, printed)")
    String seed;

    @Option(names = "--max-requests", paramLabel = "N", description = "the requests to send, at most (default 1000)")
    String maxRequests = "1000";

    @Option(names = "--duration", paramLabel = "SECONDS", description = "the longest the run may take (default: no limit)")
    String duration;

    @Option(names = "--rate", paramLabel = "N", description = "at most N requests a second (default: as fast as the server"
            + " answers, one at a time)")
    String rate;

    @Option(names = "--concurrency", paramLabel = "N", description = "at most N requests in flight at once (default 1,"
            + " at most 64); one seed still names one run")
    String concurrency = "1";

    @Option(names = "--operation", paramLabel = "ID", description = "only this operation (repeatable)")
    List<String> operations = new ArrayList<>();

    @Mixin
    Options.Format format;

    @Mixin
    Options.BodyLimit bodyLimit;

    private final Console console;

    FuzzCommand(Console console) {
        this.console = console;
    }

    @Override
    public Integer call() throws java.io.IOException {
        ApiContract contract = spec.load();
        LiveServer live = server.connect(contract, console, bodyLimit.bytes());
        Fuzzer fuzzer = Fuzzer.of(contract, live).allowWrite(allowWrite).parameters(params.values())
                .maxRequests((int) Numbers.wholeNumber("--max-requests", maxRequests, 10_000_000))
                .duration(duration == null ? Duration.ZERO : Duration.ofSeconds(Numbers.wholeNumber("--duration", duration, Numbers.MAX_SECONDS)))
                .ratePerSecond(rate == null ? 0 : (int) Numbers.wholeNumber("--rate", rate, 100_000))
                .concurrency((int) Numbers.wholeNumber("--concurrency", concurrency, 64));
        if (seed != null) {
            try {
                fuzzer = fuzzer.seed(Long.parseLong(seed));
            } catch (NumberFormatException e) {
                throw new UsageException("--seed takes a whole number, not '" + Numbers.shortened(seed, 40) + "'");
            }
        }
        try {
            fuzzer = fuzzer.operations(operations);
        } catch (IllegalArgumentException e) {
            throw new UsageException("--operation: " + e.getMessage());
        }
        PrintStream out = console.out();
        if (format.format == Report.Format.TEXT) {
            out.println("jobs-openapi fuzz " + contract.name() + " at " + live.baseUrl() + ", seed " + fuzzer.seed()
                    + (allowWrite ? ", writes allowed" : ", reads only"));
            out.flush();
        }
        FuzzResult result;
        try {
            result = fuzzer.run();
        } catch (java.io.UncheckedIOException e) {
            throw e.getCause();
        }
        switch (format.format) {
            case JSON -> out.println(json(result));
            case JUNIT -> out.print(junit(result));
            default -> text(result, out);
        }
        if (result.requests() == 0 && format.format == Report.Format.TEXT) {
            out.println("nothing was sent: every operation was skipped");
        }
        return result.passed() ? ConformanceCli.CONFORMS : ConformanceCli.VIOLATIONS;
    }

    private static void text(FuzzResult result, PrintStream out) {
        for (Finding f : result.findings()) {
            out.println("FAIL " + f.check().id() + " " + f.operationId() + " (" + f.occurrences() + "x): " + f.message());
            out.println("     " + f.curl());
        }
        result.skipped().forEach((what, why) -> out.println("SKIP " + what + ": " + why));
        out.printf("%-30s %-28s %7s %7s%n", "check", "operation", "passed", "failed");
        result.tally().forEach((check, rows) -> rows.forEach((op, t) ->
                out.printf("%-30s %-28s %7d %7d%n", check.id(), op, t.passed(), t.failed())));
        out.println(result.requests() + " requests, " + result.checksPassed() + " checks passed, " + result.checksFailed()
                + " failed, " + result.discarded() + " generated requests not sent (the contract disagreed), seed "
                + result.seed());
    }

    private static String json(FuzzResult result) {
        ObjectNode root = JSON.createObjectNode();
        root.put("spec", result.spec()).put("seed", result.seed()).put("requests", result.requests())
                .put("discarded", result.discarded()).put("passed", result.passed());
        ObjectNode checks = root.putObject("checks");
        result.tally().forEach((check, rows) -> {
            ObjectNode row = checks.putObject(check.id());
            rows.forEach((op, t) -> row.putObject(op).put("passed", t.passed()).put("failed", t.failed()));
        });
        ArrayNode findings = root.putArray("findings");
        for (Finding f : result.findings()) {
            findings.addObject().put("check", f.check().id()).put("operationId", f.operationId()).put("message", f.message())
                    .put("request", f.request()).put("curl", f.curl()).put("occurrences", f.occurrences()).put("seed", f.seed());
        }
        ObjectNode skipped = root.putObject("skipped");
        result.skipped().forEach(skipped::put);
        return root.toPrettyString();
    }

    private static String junit(FuzzResult result) {
        StringBuilder xml = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<testsuites name=\"jobs-openapi fuzz\">\n");
        for (Map.Entry<Check, Map<String, FuzzResult.Tally>> check : result.tally().entrySet()) {
            long failures = check.getValue().values().stream().filter(t -> t.failed() > 0).count();
            xml.append("  <testsuite name=\"").append(check.getKey().id()).append("\" tests=\"").append(check.getValue().size())
                    .append("\" failures=\"").append(failures).append("\">\n");
            for (Map.Entry<String, FuzzResult.Tally> row : check.getValue().entrySet()) {
                xml.append("    <testcase classname=\"").append(Report.xml(result.spec() + "." + check.getKey().id()))
                        .append("\" name=\"").append(Report.xml(row.getKey())).append("\"");
                Finding finding = result.findings().stream().filter(f -> f.check() == check.getKey()
                        && f.operationId().equals(row.getKey())).findFirst().orElse(null);
                if (finding == null) {
                    xml.append("/>\n");
                } else {
                    xml.append(">\n      <failure message=\"").append(Report.xml(finding.message())).append("\">")
                            .append(Report.xml(finding.message() + "\nseed " + finding.seed() + "\n" + finding.curl()))
                            .append("</failure>\n    </testcase>\n");
                }
            }
            xml.append("  </testsuite>\n");
        }
        return xml.append("</testsuites>\n").toString();
    }
}
