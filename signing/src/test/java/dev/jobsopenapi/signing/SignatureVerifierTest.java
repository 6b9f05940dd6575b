package dev.jobsopenapi.signing;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Arbitrary;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

/** The verifier accepts what the signer signs and refuses each change the gateway refuses, with a 15-minute clock skew. */
class SignatureVerifierTest {

    private static final Instant NOW = Instant.parse("2026-12-03T08:00:00Z");
    private static final AkSkCredentials KEYS = AkSkCredentials.of("HPUAEXAMPLEAK", "s3cr3t-SK-value").withProjectId("0b3a5d4c8f9e4c1b");
    private static final URI URI_DELETE = URI.create("http://127.0.0.1:8080/v1/0b3a5d4c8f9e4c1b/dev-servers/jobs?x=1&x=2");
    private static final byte[] BODY = "{\"job_ids\":[\"03af7361\"]}".getBytes(StandardCharsets.UTF_8);

    /** A signed DELETE with a body, as received: the signer's headers plus what the client set and the host. */
    private static Map<String, List<String>> signed(AkSkCredentials keys, Instant at) {
        Map<String, List<String>> headers = new HashMap<>(Map.of("Content-Type", List.of("application/json")));
        AkSkSigner.of(keys).withClock(Clock.fixed(at, ZoneOffset.UTC)).sign("DELETE", URI_DELETE, headers, BODY)
                .forEach((name, value) -> headers.put(name, List.of(value)));
        headers.put("Host", List.of("127.0.0.1:8080"));
        return headers;
    }

    private static SignatureVerifier.Outcome verify(Map<String, List<String>> headers, String method, String path, String query, byte[] body) {
        SignatureVerifier.Verdict verdict = new SignatureVerifier(KEYS, Clock.fixed(NOW, ZoneOffset.UTC)).verify(method, path, query, headers, body);
        assertFalse(verdict.detail().contains(KEYS.secretKey()), "a verdict never quotes the secret key");
        return verdict.outcome();
    }

    private static SignatureVerifier.Outcome verify(Map<String, List<String>> headers) {
        return verify(headers, "DELETE", URI_DELETE.getRawPath(), URI_DELETE.getRawQuery(), BODY);
    }

    @Test
    void aRequestSignedWithTheKeysIsAccepted() {
        assertEquals(SignatureVerifier.Outcome.ACCEPTED, verify(signed(KEYS, NOW)));
    }

    @Test
    void aWrongSecretKeyIsRefused() {
        assertEquals(SignatureVerifier.Outcome.SIGNATURE_MISMATCH,
                verify(signed(AkSkCredentials.of(KEYS.accessKey(), "another-secret").withProjectId("0b3a5d4c8f9e4c1b"), NOW)));
    }

    @Test
    void aTamperedBodyPathOrQueryIsRefused() {
        Map<String, List<String>> headers = signed(KEYS, NOW);
        byte[] tampered = "{\"job_ids\":[\"03af7362\"]}".getBytes(StandardCharsets.UTF_8);
        assertEquals(SignatureVerifier.Outcome.SIGNATURE_MISMATCH, verify(headers, "DELETE", URI_DELETE.getRawPath(), "x=1&x=2", tampered));
        assertEquals(SignatureVerifier.Outcome.SIGNATURE_MISMATCH, verify(headers, "DELETE", "/v1/another/dev-servers/jobs", "x=1&x=2", BODY));
        assertEquals(SignatureVerifier.Outcome.SIGNATURE_MISMATCH, verify(headers, "DELETE", URI_DELETE.getRawPath(), "x=1&x=3", BODY));
        assertEquals(SignatureVerifier.Outcome.SIGNATURE_MISMATCH, verify(headers, "POST", URI_DELETE.getRawPath(), "x=1&x=2", BODY));
        // The order of a repeated parameter's values is not signed, as in the vendor's signers.
        assertEquals(SignatureVerifier.Outcome.ACCEPTED, verify(headers, "DELETE", URI_DELETE.getRawPath(), "x=2&x=1", BODY));
    }

    @Test
    void aSignedHeaderThatIsMissingOrChangedIsRefused() {
        Map<String, List<String>> missing = signed(KEYS, NOW);
        missing.remove("X-Project-Id");
        assertEquals(SignatureVerifier.Outcome.SIGNED_HEADER_MISSING, verify(missing));
        Map<String, List<String>> changed = signed(KEYS, NOW);
        changed.put("Content-Type", List.of("text/plain"));
        assertEquals(SignatureVerifier.Outcome.SIGNATURE_MISMATCH, verify(changed));
    }

    @Test
    void aDateMoreThanFifteenMinutesFromTheServersClockIsRefusedEitherWay() {
        assertEquals(SignatureVerifier.Outcome.ACCEPTED, verify(signed(KEYS, NOW.minus(Duration.ofMinutes(15)))));
        assertEquals(SignatureVerifier.Outcome.ACCEPTED, verify(signed(KEYS, NOW.plus(Duration.ofMinutes(15)))));
        assertEquals(SignatureVerifier.Outcome.DATE_SKEWED, verify(signed(KEYS, NOW.minus(Duration.ofMinutes(15)).minusSeconds(1))));
        assertEquals(SignatureVerifier.Outcome.DATE_SKEWED, verify(signed(KEYS, NOW.plus(Duration.ofMinutes(16)))));
    }

    @Test
    void aDeclaredHashThatIsNotTheBodysIsRefused() {
        Map<String, List<String>> headers = new HashMap<>(Map.of("X-Sdk-Content-Sha256", List.of(CanonicalRequest.bodyHash(new byte[0]))));
        AkSkSigner.of(KEYS).withClock(Clock.fixed(NOW, ZoneOffset.UTC)).sign("DELETE", URI_DELETE, headers, BODY)
                .forEach((name, value) -> headers.put(name, List.of(value)));
        headers.put("Host", List.of("127.0.0.1:8080"));
        assertEquals(SignatureVerifier.Outcome.SIGNATURE_MISMATCH, verify(headers));
    }

    @Test
    void noSignatureAnUnknownKeyAndAMalformedHeaderAreRefused() {
        Map<String, List<String>> none = signed(KEYS, NOW);
        none.remove("Authorization");
        assertEquals(SignatureVerifier.Outcome.NOT_SIGNED, verify(none));
        assertEquals(SignatureVerifier.Outcome.UNKNOWN_ACCESS_KEY, verify(signed(AkSkCredentials.of("OTHERAK", "s3cr3t-SK-value"), NOW)));
        Map<String, List<String>> malformed = signed(KEYS, NOW);
        malformed.put("Authorization", List.of("Bearer abc"));
        assertEquals(SignatureVerifier.Outcome.MALFORMED, verify(malformed));
    }

    @Test
    void aSignatureThatLeavesTheDateOrHostUnsignedIsRefused() {
        Map<String, List<String>> headers = signed(KEYS, NOW);
        String authorization = headers.get("Authorization").get(0).replace("host;", "");
        headers.put("Authorization", List.of(authorization));
        assertEquals(SignatureVerifier.Outcome.REQUIRED_HEADER_NOT_SIGNED, verify(headers));
    }

    @Provide
    Arbitrary<SignaturesMatchTheVendorSignerTest.SignedCase> requests() {
        return SignaturesMatchTheVendorSignerTest.requests();
    }

    @Property(tries = 500)
    void everyGeneratedRequestSignedHereIsAcceptedAndRefusedOnceItsBodyChanges(@ForAll("requests") SignaturesMatchTheVendorSignerTest.SignedCase request) {
        AkSkCredentials keys = AkSkCredentials.of(request.ak(), request.sk());
        Map<String, List<String>> headers = new HashMap<>();
        byte[] body = request.body() == null ? new byte[0] : request.body().getBytes(StandardCharsets.UTF_8);
        // A client declares the body's real hash, or UNSIGNED-PAYLOAD (a false one is aDeclaredHashThatIsNotTheBodysIsRefused).
        request.headers().forEach((name, value) -> headers.put(name, List.of(name.equalsIgnoreCase("X-Sdk-Content-Sha256")
                && !value.isEmpty() && !value.equals("UNSIGNED-PAYLOAD") ? CanonicalRequest.bodyHash(body) : value)));
        Instant date = CanonicalRequest.parseDate(request.headers().get("X-Sdk-Date"));
        URI uri = request.uri();
        AkSkSigner.of(keys).sign(request.method(), uri, headers, body).forEach((name, value) -> headers.put(name, List.of(value)));
        headers.put("Host", List.of(AkSkSigner.host(uri)));
        SignatureVerifier verifier = new SignatureVerifier(keys, Clock.fixed(date, ZoneOffset.UTC));
        assertEquals(SignatureVerifier.Outcome.ACCEPTED, verifier.verify(request.method(), uri.getRawPath(), uri.getRawQuery(), headers, body).outcome());
        byte[] changed = java.util.Arrays.copyOf(body, body.length + 1);
        changed[body.length] = ' ';
        boolean bodyUnsigned = request.headers().entrySet().stream().anyMatch(h -> h.getKey().equalsIgnoreCase("X-Sdk-Content-Sha256")
                && h.getValue().equals("UNSIGNED-PAYLOAD"));
        assertEquals(bodyUnsigned ? SignatureVerifier.Outcome.ACCEPTED : SignatureVerifier.Outcome.SIGNATURE_MISMATCH,
                verifier.verify(request.method(), uri.getRawPath(), uri.getRawQuery(), headers, changed).outcome());
    }
}
