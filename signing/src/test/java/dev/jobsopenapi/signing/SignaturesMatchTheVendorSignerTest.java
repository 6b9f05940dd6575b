package dev.jobsopenapi.signing;

import com.fasterxml.jackson.databind.JsonNode;
import dev.jobsopenapi.specs.NodeTools;
import com.fasterxml.jackson.databind.ObjectMapper;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import org.junit.jupiter.api.Test;

import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The vendor's own signer is the oracle: for generated requests — every method, paths with reserved, escaped
 * and non-ASCII characters, repeated and empty query parameters, header names in any case, empty and JSON
 * bodies — this library's {@code Authorization} header is the one {@code @huaweicloud/huaweicloud-sdk-core}'s
 * {@code AKSKSigner} computes, to the character.
 */
class SignaturesMatchTheVendorSignerTest {

    private static final int REQUESTS = 10_000;
    private static final ObjectMapper JSON = new ObjectMapper();

    /** One generated request, as both signers are given it. */
    record SignedCase(String method, String base, String rawPath, List<Map.Entry<String, String>> query, boolean bareKeys,
                      Map<String, String> headers, String body, String ak, String sk) {

        String rawQuery() {
            return query.stream().map(p -> encode(p.getKey()) + (bareKeys && p.getValue().isEmpty() && !p.getKey().isEmpty() ? "" : "=" + encode(p.getValue())))
                    .collect(Collectors.joining("&"));
        }

        URI uri() {
            return URI.create(base + rawPath + (query.isEmpty() ? "" : "?" + rawQuery()));
        }

        /** The request as the vendor's signer takes it: the query as decoded parameters, arrays for repeated names. */
        String forNode() throws Exception {
            Map<String, Object> parameters = new LinkedHashMap<>();
            for (Map.Entry<String, String> p : query) {
                parameters.merge(p.getKey(), p.getValue(), (a, b) -> {
                    List<Object> values = a instanceof List<?> list ? new ArrayList<>(list) : new ArrayList<>(List.of(a));
                    values.add(b);
                    return values;
                });
            }
            Map<String, Object> request = new LinkedHashMap<>();
            request.put("method", method);
            request.put("endpoint", base + rawPath);
            request.put("queryParams", parameters);
            request.put("headers", headers);
            request.put("body", body);
            request.put("ak", ak);
            request.put("sk", sk);
            return JSON.writeValueAsString(request);
        }

        String signedHere() {
            Map<String, List<String>> asSent = new LinkedHashMap<>();
            headers.forEach((name, value) -> asSent.put(name, List.of(value)));
            byte[] bytes = body == null ? new byte[0] : body.getBytes(StandardCharsets.UTF_8);
            return AkSkSigner.of(AkSkCredentials.of(ak, sk)).withClock(Clock.fixed(Instant.EPOCH, ZoneOffset.UTC))
                    .sign(method, uri(), asSent, bytes).get("Authorization");
        }
    }

    static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8).replace("+", "%20").replace("*", "%2A").replace("%7E", "~");
    }

    private static final List<String> TEXT = List.of("a", "Z", "k", "0", "9", "-", "_", ".", "~", "!", "$", "&", "'", "(", ")",
            "*", "+", ",", ";", "=", ":", "@", " ", "%", "/", "?", "#", "[", "]", "\"", "<", ">", "\\", "^", "`", "{", "|",
            "}", "é", "ß", "中", "\uD83D\uDE00", "\u2028");

    static Arbitrary<String> text(int max) {
        return Arbitraries.of(TEXT).list().ofMaxSize(max).map(parts -> String.join("", parts));
    }

    /** A path segment as a client sends it: unreserved characters raw, the rest percent-encoded (hex in either case),
     *  sub-delimiters and {@code : @} raw or encoded. */
    static Arbitrary<String> segment() {
        return Combinators.combine(text(8), Arbitraries.of(true, false), Arbitraries.of(true, false)).as((raw, keepSubDelims, lower) -> {
            StringBuilder out = new StringBuilder();
            raw.codePoints().forEach(cp -> {
                String c = new String(Character.toChars(cp));
                if (c.matches("[A-Za-z0-9._~-]") || keepSubDelims && "!$&()*+,;=:@".contains(c)) {
                    out.append(c);
                } else {
                    for (byte b : c.getBytes(StandardCharsets.UTF_8)) {
                        String hex = String.format("%%%02X", b & 0xff);
                        out.append(lower ? hex.toLowerCase(Locale.ROOT) : hex);
                    }
                }
            });
            return out.toString();
        });
    }

    static Arbitrary<String> path() {
        return Combinators.combine(segment().list().ofMaxSize(5), Arbitraries.of(true, false))
                .as((segments, trailing) -> segments.isEmpty() ? (trailing ? "/" : "") : "/" + String.join("/", segments) + (trailing ? "/" : ""));
    }

    static Arbitrary<Map.Entry<String, String>> parameter() {
        Arbitrary<String> names = Arbitraries.oneOf(Arbitraries.of("id", "name", "type", "status", "visible", "a", "A", "", "ä", "x y"), text(4));
        return Combinators.combine(names, Arbitraries.oneOf(Arbitraries.just(""), text(6))).as(Map::entry);
    }

    static Arbitrary<String> headerName() {
        Arbitrary<String> known = Arbitraries.of("Content-Type", "Accept", "X-Project-Id", "X-Security-Token", "X-Request-Id",
                "User-Agent", "X-Language", "X-Sdk-Content-Sha256");
        Arbitrary<String> made = Arbitraries.strings().withCharRange('a', 'z').withCharRange('A', 'Z').withCharRange('0', '9')
                .withChars('-').ofMinLength(1).ofMaxLength(12).filter(n -> Character.isLetter(n.charAt(0)));
        return Combinators.combine(Arbitraries.oneOf(known, made), Arbitraries.of(0, 1, 2)).as((name, casing) -> switch (casing) {
            case 0 -> name;
            case 1 -> name.toLowerCase(Locale.ROOT);
            default -> name.toUpperCase(Locale.ROOT);
        });
    }

    static Arbitrary<String> headerValue() {
        return Arbitraries.oneOf(Arbitraries.just(""), Arbitraries.just("application/json"), Arbitraries.just("UNSIGNED-PAYLOAD"),
                Arbitraries.strings().withCharRange(' ', '~').ofMinLength(1).ofMaxLength(24).map(String::strip));
    }

    static Arbitrary<Map<String, String>> headers() {
        return Combinators.combine(headerName(), headerValue()).as(Map::entry).list().ofMaxSize(4).map(entries -> {
            Map<String, String> headers = new LinkedHashMap<>();
            Map<String, Boolean> seen = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
            for (Map.Entry<String, String> e : entries) {
                String name = e.getKey();
                boolean reserved = List.of("host", "authorization", "x-sdk-date").contains(name.toLowerCase(Locale.ROOT));
                // The vendor's signer reads X-Sdk-Content-Sha256 by that exact spelling only.
                if (name.equalsIgnoreCase("X-Sdk-Content-Sha256")) {
                    name = "X-Sdk-Content-Sha256";
                }
                if (!reserved && seen.putIfAbsent(name, true) == null) {
                    headers.put(name, e.getValue());
                }
            }
            return headers;
        });
    }

    static Arbitrary<String> body() {
        Arbitrary<Object> value = Arbitraries.oneOf(text(10).map(s -> (Object) s), Arbitraries.integers().map(i -> (Object) i),
                Arbitraries.of(true, false).map(b -> (Object) b));
        // Keys start with a letter: JavaScript objects put integer-like keys first, which would reorder the text.
        Arbitrary<String> object = Arbitraries.maps(text(5).map(k -> "k" + k), value).ofMaxSize(4).map(map -> {
            try {
                return JSON.writeValueAsString(map);
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        return Arbitraries.oneOf(Arbitraries.just((String) null), object);
    }

    static Arbitrary<SignedCase> requests() {
        Arbitrary<String> date = Arbitraries.longs().between(946_684_800L, 4_102_444_799L)
                .map(s -> CanonicalRequest.DATE.format(Instant.ofEpochSecond(s)));
        Arbitrary<String> key = Arbitraries.strings().alpha().numeric().ofMinLength(1).ofMaxLength(40);
        Arbitrary<String> secret = Arbitraries.oneOf(key, key.map(k -> k + "é"));
        return Combinators.combine(
                Arbitraries.of("GET", "POST", "PUT", "DELETE", "PATCH", "HEAD"),
                Arbitraries.of("https://modelarts.cn-north-4.myhuaweicloud.com", "http://127.0.0.1:8080",
                        "https://modelarts.ap-southeast-1.myhuaweicloud.cn:8443"),
                path(), parameter().list().ofMaxSize(5), Arbitraries.of(true, false),
                Combinators.combine(headers(), date).as((h, d) -> {
                    Map<String, String> all = new LinkedHashMap<>(h);
                    all.put("X-Sdk-Date", d);
                    return all;
                }),
                body(), Combinators.combine(key, secret).as(List::of))
                .as((method, base, path, query, bare, headers, body, keys) ->
                        new SignedCase(method, base, path, query, bare, headers, body, keys.get(0), keys.get(1)));
    }

    /** Signs each request with the vendor's signer in one Node.js process; one Authorization header each. */
    private static List<String> signedByTheVendor(List<SignedCase> requests) throws Exception {
        Process node = NodeTools.start(NodeTools.root().resolve("signing/src/test/node/vendor-signer.cjs"));
        List<String> signatures = new ArrayList<>();
        try (BufferedWriter toNode = new BufferedWriter(new OutputStreamWriter(node.getOutputStream(), StandardCharsets.UTF_8));
             BufferedReader fromNode = new BufferedReader(new InputStreamReader(node.getInputStream(), StandardCharsets.UTF_8))) {
            for (SignedCase request : requests) {
                toNode.write(request.forNode());
                toNode.write('\n');
                toNode.flush();
                JsonNode answer = JSON.readTree(fromNode.readLine());
                assertTrue(answer.has("authorization"), () -> "the vendor's signer failed on " + request + ": " + answer);
                signatures.add(answer.get("authorization").asText());
            }
        } finally {
            node.destroy();
        }
        return signatures;
    }

    /**
     * The divergence the spec records (quirk {@code modelarts-signers-disagree}): the Node.js signer orders its
     * canonical headers with {@code localeCompare}, so a header name with {@code _} is hashed in another order than
     * its own SignedHeaders list; this library, like the Java and Go SDKs, uses one order for both.
     */
    @Test
    void theVendorsNodeSignerDepartsFromItsOwnHeaderOrderOnlyForAnUnderscore() throws Exception {
        NodeTools.requirePackage("@huaweicloud/huaweicloud-sdk-core");
        Map<String, String> dashes = new LinkedHashMap<>(Map.of("x-a", "1", "x-b", "2", "X-Sdk-Date", "20261203T080000Z"));
        Map<String, String> underscore = new LinkedHashMap<>(Map.of("x_a", "1", "x-b", "2", "X-Sdk-Date", "20261203T080000Z"));
        SignedCase withDashes = new SignedCase("GET", "http://127.0.0.1:8080", "/v1/p/dev-servers/jobs", List.of(), false, dashes, null, "AK", "SK");
        SignedCase withUnderscore = new SignedCase("GET", "http://127.0.0.1:8080", "/v1/p/dev-servers/jobs", List.of(), false, underscore, null, "AK", "SK");
        List<String> vendor = signedByTheVendor(List.of(withDashes, withUnderscore));
        assertEquals(withDashes.signedHere(), vendor.get(0));
        assertTrue(vendor.get(1).contains("SignedHeaders=host;x-b;x-sdk-date;x_a,"), vendor.get(1));
        assertNotEquals(withUnderscore.signedHere(), vendor.get(1));
    }

    @Test
    void everyGeneratedRequestGetsTheSignatureOfTheVendorsNodeSigner() throws Exception {
        NodeTools.requirePackage("@huaweicloud/huaweicloud-sdk-core");
        List<SignedCase> requests = requests().sampleStream().limit(REQUESTS).toList();
        List<String> vendor = signedByTheVendor(requests);
        assertEquals(REQUESTS, vendor.size());
        List<String> disagreements = new ArrayList<>();
        for (int i = 0; i < REQUESTS && disagreements.size() < 5; i++) {
            String ours = requests.get(i).signedHere();
            if (!vendor.get(i).equals(ours)) {
                disagreements.add(requests.get(i) + "\n  vendor: " + vendor.get(i) + "\n  ours:   " + ours);
            }
        }
        assertEquals(List.of(), disagreements, "requests signed differently from the vendor's signer");
    }
}
