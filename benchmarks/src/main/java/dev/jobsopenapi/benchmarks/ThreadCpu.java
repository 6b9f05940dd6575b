package dev.jobsopenapi.benchmarks;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * CPU time of this JVM's threads, summed by thread group (a thread's name without its trailing number), to say
 * which party of a loopback exchange (client, proxy, upstream) spends the CPU that the parties share.
 */
final class ThreadCpu {

    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    private final Map<String, Long> nanos;

    private ThreadCpu(Map<String, Long> nanos) {
        this.nanos = nanos;
    }

    /** The CPU time each thread group has used so far. */
    static ThreadCpu now() {
        Map<String, Long> nanos = new HashMap<>();
        for (ThreadInfo thread : THREADS.dumpAllThreads(false, false)) {
            long cpu = THREADS.getThreadCpuTime(thread.getThreadId());
            if (cpu > 0) {
                nanos.merge(thread.getThreadName().replaceAll("[-#]?\\d+$", "").replaceAll("-\\d+-.*", ""), cpu, Long::sum);
            }
        }
        return new ThreadCpu(nanos);
    }

    /** Per thread group, the CPU time used since {@code before}, divided by {@code exchanges}, in nanoseconds. */
    Map<String, Long> perExchangeSince(ThreadCpu before, int exchanges) {
        Map<String, Long> used = new TreeMap<>();
        nanos.forEach((group, cpu) -> {
            long spent = (cpu - before.nanos.getOrDefault(group, 0L)) / exchanges;
            if (spent > 0) {
                used.put(group, spent);
            }
        });
        return used;
    }
}
