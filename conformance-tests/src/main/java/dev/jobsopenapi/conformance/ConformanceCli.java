package dev.jobsopenapi.conformance;

import dev.jobsopenapi.specs.BundledSpec;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The command line of the conformance checker.
 *
 * <pre>
 * java -jar jobs-openapi-conformance-cli.jar check [SPEC...]
 * </pre>
 *
 * {@code check} validates every example documented in the bundled specs (or in the named ones) against the
 * schema of the response it documents, prints one line per example and a summary line
 * {@code N passed, N failed}. Exit codes: 0 all conform, 1 violations, 2 usage error.
 */
public final class ConformanceCli {

    static final int CONFORMS = 0;
    static final int VIOLATIONS = 1;
    static final int USAGE = 2;

    private static final String USAGE_TEXT = """
            usage: java -jar jobs-openapi-conformance-cli.jar check [SPEC...]
              check   validate every documented example of the bundled specs
                      (SPEC: modelarts-devserver-jobs, openyuanrong-jobs; default: all)""";

    private ConformanceCli() {
    }

    public static void main(String[] args) {
        System.exit(run(args, System.out, System.err));
    }

    /** Runs the command line with the given streams and returns the exit code. */
    static int run(String[] args, PrintStream out, PrintStream err) {
        if (args.length == 0 || !args[0].equals("check")) {
            err.println(USAGE_TEXT);
            return USAGE;
        }
        List<BundledSpec> specs = new ArrayList<>();
        try {
            for (String name : Arrays.copyOfRange(args, 1, args.length)) {
                specs.add(BundledSpec.byName(name));
            }
        } catch (IllegalArgumentException e) {
            err.println("error: " + e.getMessage());
            return USAGE;
        }
        return check(specs.isEmpty() ? List.of(BundledSpec.values()) : specs, out);
    }

    private static int check(List<BundledSpec> specs, PrintStream out) {
        int passed = 0;
        int failed = 0;
        for (BundledSpec spec : specs) {
            ApiContract contract = ApiContract.bundled(spec);
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
        out.println(passed + " passed, " + failed + " failed");
        return failed == 0 ? CONFORMS : VIOLATIONS;
    }
}
