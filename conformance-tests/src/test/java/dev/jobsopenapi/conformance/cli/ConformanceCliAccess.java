package dev.jobsopenapi.conformance.cli;

import java.io.ByteArrayInputStream;
import java.io.PrintStream;
import java.util.Map;

/** For other modules' tests: runs the command line in-process, with no standard input and the environment given (none by default). */
public final class ConformanceCliAccess {

    private ConformanceCliAccess() {
    }

    /** Runs the command line, printing standard output and error to {@code out}, and returns its exit code. */
    public static int run(String[] args, PrintStream out) {
        return run(args, out, Map.of());
    }

    /** Runs the command line with this standard input, and no environment. */
    public static int run(String[] args, byte[] stdin, PrintStream out, PrintStream err) {
        return ConformanceCli.run(args, new ByteArrayInputStream(stdin), out, err, Map.of());
    }

    /** Runs the command line as {@link #run(String[], PrintStream)} does, with these environment variables. */
    public static int run(String[] args, PrintStream out, Map<String, String> environment) {
        return ConformanceCli.run(args, new ByteArrayInputStream(new byte[0]), out, out, environment);
    }
}
