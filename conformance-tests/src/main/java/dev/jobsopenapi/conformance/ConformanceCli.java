package dev.jobsopenapi.conformance;

import dev.jobsopenapi.specs.BundledSpec;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The command line of the conformance checker.
 *
 * <pre>
 * java -jar jobs-openapi-conformance-cli.jar check [SPEC...]
 * java -jar jobs-openapi-conformance-cli.jar quirks [--output FILE] [SPEC...]
 * </pre>
 *
 * {@code check} validates every example documented in the bundled specs (or in the named ones) against the
 * schema of the response it documents, proves each vendor quirk that has a documented schema (the
 * examples fail the claim and pass the spec), prints one line per example and per quirk, the quirk
 * catalogue, and a summary line {@code N passed, N failed}. {@code quirks} writes the catalogue as
 * Markdown. Exit codes: 0 all conform, 1 violations, 2 usage or I/O error.
 */
public final class ConformanceCli {

    static final int CONFORMS = 0;
    static final int VIOLATIONS = 1;
    static final int USAGE = 2;

    private static final String USAGE_TEXT = """
            usage: java -jar jobs-openapi-conformance-cli.jar check [SPEC...]
                   java -jar jobs-openapi-conformance-cli.jar quirks [--output FILE] [SPEC...]
              check   validate every documented example of the bundled specs and prove their vendor quirks
              quirks  print (or write to FILE) the vendor quirk catalogue as Markdown
              SPEC    modelarts-devserver-jobs, openyuanrong-jobs (default: all)""";

    private ConformanceCli() {
    }

    public static void main(String[] args) {
        System.exit(run(args, System.out, System.err));
    }

    /** Runs the command line with the given streams and returns the exit code. */
    static int run(String[] args, PrintStream out, PrintStream err) {
        if (args.length == 0 || !List.of("check", "quirks").contains(args[0])) {
            err.println(USAGE_TEXT);
            return USAGE;
        }
        List<String> rest = new ArrayList<>(Arrays.asList(args).subList(1, args.length));
        Path output = null;
        int outputFlag = rest.indexOf("--output");
        if (outputFlag >= 0) {
            if (!args[0].equals("quirks") || outputFlag + 1 >= rest.size()) {
                err.println(USAGE_TEXT);
                return USAGE;
            }
            output = Path.of(rest.remove(outputFlag + 1));
            rest.remove(outputFlag);
        }
        List<ApiContract> contracts = new ArrayList<>();
        try {
            for (BundledSpec spec : rest.isEmpty() ? List.of(BundledSpec.values()) : specs(rest)) {
                contracts.add(ApiContract.bundled(spec));
            }
        } catch (IllegalArgumentException e) {
            err.println("error: " + e.getMessage());
            return USAGE;
        }
        if (args[0].equals("quirks")) {
            return writeQuirks(contracts, output, out, err);
        }
        return check(contracts, out);
    }

    private static List<BundledSpec> specs(List<String> names) {
        return names.stream().map(BundledSpec::byName).toList();
    }

    private static int writeQuirks(List<ApiContract> contracts, Path output, PrintStream out, PrintStream err) {
        String markdown = VendorQuirkCatalogue.of(contracts).toMarkdown();
        if (output == null) {
            out.print(markdown);
            return CONFORMS;
        }
        try {
            if (output.getParent() != null) {
                Files.createDirectories(output.getParent());
            }
            Files.writeString(output, markdown, StandardCharsets.UTF_8);
            out.println("wrote " + output);
            return CONFORMS;
        } catch (IOException e) {
            err.println("error: cannot write " + output + ": " + e.getMessage());
            return USAGE;
        }
    }

    private static int check(List<ApiContract> contracts, PrintStream out) {
        int passed = 0;
        int failed = 0;
        for (ApiContract contract : contracts) {
            for (DocumentedExample example : contract.examples()) {
                ValidationResult result = contract.validate(example);
                if (result.isValid()) {
                    passed++;
                    out.println("PASS " + example);
                } else {
                    failed++;
                    out.println("FAIL " + example);
                    result.violations().forEach(v -> out.println("     " + v));
                }
            }
        }
        VendorQuirkCatalogue catalogue = VendorQuirkCatalogue.of(contracts);
        for (ApiContract contract : contracts) {
            for (VendorQuirk quirk : catalogue.quirks()) {
                if (!quirk.spec().equals(contract.name()) || quirk.documentedSchema().isEmpty()) {
                    continue;
                }
                Map<DocumentedExample, ValidationResult> underClaim = VendorQuirkCatalogue.violationsUnderClaim(contract, quirk);
                String where = "quirk " + quirk.id() + " at " + quirk.spec() + ".yaml#" + quirk.pointer();
                List<DocumentedExample> rejectedBySpec = underClaim.keySet().stream()
                        .filter(example -> !contract.validate(example).isValid()).toList();
                if (underClaim.isEmpty()) {
                    failed++;
                    out.println("FAIL " + where + ": no documented example contradicts the claim");
                } else if (!rejectedBySpec.isEmpty()) {
                    failed++;
                    out.println("FAIL " + where + ": the spec rejects " + rejectedBySpec);
                } else {
                    passed++;
                    out.println("PASS " + where + ": the claim rejects " + underClaim.values().stream()
                            .flatMap(r -> r.violations().stream()).map(Violation::pointer).distinct()
                            .collect(Collectors.joining(", ")) + "; the spec accepts them");
                }
            }
        }
        out.println();
        out.print(catalogue.toMarkdown());
        out.println();
        out.println(passed + " passed, " + failed + " failed");
        return failed == 0 ? CONFORMS : VIOLATIONS;
    }
}
