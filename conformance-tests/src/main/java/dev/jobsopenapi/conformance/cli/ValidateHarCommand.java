package dev.jobsopenapi.conformance.cli;

import dev.jobsopenapi.conformance.ApiContract;
import dev.jobsopenapi.conformance.ValidationResult;
import dev.jobsopenapi.conformance.http.HarCheck;
import dev.jobsopenapi.specs.BundledSpec;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

/** The {@code validate-har} command: every entry of a HAR file a spec documents, checked; the others listed as skipped. */
@Command(name = "validate-har", mixinStandardHelpOptions = true,
        description = "Check every recorded exchange of a HAR file that a spec documents (request and answer); list"
                + " the others as skipped, with the reason.",
        footerHeading = "%nExamples (after java -jar jobs-openapi-conformance-cli.jar):%n",
        footer = {"  validate-har session.har", "  validate-har session.har --spec openyuanrong-jobs --format junit"})
final class ValidateHarCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "FILE.har", description = "a HAR file (a browser's or a proxy's recording)")
    Path har;

    @Option(names = "--spec", paramLabel = "SPEC",
            description = "a spec to match entries against (repeatable; default: both bundled specs)")
    List<String> specs = new ArrayList<>();

    @Mixin
    Options.Format format;

    @Mixin
    Options.Accept accept;

    private final Console console;

    ValidateHarCommand(Console console) {
        this.console = console;
    }

    @Override
    public Integer call() throws IOException {
        if (!Files.exists(har)) {
            throw new NoSuchFileException(har.toString());
        }
        List<ApiContract> contracts = new ArrayList<>();
        for (String spec : specs) {
            contracts.add(ApiContract.load(spec));
        }
        if (contracts.isEmpty()) {
            for (BundledSpec spec : BundledSpec.values()) {
                contracts.add(ApiContract.bundled(spec));
            }
        }
        Report report = accept.report("jobs-openapi validate-har");
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
        report.print(format.format, console.out(), "");
        return report.exitCode();
    }
}
