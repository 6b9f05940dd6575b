package dev.jobsopenapi.reference;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.type.LogicalType;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.JsonNode;
import dev.jobsopenapi.specs.SpecTree;
import dev.jobsopenapi.specs.BundledSpec;
import dev.jobsopenapi.specs.RouteTable;
import dev.jobsopenapi.specs.Router;
import jakarta.ws.rs.ext.ContextResolver;
import jakarta.ws.rs.ext.Provider;
import org.glassfish.jersey.jackson.JacksonFeature;
import org.glassfish.jersey.server.ResourceConfig;
import org.glassfish.jersey.server.ServerProperties;
import org.glassfish.jersey.servlet.ServletContainer;
import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.eclipse.jetty.ee10.servlet.ServletHolder;
import org.eclipse.jetty.http.UriCompliance;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.NetworkConnectionLimit;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.util.thread.QueuedThreadPool;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.time.Clock;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The reference implementation of both APIs, served by Jersey on Eclipse Jetty. Both APIs share
 * one root: ModelArts under {@code /v1/...}, openYuanrong under {@code /api/...}.
 *
 * <pre>{@code
 * try (ReferenceServer server = ReferenceServer.start("127.0.0.1", 0)) {
 *     URI base = server.baseUri();   // http://127.0.0.1:PORT
 * }
 * }</pre>
 */
public final class ReferenceServer implements AutoCloseable {

    /**
     * The resources carry their {@code @Path} on the generated interfaces they implement, which Jersey routes
     * by; its provider check, which looks at the class alone, would still warn that they are "ignored".
     */
    private static final Logger JERSEY_PROVIDER_CHECK = Logger.getLogger("org.glassfish.jersey.internal.inject.Providers");

    /**
     * Hibernate Validator announces its version at INFO, through JBoss Logging to {@code java.util.logging} when no
     * other backend is present: a line on the console of every test that starts a server. Warnings still show.
     */
    private static final Logger VALIDATOR_VERSION = Logger.getLogger("org.hibernate.validator.internal.util.Version");

    static {
        JERSEY_PROVIDER_CHECK.setLevel(Level.SEVERE);
        VALIDATOR_VERSION.setLevel(Level.WARNING);
    }

    /**
     * Jackson as each API writes JSON. ModelArts leaves absent fields out; the openYuanrong frontend writes
     * every field of a job, {@code null} included (its Go structs have no {@code omitempty}), so its job
     * models are written with every property.
     */
    @Provider
    static final class VendorJson implements ContextResolver<ObjectMapper> {

        /** Marks a model class whose properties are all written, {@code null} ones too. */
        @JsonInclude(JsonInclude.Include.ALWAYS)
        private abstract static class EveryField {
        }

        /** A job: every field, in the order of the frontend's {@code AppInfo} struct. */
        @JsonInclude(JsonInclude.Include.ALWAYS)
        @JsonPropertyOrder({"key", "type", "entrypoint", "submission_id", "driver_info", "status", "start_time", "end_time",
                "metadata", "runtime_env", "driver_agent_http_address", "driver_node_id", "driver_exit_code", "error_type"})
        private abstract static class FrontendJob {
        }

        private final ObjectMapper mapper;

        /** Each array or map of a request carries at most {@code maxEntries} entries, counted as the body streams in. */
        VendorJson(int maxEntries) {
            this.mapper = mapper(maxEntries);
        }

        private static ObjectMapper mapper(int maxEntries) {
            return JsonMapper.builder(EntryLimit.factory(maxEntries))
                .serializationInclusion(JsonInclude.Include.NON_NULL)
                // A request with a key twice in one object is ambiguous: a 400, not "last one wins".
                .enable(com.fasterxml.jackson.core.JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
                .enable(com.fasterxml.jackson.databind.DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
                // A value of the wrong JSON type is a 400, as in the vendors' servers: no number read as a string,
                // no string read as a number or a boolean.
                .withCoercionConfig(LogicalType.Textual, c -> c.setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
                        .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
                        .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail))
                .withCoercionConfig(LogicalType.Integer, c -> c.setCoercion(CoercionInputShape.String, CoercionAction.Fail)
                        .setCoercion(CoercionInputShape.Float, CoercionAction.Fail))
                .withCoercionConfig(LogicalType.Float, c -> c.setCoercion(CoercionInputShape.String, CoercionAction.Fail))
                .withCoercionConfig(LogicalType.Boolean, c -> c.setCoercion(CoercionInputShape.String, CoercionAction.Fail)
                        .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail))
                .addMixIn(dev.jobsopenapi.openyuanrong.server.model.JobDetails.class, FrontendJob.class)
                .addMixIn(dev.jobsopenapi.openyuanrong.server.model.DriverInfo.class, EveryField.class)
                .addMixIn(dev.jobsopenapi.openyuanrong.server.model.JobRuntimeEnv.class, EveryField.class)
                .build();
        }

        @Override
        public ObjectMapper getContext(Class<?> type) {
            return mapper;
        }
    }

    /** Threads the engine keeps beside the workers: an acceptor and a selector. */
    private static final int ENGINE_THREADS = 2;

    private final Server server;
    private final URI baseUri;
    private final Faults faults;

    private ReferenceServer(Server server, URI baseUri, Faults faults) {
        this.server = server;
        this.baseUri = baseUri;
        this.faults = faults;
    }

    /**
     * Starts the server on the host and port (0 for any free port), seeded from the bundled specs' examples.
     *
     * @param host an IPv4 or IPv6 address ({@code ::1} or {@code [::1]}) or a host name; anything else is refused
     * @throws IllegalArgumentException when the host is not an address or name, or the port is out of range
     */
    public static ReferenceServer start(String host, int port) {
        return start(host, port, Clock.systemUTC());
    }

    /**
     * Starts the server as {@link #start(String, int)} does, with a clock that times the ModelArts jobs it
     * creates (a test can move it forward to see their tasks finish).
     */
    public static ReferenceServer start(String host, int port, Clock clock) {
        return start(host, port, clock, FrontDoor.open());
    }

    /**
     * Starts the server as {@link #start(String, int)} does, demanding the credentials the front door names
     * (AK/SK signatures for ModelArts, a JWT for openYuanrong).
     */
    public static ReferenceServer start(String host, int port, FrontDoor frontDoor) {
        return start(host, port, Clock.systemUTC(), frontDoor);
    }

    /** Starts the server with a clock (job timing, signature dates, token expiry) and a front door. */
    public static ReferenceServer start(String host, int port, Clock clock, FrontDoor frontDoor) {
        return start(host, port, clock, frontDoor, ServerLimits.defaults());
    }

    /**
     * Starts the server with a clock, a front door and limits, on Eclipse Jetty (Jersey as its servlet). Jetty reads
     * request heads on its selector, so slow clients hold no worker; a bounded pool of worker threads serves the
     * exchanges; the backlog bounds the connections queued before they are accepted; a request's head must arrive
     * within the request time, a connection idle for the response time is closed, and each whole exchange has one
     * deadline (the two times together). Nothing is set for the whole JVM: servers in one JVM are independent.
     */
    public static ReferenceServer start(String host, int port, Clock clock, FrontDoor frontDoor, ServerLimits limits) {
        InetSocketAddress asked = ListenAddress.parse(host, port);
        JsonNode modelArts = SpecTree.document(BundledSpec.MODELARTS_DEVSERVER_JOBS);
        JsonNode openYuanrong = SpecTree.document(BundledSpec.OPENYUANRONG_JOBS);
        Router router = router(modelArts, openYuanrong);
        VendorErrors errors = new VendorErrors(router);

        QueuedThreadPool workers = new QueuedThreadPool(limits.workerThreads() + ENGINE_THREADS,
                Math.min(4, limits.workerThreads() + ENGINE_THREADS), 30_000);
        workers.setName("reference-server");
        workers.setDaemon(true);
        workers.setReservedThreads(0);
        Server server = new Server(workers);
        HttpConfiguration http = new HttpConfiguration();
        http.setSendServerVersion(false);
        http.setSendXPoweredBy(false);
        // Every path reaches the router, which alone decides what a path means and refuses the ambiguous ones in the
        // API's words (Jetty's own checks would refuse some first, in its words).
        http.setUriCompliance(UriCompliance.UNSAFE);
        ServerConnector connector = new ServerConnector(server, 1, 1, new TargetKeepingConnections(http));
        connector.setHost(asked.getAddress().getHostAddress());
        connector.setPort(asked.getPort());
        connector.setAcceptQueueSize(limits.backlog());
        connector.setIdleTimeout(limits.responseTime().toMillis());
        server.addConnector(connector);
        server.addBean(new NetworkConnectionLimit(limits.maxConnections(), connector));
        server.addBean(new HeaderDeadline(connector, limits.requestTime()));

        ServletContextHandler context = new ServletContextHandler("/");
        context.getServletHandler().setDecodeAmbiguousURIs(true);
        Faults faults = new Faults(operationIds(router));
        context.addServlet(new ServletHolder(new ServletContainer(application(clock, frontDoor, limits, modelArts, openYuanrong,
                router, errors, faults))), "/*");
        server.setHandler(new ExchangeDeadline(limits.requestTime().plus(limits.responseTime()),
                new UnreadBodyCloses(new RoutingGate(router, errors, context))));
        EngineErrors engineErrors = new EngineErrors(errors);
        server.setErrorHandler(engineErrors);
        context.setErrorHandler(engineErrors);
        server.setStopTimeout(1_000);
        try {
            server.start();
        } catch (Exception e) {
            try {
                server.stop();
            } catch (Exception ignored) {
                // already failing
            }
            throw new UncheckedIOException("cannot listen on " + ListenAddress.uriHost(asked.getAddress()) + ":" + port
                    + ": " + e.getMessage(), e instanceof IOException io ? io : new IOException(e));
        }
        URI base = URI.create("http://" + ListenAddress.uriHost(asked.getAddress()) + ":" + connector.getLocalPort());
        return new ReferenceServer(server, base, faults);
    }

    private static java.util.Set<String> operationIds(Router router) {
        java.util.Set<String> ids = new java.util.TreeSet<>();
        router.tables().forEach(table -> table.routes().forEach(route -> ids.add(route.operationId())));
        return ids;
    }

    private static Router router(JsonNode modelArts, JsonNode openYuanrong) {
        return Router.of(List.of(RouteTable.of(BundledSpec.MODELARTS_DEVSERVER_JOBS.specName(), modelArts),
                RouteTable.of(BundledSpec.OPENYUANRONG_JOBS.specName(), openYuanrong)));
    }

    /**
     * The JAX-RS application: both resources over a store seeded from the bundled specs' examples, Jackson,
     * Bean Validation and the vendor error bodies. Each spec is parsed once.
     */
    public static ResourceConfig application() {
        return application(Clock.systemUTC());
    }

    /** The JAX-RS application of {@link #application()}, with the clock the ModelArts jobs are timed by. */
    public static ResourceConfig application(Clock clock) {
        return application(clock, FrontDoor.open());
    }

    /** The JAX-RS application of {@link #application(Clock)}, demanding the credentials the front door names. */
    public static ResourceConfig application(Clock clock, FrontDoor frontDoor) {
        return application(clock, frontDoor, ServerLimits.defaults());
    }

    /** The JAX-RS application of {@link #application(Clock, FrontDoor)}, its stores and requests within the limits. */
    public static ResourceConfig application(Clock clock, FrontDoor frontDoor, ServerLimits limits) {
        JsonNode modelArts = SpecTree.document(BundledSpec.MODELARTS_DEVSERVER_JOBS);
        JsonNode openYuanrong = SpecTree.document(BundledSpec.OPENYUANRONG_JOBS);
        Router router = router(modelArts, openYuanrong);
        return application(clock, frontDoor, limits, modelArts, openYuanrong, router, new VendorErrors(router),
                new Faults(operationIds(router)));
    }

    private static ResourceConfig application(Clock clock, FrontDoor frontDoor, ServerLimits limits, JsonNode modelArts,
                                              JsonNode openYuanrong, Router router, VendorErrors bodies, Faults faults) {
        ExampleJobStore store = ExampleJobStore.from(SpecTree.examples(modelArts), SpecTree.examples(openYuanrong));
        VendorErrorMapper errors = new VendorErrorMapper(bodies);
        VendorJson json = new VendorJson(limits.maxArrayItems());
        ResourceConfig config = new ResourceConfig().register(new RoutingFilter(router, errors));
        frontDoor.akSk().ifPresent(credentials -> config.register(new AkSkSignatureFilter(credentials, clock)));
        frontDoor.jwtSecret().ifPresent(secret -> config.register(new FrontendJwtFilter(secret, clock)));
        return config
                .register(new ModelArtsJobsResource(store, clock, limits))
                .register(new OpenYuanrongJobsResource(store, Clock.systemUTC(), limits))
                .register(JacksonFeature.withoutExceptionMappers())
                .register(json)
                .register(new FaultInjector(faults, json.getContext(Object.class)))
                .register(new StrictBooleanParameters())
                .register(new CodePointLengths())
                .register(errors)
                .register(new VendorErrorMapper.ValidationFailures(errors))
                .register(new HostileRequestFilter(errors))
                // Validation failures reach VendorErrorMapper instead of Jersey's own mapper.
                .property(ServerProperties.BV_SEND_ERROR_IN_RESPONSE, false)
                .property(ServerProperties.WADL_FEATURE_DISABLE, true);
    }

    /** For example {@code http://127.0.0.1:41234}. */
    public URI baseUri() {
        return baseUri;
    }

    /**
     * The faults this server applies to its answers, by operation id: none until a test or {@code --fault} injects
     * some, for example {@code server.faults().inject("listJobs", Fault.drop("/0/status"))}.
     */
    public Faults faults() {
        return faults;
    }

    /** Stops the server, letting exchanges in progress finish for up to a second. */
    @Override
    public void close() {
        try {
            server.stop();
        } catch (java.util.concurrent.TimeoutException stillOpen) {
            // Exchanges or idle keep-alive connections outlived the second they were given: closed all the same.
        } catch (Exception e) {
            throw new IllegalStateException("the reference server did not stop cleanly: " + e, e);
        }
    }
}
