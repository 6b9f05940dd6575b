package dev.jobsopenapi.benchmarks;

import dev.jobsopenapi.conformance.Body;
import dev.jobsopenapi.conformance.Target;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.jobsopenapi.conformance.ApiContract;
import dev.jobsopenapi.conformance.ValidationResult;
import dev.jobsopenapi.specs.BundledSpec;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The heap that validating a list body of about 100 MB needs: for each way of checking it, the smallest
 * {@code -Xmx} (in MiB) with which a fresh JVM completes the check, found by bisection. Run on demand:
 * <pre>java -cp benchmarks/target/benchmarks.jar dev.jobsopenapi.benchmarks.PeakHeap [MEGABYTES]</pre>
 */
public final class PeakHeap {

    /** The ways of checking a body that are measured. */
    private static final List<String> MODES = List.of("stream", "bytes", "tree", "readTree");

    private PeakHeap() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length == 2 && MODES.contains(args[0])) {
            System.exit(check(args[0], Path.of(args[1])));
        }
        long megabytes = args.length > 0 ? Long.parseLong(args[0]) : 100;
        Path body = Files.createTempFile("jobs-openapi-list-", ".json");
        try {
            long jobs = writeList(body, megabytes * 1_000_000);
            System.out.printf("openYuanrong job list: %,d bytes, %,d jobs; %s%n", Files.size(body), jobs, System.getProperty("java.version"));
            System.out.println("| Check | Smallest -Xmx that completes |");
            System.out.println("| --- | --- |");
            for (String mode : MODES) {
                System.out.printf("| %s | %d MiB |%n", describe(mode), smallestHeap(mode, body));
            }
        } finally {
            Files.deleteIfExists(body);
        }
    }

    private static String describe(String mode) {
        return switch (mode) {
            case "stream" -> "`ApiContract.validateResponse(…, InputStream)` (as the CLI's `validate`)";
            case "bytes" -> "`Files.readAllBytes`, then `ApiContract.validateResponse(…, byte[])`";
            case "tree" -> "`ObjectMapper.readTree` of the file, then `ApiContract.validateResponse(…, JsonNode)`";
            default -> "`ObjectMapper.readTree` of the file alone (any whole-tree check needs this)";
        };
    }

    /** Bisection over {@code -Xmx} in MiB, between 2 MiB and 16 GiB. */
    private static long smallestHeap(String mode, Path body) throws Exception {
        long fails = 2;
        long completes = 16_384;
        if (!completes(mode, body, completes)) {
            return -1;
        }
        while (completes - fails > Math.max(2, fails / 16)) {
            long middle = (fails + completes) / 2;
            if (completes(mode, body, middle)) {
                completes = middle;
            } else {
                fails = middle;
            }
        }
        return completes;
    }

    private static boolean completes(String mode, Path body, long heapMiB) throws Exception {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx" + heapMiB + "m", "-XX:+UseParallelGC", "-cp", System.getProperty("java.class.path"),
                PeakHeap.class.getName(), mode, body.toString()));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        if (!process.waitFor(5, TimeUnit.MINUTES)) {
            process.destroyForcibly();
            return false;
        }
        return process.exitValue() == 0;
    }

    /** One check in this JVM: exit 0 when it completed and the body conforms. */
    private static int check(String mode, Path body) throws IOException {
        ApiContract contract = ApiContract.bundled(BundledSpec.OPENYUANRONG_JOBS);
        ValidationResult result;
        switch (mode) {
            case "stream" -> {
                try (InputStream in = Files.newInputStream(body)) {
                    result = contract.validateResponse(Target.operation("listJobs"), "200", "application/json", Body.of(in));
                }
            }
            case "bytes" -> result = contract.validateResponse(Target.operation("listJobs"), "200", "application/json", Body.of(Files.readAllBytes(body)));
            case "tree" -> {
                JsonNode tree = new ObjectMapper().readTree(body.toFile());
                result = contract.validateResponse(Target.operation("listJobs"), "200", "application/json", Body.of(tree));
            }
            default -> {
                JsonNode tree = new ObjectMapper().readTree(body.toFile());
                return tree.size() > 0 ? 0 : 1;
            }
        }
        return result.isValid() ? 0 : 1;
    }

    /** Writes an openYuanrong job list of at least {@code bytes} bytes; returns the number of jobs. */
    private static long writeList(Path file, long bytes) throws IOException {
        List<String> jobs = new ArrayList<>();
        new ObjectMapper().readTree(Bodies.openYuanrongList(5)).forEach(job -> jobs.add(job.toString()));
        long count = 0;
        try (BufferedWriter out = Files.newBufferedWriter(file)) {
            out.write('[');
            for (long written = 1; written < bytes; count++) {
                String job = (count == 0 ? "" : ",") + jobs.get((int) (count % jobs.size()));
                out.write(job);
                written += job.length();
            }
            out.write(']');
        }
        return count;
    }
}
