package dev.jobsopenapi.conformance.fuzz;

import java.util.List;
import java.util.Map;

/**
 * What a fuzz run did: its seed, the requests it sent (and the conforming ones it generated but did not send
 * because the contract did not find them conforming), how each check fared per operation, and the findings.
 *
 * @param spec      the spec's name
 * @param seed      the random seed: the same seed against the same server sends the same requests
 * @param requests  the requests sent
 * @param discarded generated conforming requests not sent: the contract found them not conforming
 * @param tally     per check, per operation: how many answers passed and failed it
 * @param findings  the first failure of each check on each operation, shrunk
 * @param skipped   operations not called, each with the reason
 */
public record FuzzResult(String spec, long seed, int requests, int discarded, Map<Check, Map<String, Tally>> tally,
                         List<Finding> findings, Map<String, String> skipped) {

    /** How many answers passed and failed one check on one operation. */
    public record Tally(int passed, int failed) {
    }

    /** Whether the run checked something and nothing failed. */
    public boolean passed() {
        return requests > 0 && findings.isEmpty();
    }

    /** How many check results passed in all. */
    public int checksPassed() {
        return tally.values().stream().flatMap(m -> m.values().stream()).mapToInt(Tally::passed).sum();
    }

    /** How many check results failed in all. */
    public int checksFailed() {
        return tally.values().stream().flatMap(m -> m.values().stream()).mapToInt(Tally::failed).sum();
    }
}
