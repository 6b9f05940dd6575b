package dev.jobsopenapi.conformance.cli;

import dev.jobsopenapi.conformance.ApiContract;
import dev.jobsopenapi.conformance.ValidationResult;
import dev.jobsopenapi.conformance.http.HarCheck;
import dev.jobsopenapi.specs.BundledSpec;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** The {@code validate-har} command: every entry of a HAR file a spec documents, checked; the others listed as skipped. */
final class HarCommand {

    private HarCommand() {
    }

    static int run(CliOptions options, PrintStream out) throws IOException {
        options.allow("--spec", "--format", "--allow-empty", "--allow-refused");
        if (options.positional().size() != 1) {
            throw new UsageException("validate-har takes one HAR file");
        }
        Path har = Path.of(options.positional().get(0));
        if (!Files.exists(har)) {
            throw new NoSuchFileException(har.toString());
        }
        List<ApiContract> contracts = new ArrayList<>();
        for (String spec : options.values().getOrDefault("--spec", List.of())) {
            contracts.add(ApiContract.load(spec));
        }
        if (contracts.isEmpty()) {
            for (BundledSpec spec : BundledSpec.values()) {
                contracts.add(ApiContract.bundled(spec));
            }
        }
        Report.Format format = options.format();
        Report report = options.report("jobs-openapi validate-har");
        HarCheck.check(har, contracts, entry -> {
            for (ValidationResult check : entry.checks()) {
                boolean answer = entry.checks().size() == 2 && check == entry.checks().get(1);
                if (answer && (entry.status() == 401 || entry.status() == 403)) {
                    report.refused(check, "the server refused the recorded request's credentials (" + entry.status()
                            + "), so the operation was not checked");
                } else {
                    report.add(check);
                }
            }
            entry.skipped().ifPresent(why -> report.skip("HAR entry " + entry.index() + ": " + entry.method() + " "
                    + entry.url(), why));
        });
        report.print(format, out, "");
        return report.exitCode();
    }
}
