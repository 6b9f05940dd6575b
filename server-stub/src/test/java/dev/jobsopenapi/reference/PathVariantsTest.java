package dev.jobsopenapi.reference;

import com.fasterxml.jackson.databind.JsonNode;
import dev.jobsopenapi.conformance.ApiContract;
import dev.jobsopenapi.conformance.DocumentedExample;
import dev.jobsopenapi.conformance.http.ValidatingProxy;
import dev.jobsopenapi.signing.AkSkCredentials;
import dev.jobsopenapi.signing.AkSkSigner;
import dev.jobsopenapi.specs.BundledSpec;
import dev.jobsopenapi.specs.SpecTree;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * No spelling of a path walks past a front door or reaches another operation. Every operation of both APIs is called
 * through generated variants of its path (a matrix parameter on a segment, dot segments, a doubled slash,
 * percent-encoded letters and slashes, a changed case, a trailing slash) on the reference server with AK/SK and JWT
 * required, directly and through the validating proxy: without credentials no variant is ever served (2xx); with
 * them, a variant of a reading operation gets the very answer of the plain path or a 4xx, never another operation's
 * answer and never a 5xx.
 */
class PathVariantsTest {

    private static final AkSkCredentials KEYS = AkSkCredentials.of("HPUAVARIANTS", "variants-secret-key-0123456789");
    private static final String JWT_SECRET = "a-secret-of-at-least-32-bytes-for-path-variants";
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private static final ApiContract MODELARTS = ApiContract.bundled(BundledSpec.MODELARTS_DEVSERVER_JOBS);
    private static final ApiContract OPENYUANRONG = ApiContract.bundled(BundledSpec.OPENYUANRONG_JOBS);

    /** One operation, its plain path (parameters taken from its documented answer) and its documented request body. */
    record Call(String api, String operationId, String method, String plainPath, String body) {
        boolean reads() {
            return method.equals("GET");
        }
    }

    /**
     * Where a request enters: the server itself, or the validating proxy in front of it (for ModelArts with credentials,
     * the proxy that re-signs each request for its upstream; without, one that does not).
     */
    enum Door { SERVER, PROXY }

    private static ReferenceServer server;
    private static ValidatingProxy modelArtsProxy;
    private static ValidatingProxy openYuanrongProxy;
    private static ValidatingProxy resigningProxy;
    private static String jwt;

    @BeforeContainer
    static void start() {
        server = ReferenceServer.start("127.0.0.1", 0, FrontDoor.open().withAkSk(KEYS).withJwtSecret(JWT_SECRET));
        modelArtsProxy = ValidatingProxy.start(MODELARTS, server.baseUri(), ValidatingProxy.Options.defaults());
        openYuanrongProxy = ValidatingProxy.start(OPENYUANRONG, server.baseUri(), ValidatingProxy.Options.defaults());
        resigningProxy = ValidatingProxy.start(MODELARTS, server.baseUri(), ValidatingProxy.Options.defaults().resign(KEYS));
        jwt = FrontendJwt.mint(JWT_SECRET, "tenant-1", "developer", Instant.now().plus(Duration.ofHours(1)));
    }

    @AfterContainer
    static void stop() {
        resigningProxy.close();
        openYuanrongProxy.close();
        modelArtsProxy.close();
        server.close();
    }

    static List<Call> calls() {
        List<Call> calls = new ArrayList<>();
        for (ApiContract contract : List.of(MODELARTS, OPENYUANRONG)) {
            for (SpecTree.Route route : SpecTree.routes(contract.document())) {
                String path = route.pathTemplate().replace("{project_id}", "proj-1");
                // the ids of the operation's documented answer; the stop and delete of a job answer none: getJob's
                JsonNode documented = contract.example(route.operationId(), "200")
                        .or(() -> contract.example("getJob", "200")).map(DocumentedExample::value)
                        .orElse(com.fasterxml.jackson.databind.node.MissingNode.getInstance());
                path = path.replace("{id}", documented.path("id").asText("0319470a-7fad-452e-bff0-d3ba3bd83955"))
                        .replace("{submissionId}", documented.path("submission_id").asText("app-1"));
                String body = contract.example(route.operationId(), DocumentedExample.REQUEST)
                        .map(e -> e.value().toString()).orElse(null);
                calls.add(new Call(contract.name(), route.operationId(), route.method(), path, body));
            }
        }
        return calls;
    }

    /** A variant of the plain path: one change at one segment. */
    static String variant(String plain, int kind, int at, String extra) {
        List<String> segments = new ArrayList<>(List.of(plain.substring(1).split("/")));
        int i = Math.floorMod(at, segments.size());
        String s = segments.get(i);
        switch (kind) {
            case 0 -> segments.set(i, s + ";" + extra);                                    // matrix parameter
            case 1 -> segments.add(i, List.of(".", "%2e", "x/..", "x/%2E%2e").get(Math.floorMod(extra.length(), 4))); // dot segment
            case 2 -> segments.add(i, "");                                                 // doubled slash
            case 3 -> segments.set(i, encodeOneCharacter(s, extra.length()));              // percent-encoded letter
            case 4 -> segments.set(i, s.substring(0, s.length() / 2) + (extra.length() % 2 == 0 ? "%2F" : "%2f")
                    + s.substring(s.length() / 2));                                         // encoded slash
            case 5 -> segments.set(i, extra.length() % 2 == 0 ? s.toUpperCase(Locale.ROOT) : swapFirst(s)); // case change
            default -> segments.set(segments.size() - 1, segments.get(segments.size() - 1) + "/"); // trailing slash
        }
        return "/" + String.join("/", segments);
    }

    private static String encodeOneCharacter(String segment, int position) {
        int i = Math.floorMod(position, segment.length());
        return segment.substring(0, i) + String.format("%%%02X", (int) segment.charAt(i)) + segment.substring(i + 1);
    }

    private static String swapFirst(String segment) {
        char c = segment.charAt(0);
        char swapped = Character.isUpperCase(c) ? Character.toLowerCase(c) : Character.toUpperCase(c);
        return swapped + segment.substring(1);
    }

    @Provide
    Arbitrary<Call> anyCall() {
        return Arbitraries.of(calls());
    }

    @Provide
    Arbitrary<Call> aRead() {
        return Arbitraries.of(calls().stream().filter(Call::reads).toList());
    }

    @Provide
    Arbitrary<String> extra() {
        return Arbitraries.of("", "x", "x=1", "jsessionid=0a1b", "a=b;c", "%3B");
    }

    @Property(tries = 400)
    void withoutCredentialsNoVariantIsEverServed(@ForAll("anyCall") Call call, @ForAll Door door,
                                                 @ForAll("kinds") int kind, @ForAll("positions") int at,
                                                 @ForAll("extra") String extra) throws Exception {
        String path = variant(call.plainPath(), kind, at, extra);
        HttpResponse<String> answer = send(entry(door, call, false), call, path, false);
        assertTrue(answer.statusCode() >= 400 && answer.statusCode() < 500, () -> door + " " + call.method() + " " + path
                + " without credentials -> " + answer.statusCode() + " " + answer.body());
    }

    @Property(tries = 400)
    void withCredentialsAVariantIsTheSameOperationOrA4xx(@ForAll("aRead") Call call, @ForAll Door door,
                                                         @ForAll("kinds") int kind, @ForAll("positions") int at,
                                                         @ForAll("extra") String extra) throws Exception {
        URI entry = entry(door, call, true);
        HttpResponse<String> plain = send(entry, call, call.plainPath(), true);
        assertEquals(200, plain.statusCode(), () -> door + " " + call.plainPath() + " -> " + plain.body());
        String path = variant(call.plainPath(), kind, at, extra);
        HttpResponse<String> answer = send(entry, call, path, true);
        int status = answer.statusCode();
        assertTrue(status < 500, () -> door + " " + path + " -> " + status + " " + answer.body());
        if (status < 400 && kind == 5) {
            // A changed case may land in a parameter (another project, another id): served only as the same operation.
            assertEquals(java.util.Optional.of(call.operationId()), dev.jobsopenapi.specs.Router.bundled()
                    .resolve(call.method(), path).operationId(), () -> door + " " + path + " -> " + status);
        } else if (status < 400) {
            assertEquals(plain.body(), answer.body(), () -> door + " " + path + " was served as another operation than "
                    + call.operationId());
        }
    }

    @Provide
    Arbitrary<Integer> kinds() {
        return Arbitraries.integers().between(0, 6);
    }

    @Provide
    Arbitrary<Integer> positions() {
        return Arbitraries.integers().between(0, 7);
    }

    /** Where a call to this operation enters through the door (a proxy checks one API). */
    private static URI entry(Door door, Call call, boolean authenticated) {
        if (door == Door.SERVER) {
            return server.baseUri();
        }
        boolean modelArts = call.api().equals(MODELARTS.name());
        return (modelArts ? authenticated ? resigningProxy : modelArtsProxy : openYuanrongProxy).uri();
    }

    private static HttpResponse<String> send(URI entry, Call call, String path, boolean authenticated) throws Exception {
        URI uri = URI.create(entry + path);
        byte[] body = call.body() == null ? new byte[0] : call.body().getBytes(StandardCharsets.UTF_8);
        HttpRequest.Builder request = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(20))
                .method(call.method(), body.length == 0 ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(body));
        Map<String, List<String>> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        if (body.length > 0) {
            headers.put("Content-Type", List.of("application/json"));
        }
        if (authenticated && call.api().equals(OPENYUANRONG.name())) {
            headers.put("X-Auth", List.of(jwt));
        }
        headers.forEach((name, values) -> values.forEach(value -> request.header(name, value)));
        boolean signedHere = authenticated && call.api().equals(MODELARTS.name()) && uri.getPort() == server.baseUri().getPort();
        if (signedHere) { // through the re-signing proxy the proxy signs for its upstream
            AkSkSigner.of(KEYS).sign(call.method(), uri, headers, body).forEach(request::setHeader);
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
