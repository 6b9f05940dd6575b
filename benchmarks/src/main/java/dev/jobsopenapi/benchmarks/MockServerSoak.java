package dev.jobsopenapi.benchmarks;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;

/**
 * A soak of the mock server, run on demand (not a test): the mock server jar in its own process with its default
 * limits, and a mixed workload for a fixed time from many connections at once — openYuanrong list, get, submit,
 * stop and delete; ModelArts list, show, create and delete. It prints throughput, the median and 99th percentile
 * latency per operation, the answers by status, and the server's peak resident memory ({@code VmHWM}).
 *
 * <pre>
 * java -cp benchmarks/target/benchmarks.jar dev.jobsopenapi.benchmarks.MockServerSoak [SECONDS] [CONNECTIONS] [JAR] [SLOW] [RATE]
 * </pre>
 * Defaults: 60 seconds, 1,000 connections, {@code server-stub/target/jobs-openapi-mock-server.jar}, no slow
 * connections, no rate. With {@code SLOW}, that many more connections beside the clients send a request's head one
 * header line every 2 s (slowloris), and open again when the server cuts them off; the report counts the cut-offs.
 *
 * <p>Without {@code RATE} the clients share one pooled JDK client and each sends its next request as soon as the last
 * is answered (a closed loop): that measures throughput, and its latency is the queue's length, not the server's
 * speed (by Little's law, 1,000 requests always in flight at 2,500 answers a second wait 400 ms on average, however
 * the server is built). With {@code RATE} (exchanges a second, over all clients) every client holds one connection of
 * its own, opened before the run, and sends on a fixed timetable, the clients' timetables evenly staggered; each
 * latency is counted from the moment the timetable said to send, so a server that falls behind is not flattered. The
 * first 15 s of a paced run warm the server up and are reported apart ({@code SECONDS} are counted after them).
 */
public final class MockServerSoak {

    /** How long a paced run sends before it counts: a cold server's first seconds are its JIT's, not its steady state. */
    private static final Duration PACED_WARMUP = Duration.ofSeconds(15);

    private static final String ENV = "\"runtime_env\": {\"working_dir\": \"w\"}";

    private MockServerSoak() {
    }

    public static void main(String[] args) throws Exception {
        int seconds = args.length > 0 ? Integer.parseInt(args[0]) : 60;
        int connections = args.length > 1 ? Integer.parseInt(args[1]) : 1_000;
        Path jar = Path.of(args.length > 2 ? args[2] : "server-stub/target/jobs-openapi-mock-server.jar");
        int slow = args.length > 3 ? Integer.parseInt(args[3]) : 0;
        int rate = args.length > 4 ? Integer.parseInt(args[4]) : 0;
        int port = 18_000 + (int) (ProcessHandle.current().pid() % 1_000);
        Process server = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-jar", jar.toString(), "--port", Integer.toString(port)).redirectErrorStream(true).start();
        try {
            awaitBanner(server);
            URI base = URI.create("http://127.0.0.1:" + port);
            Slowloris slowloris = new Slowloris(base, slow);
            try {
                if (rate > 0) {
                    paced(base, seconds, connections, rate, server.pid());
                } else {
                    run(base, seconds, connections, server.pid());
                }
            } finally {
                slowloris.stop();
            }
            if (slow > 0) {
                System.out.println(slow + " slow-header connections beside them; the server cut " + slowloris.cutOffs.sum()
                        + " of them off at its head deadline (each opened again)");
            }
        } finally {
            server.destroy();
        }
    }

    /** Connections that send a request's head one header line every 2 s, opened again whenever the server cuts one off. */
    private static final class Slowloris {
        final LongAdder cutOffs = new LongAdder();
        private final java.util.concurrent.atomic.AtomicBoolean running = new java.util.concurrent.atomic.AtomicBoolean(true);
        private final Thread thread;

        Slowloris(URI base, int count) {
            thread = new Thread(() -> {
                List<java.net.Socket> open = new ArrayList<>();
                try {
                    while (running.get()) {
                        while (open.size() < count) {
                            java.net.Socket socket = new java.net.Socket(base.getHost(), base.getPort());
                            socket.getOutputStream().write("GET /api/jobs HTTP/1.1\r\nHost: soak\r\n".getBytes(StandardCharsets.US_ASCII));
                            open.add(socket);
                        }
                        for (int i = 0; i < open.size(); i++) {
                            try {
                                open.get(i).getOutputStream().write("X-Slow: 1\r\n".getBytes(StandardCharsets.US_ASCII));
                            } catch (IOException cut) {
                                open.remove(i--).close();
                                cutOffs.increment();
                            }
                        }
                        Thread.sleep(2_000);
                    }
                } catch (IOException | InterruptedException e) {
                    // the soak is over, or the server is gone
                } finally {
                    for (java.net.Socket socket : open) {
                        try {
                            socket.close();
                        } catch (IOException ignored) {
                            // closing
                        }
                    }
                }
            }, "soak-slowloris");
            thread.setDaemon(true);
            if (count > 0) {
                thread.start();
            }
        }

        void stop() throws InterruptedException {
            running.set(false);
            thread.join(10_000);
        }
    }

    private static void awaitBanner(Process server) throws IOException {
        BufferedReader out = new BufferedReader(new InputStreamReader(server.getInputStream(), StandardCharsets.UTF_8));
        for (String line = out.readLine(); line != null; line = out.readLine()) {
            if (line.startsWith("openYuanrong:")) {
                Thread drain = new Thread(() -> out.lines().forEach(l -> { }), "soak-server-output");
                drain.setDaemon(true);
                drain.start();
                return;
            }
        }
        throw new IllegalStateException("the mock server stopped before it served");
    }

    private static void run(URI base, int seconds, int connections, long serverPid) throws Exception {
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(10)).build();
        java.util.Queue<Map<String, List<Long>>> perClient = new java.util.concurrent.ConcurrentLinkedQueue<>();
        Map<Integer, LongAdder> statuses = new ConcurrentHashMap<>();
        Map<String, LongAdder> failures = new ConcurrentHashMap<>();
        long end = System.nanoTime() + Duration.ofSeconds(seconds).toNanos();
        List<Thread> clients = new ArrayList<>();
        for (int c = 0; c < connections; c++) {
            int client = c;
            Thread thread = new Thread(() -> {
                Map<String, List<Long>> mine = new java.util.HashMap<>();
                for (long round = 0; System.nanoTime() < end; round++) {
                    for (String[] call : workload(client, round)) {
                        long start = System.nanoTime();
                        try {
                            HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve(call[1]))
                                    .timeout(Duration.ofSeconds(60));
                            if (call[2] == null) {
                                request.method(call[0], HttpRequest.BodyPublishers.noBody());
                            } else {
                                request.header("Content-Type", "application/json")
                                        .method(call[0], HttpRequest.BodyPublishers.ofString(call[2]));
                            }
                            int status = http.send(request.build(), HttpResponse.BodyHandlers.discarding()).statusCode();
                            statuses.computeIfAbsent(status, s -> new LongAdder()).increment();
                        } catch (IOException | InterruptedException e) {
                            countFailure(failures, e);
                        }
                        mine.computeIfAbsent(call[3], k -> new ArrayList<>()).add(System.nanoTime() - start);
                    }
                }
                perClient.add(mine);
            }, "soak-client-" + c);
            thread.setDaemon(true);
            clients.add(thread);
            thread.start();
        }
        long peakKib = awaitClients(clients, end, serverPid);
        Map<String, List<Long>> latencies = merged(perClient);
        report(seconds, connections, latencies, statuses, failures, peakKib);
    }

    /**
     * Every client on a connection of its own, sending on a fixed timetable: {@code rate} exchanges a second in all,
     * the clients' timetables evenly staggered, each latency counted from the time the timetable gave.
     */
    private static void paced(URI base, int seconds, int connections, int rate, long serverPid) throws Exception {
        List<KeepAliveConnection> open = new ArrayList<>();
        for (int c = 0; c < connections; c++) {
            open.add(new KeepAliveConnection(base));
        }
        java.util.Queue<Map<String, List<Long>>> perClient = new java.util.concurrent.ConcurrentLinkedQueue<>();
        Map<Integer, LongAdder> statuses = new ConcurrentHashMap<>();
        Map<String, LongAdder> failures = new ConcurrentHashMap<>();
        LongAdder reopened = new LongAdder();
        java.util.concurrent.atomic.AtomicLongArray worstBySecond = new java.util.concurrent.atomic.AtomicLongArray(seconds + 1);
        long interval = Duration.ofSeconds(1).toNanos() * connections / rate; // between one client's exchanges
        long start = System.nanoTime() + Duration.ofSeconds(1).toNanos();
        long recordFrom = start + PACED_WARMUP.toNanos();
        long end = recordFrom + Duration.ofSeconds(seconds).toNanos();
        AtomicLong slowestInWarmup = new AtomicLong();
        List<Thread> clients = new ArrayList<>();
        for (int c = 0; c < connections; c++) {
            int client = c;
            KeepAliveConnection connection = open.get(c);
            Thread thread = new Thread(() -> {
                Map<String, List<Long>> mine = new java.util.HashMap<>();
                long due = start + interval * client / connections;
                for (long round = 0; due < end; round++) {
                    for (String[] call : workload(client, round)) {
                        long wait = due - System.nanoTime();
                        if (wait > 0) {
                            java.util.concurrent.locks.LockSupport.parkNanos(wait);
                        }
                        try {
                            int status = connection.exchange(call[0], call[1], call[2]);
                            statuses.computeIfAbsent(status, s -> new LongAdder()).increment();
                        } catch (IOException | RuntimeException e) {
                            countFailure(failures, e);
                        }
                        long took = System.nanoTime() - due;
                        if (due < recordFrom) {
                            slowestInWarmup.accumulateAndGet(took, Math::max);
                        } else {
                            mine.computeIfAbsent(call[3], k -> new ArrayList<>()).add(took);
                            int second = (int) ((due - recordFrom) / 1_000_000_000L);
                            worstBySecond.accumulateAndGet(Math.min(second, worstBySecond.length() - 1), took, Math::max);
                        }
                        due += interval;
                    }
                }
                reopened.add(connection.reopened());
                perClient.add(mine);
            }, "soak-paced-client-" + c);
            thread.setDaemon(true);
            clients.add(thread);
            thread.start();
        }
        long peakKib = awaitClients(clients, end, serverPid);
        for (KeepAliveConnection connection : open) {
            connection.close();
        }
        Map<String, List<Long>> latencies = merged(perClient);
        System.out.printf("paced: %,d exchanges a second asked for, one connection per client (%,d opened again after"
                + " the server closed them); the first %d s warmed the server up and are not in the latencies (slowest exchange"
                + " then: %,d ms), while the answers by status and the failures below count them too%n", rate, reopened.sum(), PACED_WARMUP.toSeconds(), slowestInWarmup.get() / 1_000_000);
        report(seconds, connections, latencies, statuses, failures, peakKib);
        StringBuilder worst = new StringBuilder("slowest exchange in each second of the run (ms):");
        for (int second = 0; second < worstBySecond.length(); second++) {
            worst.append(' ').append(worstBySecond.get(second) / 1_000_000);
        }
        System.out.println(worst);
    }

    /** Waits for the end of the run and for the clients, watching the server's peak resident memory; returns it in KiB. */
    private static long awaitClients(List<Thread> clients, long end, long serverPid) throws InterruptedException {
        long peakKib = 0;
        while (System.nanoTime() < end) {
            Thread.sleep(500);
            peakKib = Math.max(peakKib, peakResidentKib(serverPid));
        }
        for (Thread client : clients) {
            client.join(Duration.ofSeconds(90).toMillis());
        }
        return Math.max(peakKib, peakResidentKib(serverPid));
    }

    /** Counts a failed exchange under its exception's class and message, cut at 100 characters. */
    private static void countFailure(Map<String, LongAdder> failures, Exception e) {
        String why = e.getClass().getSimpleName() + ": " + e.getMessage();
        failures.computeIfAbsent(why.length() > 100 ? why.substring(0, 100) : why, k -> new LongAdder()).increment();
    }

    /** The clients' latencies by operation, all in one map. */
    private static Map<String, List<Long>> merged(java.util.Queue<Map<String, List<Long>>> perClient) {
        Map<String, List<Long>> latencies = new java.util.TreeMap<>();
        perClient.forEach(mine -> mine.forEach((operation, times) ->
                latencies.computeIfAbsent(operation, k -> new ArrayList<>()).addAll(times)));
        return latencies;
    }

    /** One round of a client: reads, then a job written, stopped and deleted on each API. */
    private static List<String[]> workload(int client, long round) {
        String id = "soak-" + client + "-" + round;
        return List.of(
                new String[] {"GET", "/api/jobs", null, "openYuanrong list"},
                new String[] {"POST", "/api/jobs", "{\"entrypoint\": \"python a.py\", \"submission_id\": \"" + id + "\", " + ENV + "}",
                        "openYuanrong submit"},
                new String[] {"GET", "/api/jobs/app-" + id, null, "openYuanrong get"},
                new String[] {"POST", "/api/jobs/app-" + id + "/stop", null, "openYuanrong stop"},
                new String[] {"DELETE", "/api/jobs/app-" + id, null, "openYuanrong delete"},
                new String[] {"GET", "/v1/soak/dev-servers/jobs", null, "ModelArts list"},
                new String[] {"GET", "/v1/soak/dev-servers/jobs/templates", null, "ModelArts templates"});
    }

    /** The process's peak resident set size in KiB, from {@code /proc} (0 where there is none). */
    private static long peakResidentKib(long pid) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/" + pid + "/status"))) {
                if (line.startsWith("VmHWM:")) {
                    return Long.parseLong(line.replaceAll("\\D", ""));
                }
            }
        } catch (IOException | NumberFormatException e) {
            // not Linux, or the process is gone
        }
        return 0;
    }

    private static void report(int seconds, int connections, Map<String, List<Long>> latencies,
                               Map<Integer, LongAdder> statuses, Map<String, LongAdder> failed, long peakKib) {
        long total = latencies.values().stream().mapToLong(List::size).sum();
        long failures = failed.values().stream().mapToLong(LongAdder::sum).sum();
        System.out.printf("%d connections for %d s: %,d exchanges, %,.0f per second; %d failed to connect or read;"
                + " server peak RSS %,d MiB%n", connections, seconds, total, total / (double) seconds, failures, peakKib / 1024);
        System.out.println("answers by status: " + new java.util.TreeMap<>(statuses));
        new java.util.TreeMap<>(failed).forEach((why, count) -> System.out.printf("failed %,d times: %s%n", count.sum(), why));
        long[] all = latencies.values().stream().flatMap(List::stream).mapToLong(Long::longValue).sorted().toArray();
        System.out.printf("all exchanges: p50 %.1f ms, p99 %.1f ms, max %.1f ms%n", percentile(all, 0.50) / 1e6,
                percentile(all, 0.99) / 1e6, all.length == 0 ? 0 : all[all.length - 1] / 1e6);
        System.out.println("| Operation | exchanges | p50 | p99 |");
        System.out.println("| --- | --- | --- | --- |");
        latencies.forEach((operation, times) -> {
            long[] sorted = times.stream().mapToLong(Long::longValue).sorted().toArray();
            System.out.printf("| %s | %,d | %.1f ms | %.1f ms |%n", operation, sorted.length,
                    percentile(sorted, 0.50) / 1e6, percentile(sorted, 0.99) / 1e6);
        });
    }

    private static long percentile(long[] sorted, double p) {
        return sorted.length == 0 ? 0 : sorted[Math.min(sorted.length - 1, (int) Math.ceil(p * sorted.length) - 1)];
    }
}
