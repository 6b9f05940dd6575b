package dev.jobsopenapi.signing;

import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The request hook signs exactly the method, URI, headers and body bytes the built request carries. */
class AkSkSigningInterceptorTest {

    private static final Instant NOW = Instant.parse("2026-12-03T08:00:00Z");
    private static final AkSkCredentials KEYS = AkSkCredentials.of("HPUAEXAMPLEAK", "s3cr3t").withProjectId("p1").withSecurityToken("tok");

    private static SignatureVerifier.Outcome signAndVerify(HttpRequest.Builder builder, byte[] body) {
        AkSkSigningInterceptor.with(AkSkSigner.of(KEYS).withClock(Clock.fixed(NOW, ZoneOffset.UTC))).accept(builder);
        HttpRequest request = builder.build();
        Map<String, List<String>> received = new HashMap<>(request.headers().map());
        received.put("Host", List.of(AkSkSigner.host(request.uri())));
        return new SignatureVerifier(KEYS, Clock.fixed(NOW, ZoneOffset.UTC))
                .verify(request.method(), request.uri().getRawPath(), request.uri().getRawQuery(), received, body).outcome();
    }

    @Test
    void aDeleteWithAJsonBodyIsSignedOverItsBytes() {
        byte[] body = "{\"job_ids\":[\"é\"]}".getBytes(StandardCharsets.UTF_8);
        HttpRequest.Builder delete = HttpRequest.newBuilder(URI.create("https://modelarts.cn-north-4.myhuaweicloud.com/v1/p1/dev-servers/jobs"))
                .header("Content-Type", "application/json").method("DELETE", HttpRequest.BodyPublishers.ofByteArray(body));
        assertEquals(SignatureVerifier.Outcome.ACCEPTED, signAndVerify(delete, body));
    }

    @Test
    void aGetWithAQueryIsSignedWithTheProjectAndTokenHeaders() {
        HttpRequest.Builder get = HttpRequest.newBuilder(URI.create("http://127.0.0.1:8080/v1/p1/dev-servers/jobs?status=FINISHED&name=a%20b")).GET();
        assertEquals(SignatureVerifier.Outcome.ACCEPTED, signAndVerify(get, new byte[0]));
        HttpRequest built = get.build();
        assertEquals(List.of("p1"), built.headers().allValues("X-Project-Id"));
        assertEquals(List.of("tok"), built.headers().allValues("X-Security-Token"));
        assertEquals(List.of("20261203T080000Z"), built.headers().allValues("X-Sdk-Date"));
        assertTrue(built.headers().firstValue("Authorization").orElseThrow()
                .startsWith("SDK-HMAC-SHA256 Access=HPUAEXAMPLEAK, SignedHeaders=host;x-project-id;x-sdk-date;x-security-token, Signature="));
    }

    @Test
    void signingTwiceReplacesTheSignature() {
        HttpRequest.Builder get = HttpRequest.newBuilder(URI.create("http://127.0.0.1:8080/v1/p1/dev-servers/jobs")).GET();
        AkSkSigningInterceptor.with(KEYS).accept(get);
        AkSkSigningInterceptor.with(AkSkSigner.of(KEYS).withClock(Clock.fixed(NOW, ZoneOffset.UTC))).accept(get);
        assertEquals(1, get.build().headers().allValues("Authorization").size());
    }
}
