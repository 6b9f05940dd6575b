package dev.jobsopenapi.benchmarks;

import dev.jobsopenapi.conformance.ApiContract;
import dev.jobsopenapi.conformance.fuzz.FuzzResult;
import dev.jobsopenapi.conformance.fuzz.Fuzzer;
import dev.jobsopenapi.conformance.fuzz.LiveServer;
import dev.jobsopenapi.reference.Fault;
import dev.jobsopenapi.reference.ReferenceServer;
import dev.jobsopenapi.specs.BundledSpec;

import java.util.Map;

/**
 * The fuzzer's pace against the in-process mock server: requests per second for each API, reads only and with
 * writes, one and four requests in flight, after a warm-up run; and the time to the first finding when the mock sends one field wrongly.
 * Run on demand: {@code java -cp benchmarks/target/benchmarks.jar dev.jobsopenapi.benchmarks.FuzzThroughput [requests]}.
 */
public final class FuzzThroughput {

    private FuzzThroughput() {
    }

    public static void main(String[] args) {
        int requests = args.length > 0 ? Integer.parseInt(args[0]) : 5000;
        try (ReferenceServer mock = ReferenceServer.start("127.0.0.1", 0)) {
            LiveServer server = LiveServer.at(mock.baseUri().toString());
            run(server, BundledSpec.OPENYUANRONG_JOBS, false, 1000, 4); // warm-up
            for (int concurrency : new int[] {1, 4}) {
                for (BundledSpec spec : BundledSpec.values()) {
                    for (boolean writes : new boolean[] {false, true}) {
                        run(server, spec, writes, requests, concurrency);
                    }
                }
            }
        }
        try (ReferenceServer mock = ReferenceServer.start("127.0.0.1", 0)) {
            mock.faults().inject("listJobs", Fault.retype("/0/driver_exit_code"));
            long start = System.nanoTime();
            FuzzResult result = Fuzzer.of(ApiContract.bundled(BundledSpec.OPENYUANRONG_JOBS), LiveServer.at(mock.baseUri().toString()))
                    .seed(1).maxRequests(1).operations(java.util.List.of("listJobs")).run();
            System.out.printf("first finding on a mock sending driver_exit_code as a string: %d ms, %s%n",
                    (System.nanoTime() - start) / 1_000_000, result.findings().isEmpty() ? "none" : result.findings().get(0).check().id());
        }
    }

    private static void run(LiveServer server, BundledSpec spec, boolean writes, int requests, int concurrency) {
        long start = System.nanoTime();
        FuzzResult result = Fuzzer.of(ApiContract.bundled(spec), server).seed(1).maxRequests(requests).allowWrite(writes)
                .concurrency(concurrency).parameters(Map.of("project_id", "bench")).run();
        double seconds = (System.nanoTime() - start) / 1e9;
        System.out.printf("%-26s %-11s %d in flight %6d requests in %6.2f s: %6.0f requests/s, %d findings%n", spec.specName(),
                writes ? "with writes" : "reads only", concurrency, result.requests(), seconds, result.requests() / seconds, result.findings().size());
    }
}
