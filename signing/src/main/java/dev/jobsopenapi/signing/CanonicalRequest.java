package dev.jobsopenapi.signing;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * The rules of the {@code SDK-HMAC-SHA256} signature, the one place that knows them; the signer and the
 * verifier both build their canonical request here. They follow the vendor's Node.js SDK signer
 * ({@code @huaweicloud/huaweicloud-sdk-core}, {@code auth/AKSKSigner.js}), which the tests run as the oracle:
 *
 * <ol>
 *   <li>canonical URI: the path as sent (percent-escapes included) split at {@code /}, each segment
 *       percent-encoded once more (all but {@code A-Z a-z 0-9 - _ . ~}), always ending in {@code /};</li>
 *   <li>canonical query: the decoded parameters sorted by name, the values of a repeated name sorted too
 *       (both by UTF-16 code units), each name and value percent-encoded, {@code name=value} joined by
 *       {@code &}; a parameter without {@code =} counts as an empty value;</li>
 *   <li>canonical headers: every signed header as {@code lowercase-name:value\n}, sorted by name; the
 *       signed header names, {@code ;}-joined;</li>
 *   <li>the payload hash: the {@code X-Sdk-Content-Sha256} header when sent and not empty (the SDK sends
 *       {@code UNSIGNED-PAYLOAD} there for bodies that are not JSON), else the hex SHA-256 of the body
 *       bytes;</li>
 *   <li>string to sign: {@code SDK-HMAC-SHA256\n<X-Sdk-Date>\n<hex SHA-256 of the canonical request>};
 *       signature: hex HMAC-SHA256 of it, keyed with the secret key.</li>
 * </ol>
 *
 * <p>Header values are trimmed, as the vendor's Go SDK does and as an HTTP server receives them (the
 * Node.js and Java SDKs sign them untrimmed, which only matters for a value with leading or trailing
 * spaces, which no server would see).
 */
final class CanonicalRequest {

    static final String ALGORITHM = "SDK-HMAC-SHA256";
    static final String DATE_HEADER = "X-Sdk-Date";
    static final String CONTENT_SHA256_HEADER = "X-Sdk-Content-Sha256";
    static final String UNSIGNED_PAYLOAD = "UNSIGNED-PAYLOAD";
    static final String EMPTY_BODY_SHA256 = "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855";

    /** {@code 20261203T075514Z}: the basic ISO 8601 form of {@code X-Sdk-Date}, in UTC. */
    static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("uuuuMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);

    private static final char[] PERCENT_HEX = "0123456789ABCDEF".toCharArray();
    private static final char[] HASH_HEX = "0123456789abcdef".toCharArray();

    private CanonicalRequest() {
    }

    /**
     * The string to sign of a request.
     *
     * @param headers the signed headers, lower-case name to value, in name order
     * @param payloadHash see {@link #payloadHash(SortedMap, byte[])}
     */
    static String stringToSign(String method, String rawPath, String rawQuery, SortedMap<String, String> headers,
                               String payloadHash, String date) {
        String canonical = method + '\n' + uri(rawPath) + '\n' + query(rawQuery) + '\n' + headerLines(headers) + '\n'
                + String.join(";", headers.keySet()) + '\n' + payloadHash;
        return ALGORITHM + '\n' + date + '\n' + hex(sha256(canonical.getBytes(StandardCharsets.UTF_8)));
    }

    /** The hex HMAC-SHA256 of the string to sign, keyed with the secret key's UTF-8 bytes. */
    static String signature(String secretKey, String stringToSign) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secretKey.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return hex(mac.doFinal(stringToSign.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is not available in this JDK", e);
        }
    }

    /**
     * The payload hash: the signed {@code X-Sdk-Content-Sha256} value when there is one, else the body's. An
     * empty value counts as none, as in the vendor's Node.js signer.
     */
    static String payloadHash(SortedMap<String, String> headers, byte[] body) {
        String declared = declaredPayloadHash(headers);
        return declared != null ? declared : bodyHash(body);
    }

    /** The non-empty {@code X-Sdk-Content-Sha256} among the signed headers, or null. */
    static String declaredPayloadHash(SortedMap<String, String> headers) {
        String declared = headers.get(CONTENT_SHA256_HEADER.toLowerCase(java.util.Locale.ROOT));
        return declared == null || declared.isEmpty() ? null : declared;
    }

    /** The hex SHA-256 of the body bytes (of no bytes for an empty body). */
    static String bodyHash(byte[] body) {
        return body == null || body.length == 0 ? EMPTY_BODY_SHA256 : hex(sha256(body));
    }

    /** Reads an {@code X-Sdk-Date} value, or null when it is not of the form {@code 20261203T075514Z}. */
    static Instant parseDate(String value) {
        try {
            return Instant.from(DATE.parse(value));
        } catch (DateTimeParseException | NullPointerException e) {
            return null;
        }
    }

    static String uri(String rawPath) {
        if (rawPath == null || rawPath.isEmpty()) {
            return "/";
        }
        StringBuilder out = new StringBuilder(rawPath.length() + 16);
        int start = 0;
        while (true) {
            int slash = rawPath.indexOf('/', start);
            encodeTo(out, slash < 0 ? rawPath.substring(start) : rawPath.substring(start, slash));
            if (slash < 0) {
                break;
            }
            out.append('/');
            start = slash + 1;
        }
        if (out.charAt(out.length() - 1) != '/') {
            out.append('/');
        }
        return out.toString();
    }

    static String query(String rawQuery) {
        if (rawQuery == null || rawQuery.isEmpty()) {
            return "";
        }
        SortedMap<String, List<String>> parameters = new TreeMap<>();
        for (String part : rawQuery.split("&", -1)) {
            if (part.isEmpty()) {
                continue;
            }
            int equals = part.indexOf('=');
            String name = decode(equals < 0 ? part : part.substring(0, equals));
            String value = equals < 0 ? "" : decode(part.substring(equals + 1));
            parameters.computeIfAbsent(name, n -> new ArrayList<>()).add(value);
        }
        StringBuilder out = new StringBuilder(rawQuery.length() + 16);
        for (Map.Entry<String, List<String>> parameter : parameters.entrySet()) {
            List<String> values = parameter.getValue();
            values.sort(null);
            for (String value : values) {
                if (out.length() > 0) {
                    out.append('&');
                }
                encodeTo(out, parameter.getKey());
                out.append('=');
                encodeTo(out, value);
            }
        }
        return out.toString();
    }

    private static String headerLines(SortedMap<String, String> headers) {
        StringBuilder out = new StringBuilder();
        headers.forEach((name, value) -> out.append(name).append(':').append(value).append('\n'));
        return out.toString();
    }

    /** Percent-encodes the UTF-8 bytes of the text, keeping only {@code A-Z a-z 0-9 - _ . ~}. */
    static void encodeTo(StringBuilder out, String text) {
        for (byte b : text.getBytes(StandardCharsets.UTF_8)) {
            int c = b & 0xff;
            if (c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '-' || c == '_' || c == '.' || c == '~') {
                out.append((char) c);
            } else {
                out.append('%').append(PERCENT_HEX[c >> 4]).append(PERCENT_HEX[c & 0xf]);
            }
        }
    }

    /** Decodes percent-escapes as UTF-8 ({@code +} stays a plus); a {@code %} not followed by two hex digits stays as it is. */
    static String decode(String text) {
        if (text.indexOf('%') < 0) {
            return text;
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            int high = c == '%' && i + 2 < text.length() ? Character.digit(text.charAt(i + 1), 16) : -1;
            int low = high >= 0 ? Character.digit(text.charAt(i + 2), 16) : -1;
            if (low >= 0) {
                bytes.write(high << 4 | low);
                i += 2;
            } else {
                byte[] utf8 = String.valueOf(c).getBytes(StandardCharsets.UTF_8);
                if (Character.isHighSurrogate(c) && i + 1 < text.length()) {
                    utf8 = text.substring(i, i + 2).getBytes(StandardCharsets.UTF_8);
                    i++;
                }
                bytes.writeBytes(utf8);
            }
        }
        return bytes.toString(StandardCharsets.UTF_8);
    }

    static byte[] sha256(byte[] data) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(data);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("SHA-256 is not available in this JDK", e);
        }
    }

    private static String hex(byte[] data) {
        char[] out = new char[data.length * 2];
        for (int i = 0; i < data.length; i++) {
            out[2 * i] = HASH_HEX[(data[i] >> 4) & 0xf];
            out[2 * i + 1] = HASH_HEX[data[i] & 0xf];
        }
        return new String(out);
    }
}
