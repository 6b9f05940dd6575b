package dev.jobsopenapi.reference;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The openYuanrong frontend's JWTs as the reference server checks them. The checks and their messages follow
 * the frontend ({@code openeuler-mirror/yuanrong-frontend}, {@code pkg/frontend/middleware/jwtauth.go}
 * {@code JWTAuthMiddlewareWithRoles}; {@code pkg/frontend/common/jwtauth/jwtauth.go} {@code ParseJWT}): three
 * dot-separated parts, each decoded as base64url or else standard base64; a role of {@code developer}. The
 * frontend then asks its IAM server to validate the token; the reference server stands in for it with an
 * HS256 signature made with its secret and the {@code exp} claim ({@code 0} or less never expires, as the
 * frontend's {@code IsExpired} reads it). Those last two messages are the reference server's own.
 */
public final class FrontendJwt {

    /** The role the job operations need. */
    public static final String DEVELOPER = "developer";

    private static final ObjectMapper JSON = new ObjectMapper();

    private FrontendJwt() {
    }

    /** A token for tenant {@code sub} with this role, expiring at {@code exp}, signed with the secret (HS256). */
    public static String mint(String secret, String sub, String role, Instant exp) {
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("sub", sub);
        payload.put("exp", exp.getEpochSecond());
        payload.put("role", role);
        try {
            String unsigned = base64Url(JSON.writeValueAsBytes(Map.of("alg", "HS256", "typ", "JWT"))) + "." + base64Url(JSON.writeValueAsBytes(payload));
            return unsigned + "." + base64Url(hmac(secret, unsigned));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Why the frontend would refuse this token, as its {@code {"error": ...}} message, or empty when it is
     * accepted.
     */
    public static Optional<String> refusal(String token, String secret, Instant now) {
        if (token == null || token.isEmpty()) {
            return Optional.of("Authentication failed: no token provided. Please enter a valid JWT token.");
        }
        String[] parts = token.split("\\.", -1);
        if (parts.length != 3) {
            return malformed("invalid JWT format: expected Header.Payload.Signature, got " + parts.length + " parts");
        }
        JsonNode header = decode(parts[0]);
        if (header == null || !header.isObject()) {
            return malformed(header == null ? "failed to decode header" : "failed to unmarshal header");
        }
        JsonNode payload = decode(parts[1]);
        if (payload == null || !payload.isObject()) {
            return malformed(payload == null ? "failed to decode payload" : "failed to unmarshal payload");
        }
        String role = payload.path("role").asText("");
        if (!role.equals(DEVELOPER)) {
            return Optional.of("Authentication failed: role " + role + " is not authorized to access this resource");
        }
        byte[] expected = hmac(secret, parts[0] + "." + parts[1]);
        byte[] given;
        try {
            given = Base64.getUrlDecoder().decode(parts[2]);
        } catch (IllegalArgumentException e) {
            given = new byte[0];
        }
        if (!MessageDigest.isEqual(expected, given)) {
            return notValidated("the token's signature does not verify");
        }
        long exp = payload.path("exp").asLong(0);
        if (exp > 0 && now.getEpochSecond() > exp) {
            return notValidated("the token expired at " + Instant.ofEpochSecond(exp));
        }
        return Optional.empty();
    }

    private static Optional<String> malformed(String why) {
        return Optional.of("Authentication failed: invalid or malformed token (" + why + ")");
    }

    private static Optional<String> notValidated(String why) {
        return Optional.of("Authentication failed: IAM server validation failed (" + why + ")");
    }

    /** A part decoded as base64url, else standard base64, then read as JSON; null when it cannot be decoded. */
    private static JsonNode decode(String part) {
        byte[] bytes;
        try {
            bytes = Base64.getUrlDecoder().decode(part);
        } catch (IllegalArgumentException e) {
            try {
                bytes = Base64.getDecoder().decode(part);
            } catch (IllegalArgumentException again) {
                return null;
            }
        }
        try {
            return JSON.readTree(bytes);
        } catch (java.io.IOException e) {
            return com.fasterxml.jackson.databind.node.MissingNode.getInstance();
        }
    }

    private static String base64Url(byte[] bytes) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    private static byte[] hmac(String secret, String data) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return mac.doFinal(data.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is not available in this JDK", e);
        }
    }
}
