package dev.jobsopenapi.reference;

import dev.jobsopenapi.signing.AkSkCredentials;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

import java.io.PrintStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;

/**
 * Runs the reference server until stopped (Ctrl-C), serving the documented examples of both APIs;
 * {@code java -jar jobs-openapi-mock-server.jar --help} lists the options.
 *
 * <p>Open by default. With AK/SK credentials ({@code --ak}/{@code --sk}, or the vendor's
 * {@code HUAWEICLOUD_SDK_AK}/{@code HUAWEICLOUD_SDK_SK}) every ModelArts request must be signed with them; with
 * a JWT secret ({@code --jwt-secret}, or {@code JOBS_OPENAPI_JWT_SECRET}) every openYuanrong request needs a
 * token of role {@code developer} signed with it, and the banner prints one. No secret is ever printed. Exit 2 for
 * a usage error or an address it cannot serve on.
 */
@Command(name = "java -jar jobs-openapi-mock-server.jar", mixinStandardHelpOptions = true,
        versionProvider = MockServer.Version.class, sortOptions = false, usageHelpWidth = 110,
        synopsisHeading = "usage: ", abbreviateSynopsis = true,
        description = "Serves the documented examples of the ModelArts DevServer and openYuanrong job APIs until Ctrl-C.",
        footerHeading = "%nExamples:%n",
        footer = {"  java -jar jobs-openapi-mock-server.jar --port 0",
                "  java -jar jobs-openapi-mock-server.jar --port 0 --fault listJobs=drop:/0/submission_id",
                "  JOBS_OPENAPI_JWT_SECRET=s3cret java -jar jobs-openapi-mock-server.jar --port 8080",
                "",
                "A secret on the command line is visible to other users in the process list: prefer the variables."})
public final class MockServer implements Callable<Integer> {

    /** The environment variable the JWT secret is read from when {@code --jwt-secret} is not given. */
    public static final String JWT_SECRET_VARIABLE = "JOBS_OPENAPI_JWT_SECRET";

    @Option(names = "--port", paramLabel = "N", description = "where to listen (default 8080; 0: any free port, printed)")
    String port = "8080";

    @Option(names = "--host", paramLabel = "ADDRESS", description = "an IP address to listen on (default 127.0.0.1, loopback only)")
    String host = "127.0.0.1";

    @Option(names = "--ak", paramLabel = "AK", description = "ModelArts requests must be signed (SDK-HMAC-SHA256) with this"
            + " key pair (with --sk); without them the vendor's HUAWEICLOUD_SDK_AK and HUAWEICLOUD_SDK_SK are used when set;"
            + " else ModelArts is open")
    String ak;

    @Option(names = "--sk", paramLabel = "SK", description = "the secret key that goes with --ak")
    String sk;

    @Option(names = "--jwt-secret", paramLabel = "SECRET", description = "openYuanrong requests need a JWT of role developer"
            + " signed (HS256) with this secret; without it " + JWT_SECRET_VARIABLE + " is used when set; else openYuanrong is open")
    String jwtSecret;

    @Option(names = "--max-jobs", paramLabel = "N", description = "jobs each API may hold, seed jobs included (default"
            + " 10000); beyond it a create or submit is a 400 in the API's error shape, until a job is deleted")
    String maxJobs;

    @Option(names = "--max-stored-mib", paramLabel = "N", description = "MiB of created jobs each API may hold, as JSON (default 256)")
    String maxStoredMib;

    @Option(names = "--max-array-items", paramLabel = "N", description = "entries one array or map of a request may carry (default 1000)")
    String maxArrayItems;

    @Option(names = "--threads", paramLabel = "N", description = "exchanges served at once; more wait their turn (default 32)")
    String threads;

    @Option(names = "--backlog", paramLabel = "N",
            description = "connections the operating system queues before they are accepted (default 1024)")
    String backlog;

    @Option(names = "--max-connections", paramLabel = "N", description = "connections held open at once, idle ones included;"
            + " beyond it new ones wait in the backlog until one closes (default 4096)")
    String maxConnections;

    @Option(names = "--request-seconds", paramLabel = "N",
            description = "the most a request's head (request line and headers) may take to arrive (default 10)")
    String requestSeconds;

    @Option(names = "--response-seconds", paramLabel = "N", description = "the most a connection may stay idle, reading or"
            + " writing (default 30); each whole exchange, body and answer included, ends after the two times together")
    String responseSeconds;

    @Option(names = "--fault", paramLabel = "OP=KIND:ARG", converter = InjectionConverter.class,
            description = "answer operation OP wrongly, on purpose, to test a client or a checker (repeatable): status:503"
                    + " (another status), body:{\"data\":[]} (another JSON body), drop:/data/0/id (leave out a field),"
                    + " retype:/data/0/create_at (change its JSON type), delay:2s")
    List<Faults.Injection> faults = new ArrayList<>();

    @Spec
    CommandLine.Model.CommandSpec spec;

    private MockServer() {
    }

    public static void main(String[] args) {
        QuietLog.install(System.err); // one line per refused or aborted exchange at most, rate-limited
        CommandLine commandLine = new CommandLine(new MockServer());
        commandLine.setParameterExceptionHandler((e, ignored) -> {
            PrintStream err = System.err;
            err.println("error: " + e.getMessage());
            err.println("usage: " + e.getCommandLine().getHelp().synopsis(0).strip());
            err.println("Run 'java -jar jobs-openapi-mock-server.jar --help' for the options and examples.");
            return 2;
        });
        System.exit(commandLine.execute(args));
    }

    @Override
    public Integer call() throws InterruptedException {
        ServerLimits limits = limits();
        int portNumber = port();
        try {
            ListenAddress.parse(host, portNumber); // refused here, before anything listens, never widened to every interface
        } catch (IllegalArgumentException e) {
            throw usage("--host " + e.getMessage());
        }
        FrontDoor frontDoor = FrontDoor.open();
        String akSkSource = null;
        try {
            if ((ak == null) != (sk == null)) {
                throw usage("--ak and --sk go together");
            }
            if (ak != null) {
                frontDoor = frontDoor.withAkSk(AkSkCredentials.of(ak, sk));
                akSkSource = "--ak/--sk";
            } else {
                Optional<AkSkCredentials> fromEnvironment = AkSkCredentials.fromEnvironmentIfSet(System.getenv());
                if (fromEnvironment.isPresent()) {
                    frontDoor = frontDoor.withAkSk(fromEnvironment.get());
                    akSkSource = AkSkCredentials.AK_VARIABLE + "/" + AkSkCredentials.SK_VARIABLE;
                }
            }
        } catch (IllegalArgumentException | IllegalStateException e) {
            throw usage(e.getMessage());
        }
        String secret = jwtSecret != null ? jwtSecret : System.getenv(JWT_SECRET_VARIABLE);
        if (secret != null) {
            // Given but blank (an unset CI secret expands to ""): refused, never taken for "no token checked".
            if (secret.isBlank()) {
                throw usage((jwtSecret != null ? "--jwt-secret" : JWT_SECRET_VARIABLE)
                        + " is empty or blank: give a secret, or leave it out for an open openYuanrong");
            }
            frontDoor = frontDoor.withJwtSecret(secret);
        }

        ReferenceServer server;
        try {
            server = ReferenceServer.start(host, portNumber, java.time.Clock.systemUTC(), frontDoor, limits);
        } catch (RuntimeException e) {
            System.err.println("error: cannot serve on " + host + ":" + portNumber + ": " + rootMessage(e));
            return 2;
        }
        try {
            faults.forEach(server.faults()::inject);
        } catch (IllegalArgumentException e) {
            server.close();
            throw usage("--fault " + e.getMessage());
        }
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            server.close();
            System.out.println("mock server stopped");
            stopped.countDown();
        }, "mock-server-shutdown"));
        banner(server, frontDoor, akSkSource);
        stopped.await();
        return 0;
    }

    private void banner(ReferenceServer server, FrontDoor frontDoor, String akSkSource) {
        System.out.println("jobs-openapi mock server, serving the documented examples (Ctrl-C stops it)");
        System.out.println("ModelArts DevServer jobs: " + server.baseUri() + "/v1/{project_id}/dev-servers/jobs");
        System.out.println("openYuanrong jobs:        " + server.baseUri() + "/api/jobs");
        frontDoor.akSk().ifPresentOrElse(
                keys -> System.out.println("ModelArts requests must be signed with AK/SK (access key " + keys.accessKey()
                        + ", from " + akSkSource + ")"),
                () -> System.out.println("ModelArts: open (no AK/SK signature checked)"));
        if (frontDoor.requiresJwt()) {
            System.out.println("openYuanrong requests need a JWT of role developer in X-Auth; one valid for 24 hours:");
            System.out.println(FrontendJwt.mint(frontDoor.jwtSecret().orElseThrow(), "demo-tenant", FrontendJwt.DEVELOPER,
                    java.time.Instant.now().plus(Duration.ofHours(24))));
        } else {
            System.out.println("openYuanrong: open (no token checked)");
        }
        faults.forEach(fault -> System.out.println("fault: " + fault + " (answered wrongly on purpose)"));
    }

    /** The limits the options set, the defaults for the others. */
    private ServerLimits limits() {
        ServerLimits limits = ServerLimits.defaults();
        if (maxJobs != null) {
            limits = limits.withMaxJobs(count("--max-jobs", maxJobs));
        }
        if (maxStoredMib != null) {
            limits = limits.withMaxStoredMib(count("--max-stored-mib", maxStoredMib));
        }
        if (maxArrayItems != null) {
            limits = limits.withMaxArrayItems(count("--max-array-items", maxArrayItems));
        }
        if (threads != null) {
            limits = limits.withWorkerThreads(count("--threads", threads));
        }
        if (backlog != null) {
            limits = limits.withBacklog(count("--backlog", backlog));
        }
        if (maxConnections != null) {
            limits = limits.withMaxConnections(count("--max-connections", maxConnections));
        }
        if (requestSeconds != null) {
            limits = limits.withTimes(Duration.ofSeconds(count("--request-seconds", requestSeconds)), limits.responseTime());
        }
        if (responseSeconds != null) {
            limits = limits.withTimes(limits.requestTime(), Duration.ofSeconds(count("--response-seconds", responseSeconds)));
        }
        return limits;
    }

    private int port() {
        return number("--port", port, 0, 65535);
    }

    /** A whole number from 1 to 1,000,000 for the option. */
    private int count(String option, String text) {
        return number(option, text, 1, 1_000_000);
    }

    /** The option's value as a whole number from {@code min} to {@code max}; a usage error otherwise. */
    private int number(String option, String text, int min, int max) {
        try {
            int n = Integer.parseInt(text);
            if (n >= min && n <= max) {
                return n;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw usage(option + " takes a whole number from " + min + " to " + max + ", not '" + shortened(text) + "'");
    }

    private ParameterException usage(String message) {
        return new ParameterException(spec.commandLine(), message);
    }

    private static String shortened(String text) {
        return text.length() > 20 ? text.substring(0, 20) + "…" : text;
    }

    private static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null) {
            root = root.getCause();
        }
        return root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
    }

    /** Reads {@code --fault} with {@link Faults.Injection#parse}: a malformed one is refused before anything listens. */
    static final class InjectionConverter implements CommandLine.ITypeConverter<Faults.Injection> {
        @Override
        public Faults.Injection convert(String value) {
            try {
                return Faults.Injection.parse(value);
            } catch (IllegalArgumentException e) {
                throw new CommandLine.TypeConversionException(e.getMessage());
            }
        }
    }

    /** What {@code --version} prints: the jar's version. */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            String version = MockServer.class.getPackage().getImplementationVersion();
            return new String[] {"jobs-openapi mock server " + (version == null ? "(unpackaged)" : version)};
        }
    }
}
