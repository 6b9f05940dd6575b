package dev.jobsopenapi.conformance.cli;

import java.io.InputStream;
import java.io.PrintStream;
import java.util.Map;

/**
 * What a command reads and writes besides its options: standard input, output and error, and the environment
 * (credentials come from there). Tests give their own.
 */
record Console(InputStream in, PrintStream out, PrintStream err, Map<String, String> env) {
}
