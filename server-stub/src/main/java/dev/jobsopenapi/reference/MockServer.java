package dev.jobsopenapi.reference;

import dev.jobsopenapi.signing.AkSkCredentials;

import java.io.PrintStream;
import java.util.concurrent.CountDownLatch;

/**
 * Runs the reference server until stopped (Ctrl-C), serving the documented examples of both APIs.
 *
 * <pre>
 * java -jar jobs-openapi-mock-server.jar [--port 8080] [--host 127.0.0.1] [--ak AK --sk SK] [--jwt-secret SECRET]
 *     [--max-jobs N] [--max-stored-mib N] [--max-array-items N] [--threads N] [--backlog N]
 *     [--max-connections N] [--request-seconds N] [--response-seconds N] [--fault OPERATION_ID=KIND:ARGUMENT]...
 * </pre>
 *
 * <p>Open by default. With AK/SK credentials ({@code --ak}/{@code --sk}, or the vendor's
 * {@code HUAWEICLOUD_SDK_AK}/{@code HUAWEICLOUD_SDK_SK}) every ModelArts request must be signed with them; with
 * a JWT secret ({@code --jwt-secret}, or {@code JOBS_OPENAPI_JWT_SECRET}) every openYuanrong request needs a
 * token of role {@code developer} signed with it, and the banner prints one. No secret is ever printed.
 */
public final class MockServer {

    private MockServer() {
    }

    /** The environment variable the JWT secret is read from when {@code --jwt-secret} is not given. */
    public static final String JWT_SECRET_VARIABLE = "JOBS_OPENAPI_JWT_SECRET";

    private static final String USAGE = """
            usage: java -jar jobs-openapi-mock-server.jar [--port 8080] [--host 127.0.0.1] [--ak AK --sk SK] [--jwt-secret SECRET]
                   [--max-jobs N] [--max-stored-mib N] [--max-array-items N] [--threads N] [--backlog N]
                   [--max-connections N] [--request-seconds N] [--response-seconds N] [--fault OPERATION_ID=KIND:ARGUMENT]...
              --ak, --sk      ModelArts requests must be signed (SDK-HMAC-SHA256) with this key pair; without them the
                              vendor's HUAWEICLOUD_SDK_AK and HUAWEICLOUD_SDK_SK are used when set; else ModelArts is open
              --jwt-secret    openYuanrong requests need a JWT of role developer signed (HS256) with this secret; without
                              it JOBS_OPENAPI_JWT_SECRET is used when set; else openYuanrong is open
              --max-jobs N          jobs each API may hold, seed jobs included (default 10000); beyond it a create or
                                    submit is a 400 in the API's error shape, until a job is deleted
              --max-stored-mib N    MiB of created jobs each API may hold, as JSON (default 256)
              --max-array-items N   entries one array or map of a request may carry (default 1000)
              --threads N           exchanges served at once; more wait their turn (default 32)
              --backlog N           connections the operating system queues before they are accepted (default 1024)
              --max-connections N   connections held open at once, idle ones included; beyond it new ones wait in the
                                    backlog until one closes (default 4096)
              --request-seconds N   the most a request's head (request line and headers) may take to arrive (default 10)
              --response-seconds N  the most a connection may stay idle, reading or writing (default 30); each whole
                                    exchange, body and answer included, ends after the two times together
              --fault OP=KIND:ARG   answer operation OP wrongly, on purpose, to test a client or a checker (repeatable):
                                    status:503 (another status), body:{"data":[]} (another JSON body), drop:/data/0/id
                                    (leave out a field), retype:/data/0/create_at (change its JSON type), delay:2s
            A secret on the command line is visible to other users in the process list: prefer the variables.""";

    public static void main(String[] args) throws InterruptedException {
        QuietLog.install(System.err); // one line per refused or aborted exchange at most, rate-limited
        String host = "127.0.0.1";
        int port = 8080;
        String ak = null;
        String sk = null;
        String jwtSecret = System.getenv(JWT_SECRET_VARIABLE);
        boolean jwtFromFlag = false;
        FrontDoor frontDoor = FrontDoor.open();
        String akSkSource = null;
        PrintStream err = System.err;
        ServerLimits limits = ServerLimits.defaults();
        java.util.List<String> faults = new java.util.ArrayList<>();
        try {
            for (int i = 0; i < args.length; i++) {
                switch (args[i]) {
                    case "--port" -> port = port(value(args, ++i));
                    case "--host" -> host = value(args, ++i);
                    case "--ak" -> ak = value(args, ++i);
                    case "--sk" -> sk = value(args, ++i);
                    case "--jwt-secret" -> {
                        jwtSecret = value(args, ++i);
                        jwtFromFlag = true;
                    }
                    case "--max-jobs" -> limits = limits.withMaxJobs(count(args[i], value(args, ++i)));
                    case "--max-stored-mib" -> limits = limits.withMaxStoredMib(count(args[i], value(args, ++i)));
                    case "--max-array-items" -> limits = limits.withMaxArrayItems(count(args[i], value(args, ++i)));
                    case "--threads" -> limits = limits.withWorkerThreads(count(args[i], value(args, ++i)));
                    case "--backlog" -> limits = limits.withBacklog(count(args[i], value(args, ++i)));
                    case "--max-connections" -> limits = limits.withMaxConnections(count(args[i], value(args, ++i)));
                    case "--request-seconds" -> limits = limits.withTimes(
                            java.time.Duration.ofSeconds(count(args[i], value(args, ++i))), limits.responseTime());
                    case "--response-seconds" -> limits = limits.withTimes(limits.requestTime(),
                            java.time.Duration.ofSeconds(count(args[i], value(args, ++i))));
                    case "--fault" -> {
                        String fault = value(args, ++i);
                        int equals = fault.indexOf('=');
                        Fault.parse(equals < 0 ? fault : fault.substring(equals + 1)); // the form, before anything listens
                        faults.add(fault);
                    }
                    case "--help", "-h" -> {
                        System.out.println(USAGE);
                        return;
                    }
                    default -> throw new IllegalArgumentException("unknown argument " + args[i]);
                }
            }
            if (port < 0 || port > 65535) {
                throw new IllegalArgumentException("--port must be between 0 and 65535");
            }
            try {
                ListenAddress.parse(host, port); // refused here, before anything listens, never widened to every interface
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("--host " + e.getMessage());
            }
            if ((ak == null) != (sk == null)) {
                throw new IllegalArgumentException("--ak and --sk go together");
            }
            if (ak != null) {
                frontDoor = frontDoor.withAkSk(AkSkCredentials.of(ak, sk));
                akSkSource = "--ak/--sk";
            } else {
                java.util.Optional<AkSkCredentials> fromEnvironment = AkSkCredentials.fromEnvironmentIfSet(System.getenv());
                if (fromEnvironment.isPresent()) {
                    frontDoor = frontDoor.withAkSk(fromEnvironment.get());
                    akSkSource = AkSkCredentials.AK_VARIABLE + "/" + AkSkCredentials.SK_VARIABLE;
                }
            }
            if (jwtSecret != null) {
                // Given but blank (an unset CI secret expands to ""): refused, never taken for "no token checked".
                if (jwtSecret.isBlank()) {
                    throw new IllegalArgumentException((jwtFromFlag ? "--jwt-secret" : JWT_SECRET_VARIABLE)
                            + " is empty or blank: give a secret, or leave it out for an open openYuanrong");
                }
                frontDoor = frontDoor.withJwtSecret(jwtSecret);
            }
        } catch (IllegalArgumentException | IllegalStateException e) {
            err.println("error: " + e.getMessage());
            err.println(USAGE);
            System.exit(2);
        }

        ReferenceServer server;
        try {
            server = ReferenceServer.start(host, port, java.time.Clock.systemUTC(), frontDoor, limits);
        } catch (RuntimeException e) {
            err.println("error: cannot serve on " + host + ":" + port + ": " + rootMessage(e));
            System.exit(2);
            return;
        }
        try {
            faults.forEach(server.faults()::inject);
        } catch (IllegalArgumentException e) {
            server.close();
            err.println("error: --fault " + e.getMessage());
            System.exit(2);
        }
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            server.close();
            System.out.println("mock server stopped");
            stopped.countDown();
        }, "mock-server-shutdown"));

        System.out.println("jobs-openapi mock server, serving the documented examples (Ctrl-C stops it)");
        System.out.println("ModelArts DevServer jobs: " + server.baseUri() + "/v1/{project_id}/dev-servers/jobs");
        System.out.println("openYuanrong jobs:        " + server.baseUri() + "/api/jobs");
        String source = akSkSource;
        frontDoor.akSk().ifPresentOrElse(
                keys -> System.out.println("ModelArts requests must be signed with AK/SK (access key " + keys.accessKey()
                        + ", from " + source + ")"),
                () -> System.out.println("ModelArts: open (no AK/SK signature checked)"));
        if (frontDoor.requiresJwt()) {
            System.out.println("openYuanrong requests need a JWT of role developer in X-Auth; one valid for 24 hours:");
            System.out.println(FrontendJwt.mint(frontDoor.jwtSecret().orElseThrow(), "demo-tenant", FrontendJwt.DEVELOPER,
                    java.time.Instant.now().plus(java.time.Duration.ofHours(24))));
        } else {
            System.out.println("openYuanrong: open (no token checked)");
        }
        faults.forEach(fault -> System.out.println("fault: " + fault + " (answered wrongly on purpose)"));
        stopped.await();
    }

    private static int port(String text) {
        try {
            return Integer.parseInt(text);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("--port takes a number, not '" + text + "'");
        }
    }

    /** A whole number from 1 to 1,000,000 for the option. */
    private static int count(String option, String text) {
        try {
            int n = Integer.parseInt(text);
            if (n >= 1 && n <= 1_000_000) {
                return n;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new IllegalArgumentException(option + " takes a whole number from 1 to 1000000, not '"
                + (text.length() > 20 ? text.substring(0, 20) + "…" : text) + "'");
    }

    private static String value(String[] args, int i) {
        if (i >= args.length) {
            throw new IllegalArgumentException(args[i - 1] + " needs a value");
        }
        return args[i];
    }

    private static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null) {
            root = root.getCause();
        }
        return root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
    }
}
