package dev.jobsopenapi.signing;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Checks the {@code SDK-HMAC-SHA256} signature of a received request as Huawei Cloud's API gateway does, for
 * one key pair: the signature over the method, path, query, signed headers and body; {@code host} and
 * {@code X-Sdk-Date} among the signed headers; and the date within {@link #MAX_CLOCK_SKEW} of the server's
 * clock (the vendor's "API Request Signing Guide", FAQ "Common Errors Related to IAM Authentication
 * Information": the {@code x-sdk-date} must be within 15 minutes of the current time).
 *
 * <p>A {@link Verdict}'s detail explains a refusal without quoting the secret key or the expected signature.
 */
public final class SignatureVerifier {

    /** The largest difference between {@code X-Sdk-Date} and the server's clock that is accepted. */
    public static final Duration MAX_CLOCK_SKEW = Duration.ofMinutes(15);

    private static final Pattern AUTHORIZATION = Pattern.compile(
            "SDK-HMAC-SHA256\\s+Access=([^,\\s]+)\\s*,\\s*SignedHeaders=([^,\\s]+)\\s*,\\s*Signature=([0-9a-fA-F]+)\\s*");

    /** Why a request was refused, or that it was not. */
    public enum Outcome {
        /** The signature is valid. */
        ACCEPTED,
        /** The request has no {@code Authorization} header. */
        NOT_SIGNED,
        /** The {@code Authorization} header is not an {@code SDK-HMAC-SHA256} signature. */
        MALFORMED,
        /** The access key is not the one this verifier knows. */
        UNKNOWN_ACCESS_KEY,
        /** {@code host} or {@code X-Sdk-Date} is not among the signed headers, or the security token is missing. */
        REQUIRED_HEADER_NOT_SIGNED,
        /** A header named in {@code SignedHeaders} is not in the request. */
        SIGNED_HEADER_MISSING,
        /** {@code X-Sdk-Date} is not of the form {@code 20261203T075514Z}. */
        DATE_MALFORMED,
        /** {@code X-Sdk-Date} is further than {@link #MAX_CLOCK_SKEW} from the server's clock. */
        DATE_SKEWED,
        /** The signature does not match: a wrong secret key, or a method, path, query, header or body changed. */
        SIGNATURE_MISMATCH
    }

    /**
     * The verifier's answer.
     *
     * @param outcome why
     * @param detail  one sentence for a person; never a secret
     */
    public record Verdict(Outcome outcome, String detail) {
        /** Whether the signature is valid. */
        public boolean accepted() {
            return outcome == Outcome.ACCEPTED;
        }
    }

    private final AkSkCredentials credentials;
    private final Clock clock;

    /** A verifier for the one key pair of these credentials, judging dates by the given clock. */
    public SignatureVerifier(AkSkCredentials credentials, Clock clock) {
        this.credentials = Objects.requireNonNull(credentials, "credentials");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /**
     * Verifies a received request.
     *
     * @param method   the HTTP method
     * @param rawPath  the path as received, percent-escapes included
     * @param rawQuery the query as received (null for none)
     * @param headers  the received headers (names in any case)
     * @param body     the body bytes as received
     */
    public Verdict verify(String method, String rawPath, String rawQuery, Map<String, List<String>> headers, byte[] body) {
        SortedMap<String, String> received = new TreeMap<>();
        headers.forEach((name, values) -> received.merge(name.toLowerCase(Locale.ROOT), AkSkSigner.joined(values), (a, b) -> a + "," + b));
        String authorization = received.get("authorization");
        if (authorization == null) {
            return refuse(Outcome.NOT_SIGNED, "the request has no Authorization header");
        }
        Matcher parts = AUTHORIZATION.matcher(authorization);
        if (!parts.matches()) {
            return refuse(Outcome.MALFORMED, "the Authorization header is not 'SDK-HMAC-SHA256 Access=..., SignedHeaders=..., Signature=...'");
        }
        if (!parts.group(1).equals(credentials.accessKey())) {
            return refuse(Outcome.UNKNOWN_ACCESS_KEY, "the access key " + AkSkCredentials.mask(parts.group(1)) + " does not exist");
        }
        SortedMap<String, String> signed = new TreeMap<>();
        for (String name : parts.group(2).split(";", -1)) {
            String value = received.get(name);
            if (value == null || !name.equals(name.toLowerCase(Locale.ROOT))) {
                return refuse(Outcome.SIGNED_HEADER_MISSING, "the signed header '" + name + "' is not in the request");
            }
            signed.put(name, value);
        }
        for (String required : credentials.hasSecurityToken() ? List.of("host", "x-sdk-date", "x-security-token") : List.of("host", "x-sdk-date")) {
            if (!signed.containsKey(required)) {
                return refuse(Outcome.REQUIRED_HEADER_NOT_SIGNED, "the header '" + required + "' must be signed");
            }
        }
        Instant date = CanonicalRequest.parseDate(signed.get("x-sdk-date"));
        if (date == null) {
            return refuse(Outcome.DATE_MALFORMED, "X-Sdk-Date is not of the form 20261203T075514Z");
        }
        Duration skew = Duration.between(date, clock.instant()).abs();
        if (skew.compareTo(MAX_CLOCK_SKEW) > 0) {
            return refuse(Outcome.DATE_SKEWED, "X-Sdk-Date " + signed.get("x-sdk-date") + " is more than "
                    + MAX_CLOCK_SKEW.toMinutes() + " minutes from the server's time " + CanonicalRequest.DATE.format(clock.instant()));
        }
        String declaredHash = CanonicalRequest.declaredPayloadHash(signed);
        String payloadHash = CanonicalRequest.payloadHash(signed, body);
        if (declaredHash != null && !declaredHash.equals(CanonicalRequest.UNSIGNED_PAYLOAD)
                && !declaredHash.equalsIgnoreCase(CanonicalRequest.bodyHash(body))) {
            return refuse(Outcome.SIGNATURE_MISMATCH, "the body does not match its signed X-Sdk-Content-Sha256");
        }
        String expected = CanonicalRequest.signature(credentials.secretKey(), CanonicalRequest.stringToSign(
                method, rawPath, rawQuery, signed, payloadHash, signed.get("x-sdk-date")));
        if (!MessageDigest.isEqual(expected.getBytes(StandardCharsets.US_ASCII),
                parts.group(3).toLowerCase(Locale.ROOT).getBytes(StandardCharsets.US_ASCII))) {
            return refuse(Outcome.SIGNATURE_MISMATCH, "the signature does not match the request (a wrong secret key, or the"
                    + " method, path, query, a signed header or the body changed after signing)");
        }
        return new Verdict(Outcome.ACCEPTED, "the signature is valid");
    }

    private static Verdict refuse(Outcome outcome, String detail) {
        return new Verdict(outcome, detail);
    }
}
