package dev.jobsopenapi.conformance.http;

import dev.jobsopenapi.conformance.ValidationResult;
import dev.jobsopenapi.conformance.Violation;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The credentials one exchange carried — {@code Authorization}, {@code X-Auth-Token}, {@code X-Auth},
 * {@code X-Security-Token} and cookie headers, {@code token} query values — and their removal from anything written
 * about the exchange.
 */
final class Redactor {

    /** What stands where a credential was. */
    static final String REDACTED = "[redacted]";

    private static final Set<String> SECRET_HEADERS = Set.of("authorization", "x-auth-token", "x-auth", "x-security-token",
            "cookie", "set-cookie", "proxy-authorization");
    private static final Set<String> SECRET_QUERY = Set.of("token", "access_token", "iam_token", "signature", "x-auth-token");

    private final Set<String> secrets = new LinkedHashSet<>();

    /** Remembers a header's values when the header carries credentials. */
    void header(String name, List<String> values) {
        if (SECRET_HEADERS.contains(name.toLowerCase(Locale.ROOT))) {
            values.forEach(this::secret);
        }
    }

    /** Remembers the values of the raw query's credential parameters, as sent and decoded. */
    void query(String rawQuery) {
        if (rawQuery == null) {
            return;
        }
        for (String pair : rawQuery.split("&")) {
            int eq = pair.indexOf('=');
            if (eq > 0 && SECRET_QUERY.contains(decode(pair.substring(0, eq)).toLowerCase(Locale.ROOT))) {
                secret(pair.substring(eq + 1));
                secret(decode(pair.substring(eq + 1)));
            }
        }
    }

    private void secret(String value) {
        if (value != null && !value.isBlank()) {
            secrets.add(value);
            for (String part : value.split("[\\s,;=]+")) {   // "Bearer x", "SDK-HMAC-SHA256 Access=..., Signature=..."
                if (part.length() >= 8) {
                    secrets.add(part);
                }
            }
        }
    }

    /** The text with every credential seen replaced. */
    String apply(String text) {
        String result = text;
        for (String secret : secrets) {
            result = result.replace(secret, REDACTED);
        }
        return result;
    }

    /** The result with every credential seen replaced in its subject and its violations. */
    ValidationResult apply(ValidationResult result) {
        if (secrets.isEmpty()) {
            return result;
        }
        return new ValidationResult(apply(result.subject()), result.violations().stream()
                .map(v -> new Violation(apply(v.pointer()), v.schemaLocation(), v.keyword(), apply(v.message()))).toList());
    }

    private static String decode(String part) {
        try {
            return URLDecoder.decode(part, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return part;
        }
    }
}
