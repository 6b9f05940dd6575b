package dev.jobsopenapi.conformance.fuzz;

/**
 * A check that failed: which, on which operation, why, how often in the run, and the smallest request found that
 * still fails it, as a {@code curl} command (credentials redacted) — run with the same seed to reproduce it.
 *
 * @param check       the check that failed
 * @param operationId the operation whose answer failed it
 * @param message     what was wrong, naming the field or status
 * @param request     the request, as method and target (for example {@code POST /api/jobs})
 * @param curl        a command that sends the request again
 * @param occurrences how many answers of the run failed this check on this operation
 * @param seed        the run's random seed
 */
public record Finding(Check check, String operationId, String message, String request, String curl, int occurrences, long seed) {

    Finding counted(int total) {
        return new Finding(check, operationId, message, request, curl, total, seed);
    }
}
