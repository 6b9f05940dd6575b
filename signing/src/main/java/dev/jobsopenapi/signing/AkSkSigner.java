package dev.jobsopenapi.signing;

import java.net.URI;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * Signs requests with a Huawei Cloud access key / secret key ({@code SDK-HMAC-SHA256}), producing the
 * signature the vendor's own SDK signers produce for the same request: the tests compare it with the
 * signer of {@code @huaweicloud/huaweicloud-sdk-core} (npm), run on generated requests.
 *
 * <p>Every header the request carries is signed, with {@code host} and {@code X-Sdk-Date}, as the vendor's
 * SDKs do. The rules of the canonical request, and where the vendor's three SDKs differ from each other, are
 * described in the ModelArts spec's {@code AkSkSignature} security scheme.
 *
 * <pre>{@code
 * Map<String, String> added = AkSkSigner.of(AkSkCredentials.fromEnvironment())
 *         .sign("GET", URI.create("https://modelarts.cn-north-4.myhuaweicloud.com/v1/p/dev-servers/jobs"), Map.of(), new byte[0]);
 * // X-Sdk-Date: 20261203T075514Z, Authorization: SDK-HMAC-SHA256 Access=..., SignedHeaders=host;x-sdk-date, Signature=...
 * }</pre>
 *
 * <p>With a generated client, use {@link AkSkSigningInterceptor} instead: it signs exactly what the client sends.
 */
public final class AkSkSigner {

    private final AkSkCredentials credentials;
    private final Clock clock;

    private AkSkSigner(AkSkCredentials credentials, Clock clock) {
        this.credentials = Objects.requireNonNull(credentials, "credentials");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** A signer with these credentials, dating requests by the system clock. */
    public static AkSkSigner of(AkSkCredentials credentials) {
        return new AkSkSigner(credentials, Clock.systemUTC());
    }

    /** This signer dating requests by the given clock. */
    public AkSkSigner withClock(Clock clock) {
        return new AkSkSigner(credentials, clock);
    }

    /** The credentials this signer signs with. */
    public AkSkCredentials credentials() {
        return credentials;
    }

    /**
     * The headers to add to a request so that it is signed: {@code X-Project-Id} and {@code X-Security-Token}
     * when the credentials have them (and the request does not already), {@code X-Sdk-Date} unless the request
     * has one, and {@code Authorization}.
     *
     * @param method  the HTTP method, as sent
     * @param uri     the URI as sent: its raw path and raw query are what the server sees
     * @param headers the headers the request carries (names in any case); a {@code Host} header among them is
     *                signed as given, else the host is the URI's, as {@code java.net.http} sends it
     * @param body    the body bytes exactly as sent (empty for none)
     * @throws IllegalArgumentException when the request carries an {@code X-Sdk-Date} that is not of the form
     *                                  {@code 20261203T075514Z}
     */
    public Map<String, String> sign(String method, URI uri, Map<String, List<String>> headers, byte[] body) {
        SortedMap<String, String> signed = new TreeMap<>();
        headers.forEach((name, values) -> signed.put(name.toLowerCase(Locale.ROOT), joined(values)));
        Map<String, String> added = new LinkedHashMap<>();
        credentials.projectId().ifPresent(id -> addUnlessPresent(signed, added, "X-Project-Id", id));
        credentials.securityToken().ifPresent(token -> addUnlessPresent(signed, added, "X-Security-Token", token));
        signed.putIfAbsent("host", host(uri));
        String date = signed.get("x-sdk-date");
        if (date == null) {
            date = CanonicalRequest.DATE.format(clock.instant());
            added.put(CanonicalRequest.DATE_HEADER, date);
            signed.put("x-sdk-date", date);
        } else if (CanonicalRequest.parseDate(date) == null) {
            throw new IllegalArgumentException("X-Sdk-Date must be of the form 20261203T075514Z (UTC)");
        }
        String stringToSign = CanonicalRequest.stringToSign(method, uri.getRawPath(), uri.getRawQuery(), signed,
                CanonicalRequest.payloadHash(signed, body), date);
        added.put("Authorization", CanonicalRequest.ALGORITHM + " Access=" + credentials.accessKey() + ", SignedHeaders="
                + String.join(";", signed.keySet()) + ", Signature=" + CanonicalRequest.signature(credentials.secretKey(), stringToSign));
        return added;
    }

    /** The {@code Host} header {@code java.net.http} sends for a URI: the port only when it is not the scheme's default. */
    static String host(URI uri) {
        String host = uri.getHost();
        int port = uri.getPort();
        boolean secure = "https".equalsIgnoreCase(uri.getScheme());
        boolean defaultPort = port == -1 || (secure ? port == 443 : port == 80);
        return defaultPort ? host : host + ":" + port;
    }

    /** Several values of one header travel as one comma-separated value; values are trimmed as a server reads them. */
    static String joined(List<String> values) {
        return String.join(",", values.stream().map(String::strip).toList());
    }

    private static void addUnlessPresent(SortedMap<String, String> signed, Map<String, String> added, String name, String value) {
        if (signed.putIfAbsent(name.toLowerCase(Locale.ROOT), value) == null) {
            added.put(name, value);
        }
    }
}
