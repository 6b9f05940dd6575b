package dev.jobsopenapi.mock.junit;

import dev.jobsopenapi.reference.Fault;
import dev.jobsopenapi.reference.Faults;
import dev.jobsopenapi.reference.FrontDoor;
import dev.jobsopenapi.reference.ReferenceServer;
import dev.jobsopenapi.signing.AkSkCredentials;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolutionException;
import org.junit.jupiter.api.extension.ParameterResolver;

import java.net.URI;
import java.util.Objects;

/**
 * The mock server of both APIs (ModelArts DevServer jobs under {@code /v1/...}, openYuanrong jobs under
 * {@code /api/jobs}) in a JUnit 5 test: before each test a fresh server starts on a free loopback port, seeded from
 * the specs' examples, and after it the server stops, so no test sees another's jobs or faults.
 *
 * <pre>{@code
 * @RegisterExtension
 * static MockServerExtension mock = MockServerExtension.create();
 *
 * @Test
 * void readsTheJobs(URI baseUri) {             // or mock.baseUri()
 *     mock.inject("listJobs", Fault.drop("/0/status"));   // this test's answers lack a field
 *     ...
 * }
 * }</pre>
 *
 * <p>Test methods may take the server's base {@link URI}, the {@link ReferenceServer} or its {@link Faults} as
 * parameters. {@link MockServerTest @MockServerTest} registers an open server (no credentials checked);
 * {@link #withAkSk} and {@link #withJwtSecret} make one that demands them.
 */
public final class MockServerExtension implements BeforeEachCallback, AfterEachCallback, ParameterResolver {

    private final FrontDoor frontDoor;
    private volatile ReferenceServer server;

    /** An open server: neither AK/SK signatures nor tokens are checked. Used by {@link MockServerTest}. */
    public MockServerExtension() {
        this(FrontDoor.open());
    }

    private MockServerExtension(FrontDoor frontDoor) {
        this.frontDoor = frontDoor;
    }

    /** An open server, for a {@code @RegisterExtension} field. */
    public static MockServerExtension create() {
        return new MockServerExtension();
    }

    /** The same, whose ModelArts requests must be signed (SDK-HMAC-SHA256) with this key pair. */
    public MockServerExtension withAkSk(AkSkCredentials credentials) {
        return new MockServerExtension(frontDoor.withAkSk(credentials));
    }

    /** The same, whose openYuanrong requests need a JWT of role {@code developer} signed with this secret. */
    public MockServerExtension withJwtSecret(String secret) {
        return new MockServerExtension(frontDoor.withJwtSecret(secret));
    }

    /** The running server's base URI, for example {@code http://127.0.0.1:41234}; only while a test runs. */
    public URI baseUri() {
        return running().baseUri();
    }

    /** The running server (its {@link ReferenceServer#faults() faults} too); only while a test runs. */
    public ReferenceServer server() {
        return running();
    }

    /** Makes this test's answers of the operation misbehave (see {@link Fault}); gone after the test. */
    public MockServerExtension inject(String operationId, Fault... faults) {
        running().faults().inject(operationId, faults);
        return this;
    }

    /**
     * The configuration parameter (or system property: {@code mvn test -Djobs-openapi.mock.fault=...}) that makes
     * every test's server answer one operation wrongly, written as the command-line mock's {@code --fault}:
     * {@code OPERATION_ID=KIND:ARGUMENT}, for example {@code listJobs=drop:/0/submission_id}. A switch to see a
     * conformance test go red without editing it.
     */
    public static final String FAULT_PARAMETER = "jobs-openapi.mock.fault";

    @Override
    public void beforeEach(ExtensionContext context) {
        java.util.Optional<Faults.Injection> fault = context.getConfigurationParameter(FAULT_PARAMETER)
                .filter(text -> !text.isBlank()).map(Faults.Injection::parse);
        ReferenceServer started = ReferenceServer.start("127.0.0.1", 0, java.time.Clock.systemUTC(), frontDoor);
        try {
            fault.ifPresent(started.faults()::inject);
        } catch (IllegalArgumentException e) {
            started.close();
            throw new IllegalArgumentException(FAULT_PARAMETER + ": " + e.getMessage(), e);
        }
        server = started;
    }

    @Override
    public void afterEach(ExtensionContext context) {
        ReferenceServer running = server;
        server = null;
        if (running != null) {
            running.close();
        }
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        Class<?> type = parameter.getParameter().getType();
        return type == URI.class || type == ReferenceServer.class || type == Faults.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        Class<?> type = parameter.getParameter().getType();
        ReferenceServer running = server;
        if (running == null) {
            throw new ParameterResolutionException("the mock server runs only during a test method (and its @BeforeEach"
                    + " and @AfterEach methods), not for " + parameter.getDeclaringExecutable());
        }
        return type == URI.class ? running.baseUri() : type == Faults.class ? running.faults() : running;
    }

    private ReferenceServer running() {
        return Objects.requireNonNull(server, "the mock server runs only while a test runs (between @BeforeEach and @AfterEach)");
    }
}
