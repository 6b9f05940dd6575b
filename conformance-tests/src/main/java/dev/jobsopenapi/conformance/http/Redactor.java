package dev.jobsopenapi.conformance.http;

import dev.jobsopenapi.conformance.SecuritySchemes;
import dev.jobsopenapi.conformance.ValidationResult;
import dev.jobsopenapi.conformance.Violation;
import dev.jobsopenapi.specs.RequestTarget;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The credentials one exchange carried, where the specs' security schemes say they travel ({@link SecuritySchemes}):
 * a token header's value, a bearer token, the {@code Signature=} part of an AK/SK {@code Authorization} (the access
 * key, the signed header names and the date stay: they are evidence, not secrets), a signature's secret headers, token
 * query parameters and cookies; and their removal from anything written about the exchange. Nothing else is touched.
 */
final class Redactor {

    /** What stands where a credential was. */
    static final String REDACTED = "[redacted]";

    private static final Pattern SIGNATURE = Pattern.compile("Signature=([^,\\s]+)", Pattern.CASE_INSENSITIVE);

    private final List<SecuritySchemes.Carrier> carriers;
    private final Set<String> secrets = new LinkedHashSet<>();

    Redactor(List<SecuritySchemes> schemes) {
        this.carriers = schemes.stream().flatMap(s -> s.carriers().stream()).toList();
    }

    /** Remembers the credentials among a header's values. */
    void header(String name, List<String> values) {
        String lower = name.toLowerCase(Locale.ROOT);
        for (SecuritySchemes.Carrier carrier : carriers) {
            if (carrier.in().equals("cookie") && lower.equals("cookie")) {
                values.forEach(value -> cookie(value, carrier.name()));
            } else if (carrier.in().equals("header") && carrier.name().toLowerCase(Locale.ROOT).equals(lower)) {
                values.forEach(value -> headerValue(value, carrier.kind()));
            }
        }
    }

    private void headerValue(String value, SecuritySchemes.Kind kind) {
        switch (kind) {
            case TOKEN, SIGNATURE_SECRET -> secret(value.trim());
            case BEARER -> secret(value.trim().regionMatches(true, 0, "Bearer ", 0, 7) ? value.trim().substring(7).trim() : value.trim());
            case SIGNATURE -> {
                Matcher signature = SIGNATURE.matcher(value);
                if (signature.find()) {
                    secret(signature.group(1));
                } else {
                    secret(value.trim()); // not a signature after all: a token in the signature's header
                }
            }
        }
    }

    private void cookie(String header, String name) {
        for (String pair : header.split(";")) {
            int eq = pair.indexOf('=');
            if (eq > 0 && pair.substring(0, eq).trim().equals(name)) {
                secret(pair.substring(eq + 1).trim());
            }
        }
    }

    /** Remembers the values of the raw query's credential parameters, as sent and decoded. */
    void query(String rawQuery) {
        if (rawQuery == null) {
            return;
        }
        for (String pair : rawQuery.split("&")) {
            int eq = pair.indexOf('=');
            if (eq <= 0) {
                continue;
            }
            String name = RequestTarget.decodeQueryComponent(pair.substring(0, eq)).orElse(pair.substring(0, eq));
            if (carriers.stream().anyMatch(c -> c.in().equals("query") && c.name().equals(name))) {
                String raw = pair.substring(eq + 1);
                secret(raw);
                secret(RequestTarget.decodeQueryComponent(raw).orElse(raw));
            }
        }
    }

    private void secret(String value) {
        if (value != null && !value.isBlank()) {
            secrets.add(value);
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
}
