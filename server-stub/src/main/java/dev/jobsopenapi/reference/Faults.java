package dev.jobsopenapi.reference;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The faults a running mock server applies, by operation id ({@code listJobs}, {@code showDevServerJob}); empty
 * until {@link #inject} is called, and again after {@link #clear}. Safe to change while requests are served: a
 * request sees the faults set when its answer is written.
 */
public final class Faults {

    private final Set<String> operationIds;
    private final Map<String, List<Fault>> byOperation = new ConcurrentHashMap<>();

    Faults(Set<String> operationIds) {
        this.operationIds = Set.copyOf(operationIds);
    }

    /**
     * Makes every answer of the operation misbehave in these ways (replacing its faults so far), applied in order.
     *
     * @throws IllegalArgumentException for an operation id neither spec has, listing the ones they have
     */
    public Faults inject(String operationId, Fault... faults) {
        Objects.requireNonNull(operationId, "operationId");
        if (!operationIds.contains(operationId)) {
            throw new IllegalArgumentException("no operation '" + operationId + "' in the specs; they have "
                    + String.join(", ", new TreeSet<>(operationIds)));
        }
        byOperation.put(operationId, List.of(faults));
        return this;
    }

    /**
     * One fault for one operation, as the command line's {@code --fault} writes it: {@code OPERATION_ID=KIND:ARGUMENT}.
     *
     * @param operationId the operation that misbehaves
     * @param fault       how it misbehaves
     */
    public record Injection(String operationId, Fault fault) {

        /**
         * Reads {@code OPERATION_ID=KIND:ARGUMENT}, for example {@code listJobs=status:503}.
         *
         * @throws IllegalArgumentException for text of another form or an unknown kind, with the forms it takes
         */
        public static Injection parse(String text) {
            int equals = text.indexOf('=');
            if (equals <= 0) {
                throw new IllegalArgumentException("a fault is written OPERATION_ID=KIND:ARGUMENT, for example "
                        + "listJobs=status:503, not '" + text + "'");
            }
            return new Injection(text.substring(0, equals).strip(), Fault.parse(text.substring(equals + 1)));
        }

        @Override
        public String toString() {
            return operationId + "=" + fault.kind().name().toLowerCase(java.util.Locale.ROOT) + ":" + fault.argument();
        }
    }

    /** Adds the fault after the operation's faults so far. */
    public Faults inject(Injection injection) {
        List<Fault> added = new java.util.ArrayList<>(of(injection.operationId()));
        added.add(injection.fault());
        return inject(injection.operationId(), added.toArray(Fault[]::new));
    }

    /** Reads {@code OPERATION_ID=KIND:ARGUMENT} (the command line's {@code --fault}, see {@link Injection#parse}) and adds it. */
    public Faults inject(String operationIdAndFault) {
        return inject(Injection.parse(operationIdAndFault));
    }

    /** The operation's faults, in the order they apply; empty for none. */
    public List<Fault> of(String operationId) {
        return byOperation.getOrDefault(operationId, List.of());
    }

    /** Removes every fault: the server answers as the specs say again. */
    public void clear() {
        byOperation.clear();
    }
}
