package dev.jobsopenapi.specs;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * A request target (the raw path and query a client sent) split and decoded by the one rule every door of this
 * project uses: the reference server's filters, the checker, the proxy, the HAR reader and {@code probe}.
 *
 * <p>A path <em>normalises cleanly</em> when each segment percent-decodes to UTF-8 text with no control character,
 * and when it holds no matrix parameter ({@code ;}), no dot segment ({@code .}, {@code ..}, also encoded), no empty
 * segment ({@code //}; one trailing slash is allowed and ignored), no encoded separator ({@code %2F}, {@code %5C})
 * or backslash, and is at most {@link #MAX_PATH_LENGTH} characters long. Anything else has a {@link #problem()}:
 * servers and routers disagree on what such a path means, so it is refused rather than guessed at.
 *
 * <p>Two decoding rules, each written once here: in a path segment {@code +} is a plus sign
 * ({@link #decodePathSegment}); in a query component it is a space ({@link #decodeQueryComponent}), as HTML forms,
 * Jersey and Go's {@code net/url} read it.
 */
public final class RequestTarget {

    /** The longest raw path that normalises: 4,096 characters. */
    public static final int MAX_PATH_LENGTH = 4096;

    private final String rawPath;
    private final String rawQuery;
    private final List<String> segments;
    private final List<Integer> badSegments;
    private final String problem;

    private RequestTarget(String rawPath, String rawQuery, List<String> segments, List<Integer> badSegments, String problem) {
        this.rawPath = rawPath;
        this.rawQuery = rawQuery;
        this.segments = segments;
        this.badSegments = badSegments;
        this.problem = problem;
    }

    /**
     * Splits a raw path with an optional query ({@code /api/jobs/app-1?x=1}); a fragment, if any, is dropped. An empty
     * target is {@code /}.
     */
    public static RequestTarget parse(String rawPathAndQuery) {
        String target = rawPathAndQuery == null ? "" : rawPathAndQuery;
        int hash = target.indexOf('#');
        if (hash >= 0) {
            target = target.substring(0, hash);
        }
        int q = target.indexOf('?');
        return of(q < 0 ? target : target.substring(0, q), q < 0 ? null : target.substring(q + 1));
    }

    /** A raw path and a raw query ({@code null} when the target has none). */
    public static RequestTarget of(String rawPath, String rawQuery) {
        String path = rawPath == null || rawPath.isEmpty() ? "/" : rawPath;
        if (path.length() > MAX_PATH_LENGTH) {
            return refused(path, rawQuery, List.of(), List.of(), "the path is longer than " + MAX_PATH_LENGTH + " characters");
        }
        if (path.charAt(0) != '/') {
            return refused(path, rawQuery, List.of(), List.of(), "the path does not start with /");
        }
        String[] raw = path.substring(1).split("/", -1);
        int count = raw.length > 1 && raw[raw.length - 1].isEmpty() ? raw.length - 1 : raw.length; // one trailing slash
        if (count == 1 && raw[0].isEmpty()) {
            count = 0; // "/" itself
        }
        List<String> decoded = new ArrayList<>(count);
        List<Integer> bad = new ArrayList<>();
        String first = null;
        for (int i = 0; i < count; i++) {
            String why = segmentProblem(raw[i]);
            String value = why == null ? decodePathSegment(raw[i]).orElse(null) : null;
            if (why == null && value == null) {
                why = "a segment holds a malformed percent escape or bytes that are not UTF-8";
            }
            if (why == null) {
                why = decodedProblem(value);
            }
            if (why != null) {
                bad.add(i);
                first = first == null ? why : first;
                decoded.add(raw[i]);
            } else {
                decoded.add(value);
            }
        }
        return first == null ? new RequestTarget(path, rawQuery, List.copyOf(decoded), List.of(), null)
                : refused(path, rawQuery, decoded, bad, first);
    }

    private static RequestTarget refused(String path, String query, List<String> segments, List<Integer> bad, String why) {
        return new RequestTarget(path, query, Collections.unmodifiableList(new ArrayList<>(segments)), List.copyOf(bad), why);
    }

    /** Why a raw segment cannot be read as one path segment, judged before decoding; null when it can. */
    private static String segmentProblem(String raw) {
        if (raw.isEmpty()) {
            return "the path has an empty segment (//)";
        }
        if (raw.indexOf(';') >= 0) {
            return "a segment holds a matrix parameter (;)";
        }
        if (raw.indexOf('\\') >= 0) {
            return "a segment holds a backslash";
        }
        String lower = raw.toLowerCase(Locale.ROOT);
        if (lower.contains("%2f") || lower.contains("%5c")) {
            return "a segment holds an encoded separator (%2F or %5C)";
        }
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            if (c < 0x20 || c == 0x7f || c == ' ') {
                return "a segment holds a control character or a space";
            }
        }
        return null;
    }

    /** Why a decoded segment is not a plain segment; null when it is. */
    private static String decodedProblem(String value) {
        if (value.equals(".") || value.equals("..")) {
            return "the path has a dot segment (. or ..)";
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c < 0x20 || c == 0x7f) {
                return "a segment holds an encoded control character";
            }
        }
        return null;
    }

    /** The path as sent, for example {@code /api/jobs/app-1}. */
    public String rawPath() {
        return rawPath;
    }

    /** The query as sent, without its {@code ?}, if the target had one. */
    public Optional<String> rawQuery() {
        return Optional.ofNullable(rawQuery);
    }

    /** The path and query as sent. */
    public String rawPathAndQuery() {
        return rawQuery == null ? rawPath : rawPath + "?" + rawQuery;
    }

    /** Why the path does not normalise cleanly, or empty when it does. */
    public Optional<String> problem() {
        return Optional.ofNullable(problem);
    }

    /** True when the path normalises cleanly. */
    public boolean isClean() {
        return problem == null;
    }

    /**
     * The path's segments, percent-decoded (a trailing slash ignored); a segment with a problem stays as sent. Read
     * them for routing only when the target {@link #isClean()}.
     */
    public List<String> segments() {
        return segments;
    }

    /** The positions (from 0) of the segments that have a problem. */
    public List<Integer> badSegments() {
        return badSegments;
    }

    /**
     * The name of the first segment as a router would see it even in a path that does not normalise: decoded where it
     * can be, cut at a matrix parameter, lower case; empty for {@code /}. Only for saying which API a refused request
     * was meant for (its error shape), never for routing.
     */
    public String firstSegmentName() {
        String raw = rawPath.length() > 1 ? rawPath.substring(1).split("/", 2)[0] : "";
        int semicolon = raw.indexOf(';');
        String name = semicolon >= 0 ? raw.substring(0, semicolon) : raw;
        return decodePathSegment(name).orElse(name).toLowerCase(Locale.ROOT);
    }

    /**
     * The query's parameters, decoded by the query rule, in order of first appearance; a name given twice has two
     * values. A part with a malformed escape is kept as sent.
     */
    public Map<String, List<String>> query() {
        Map<String, List<String>> values = new LinkedHashMap<>();
        if (rawQuery == null || rawQuery.isEmpty()) {
            return values;
        }
        for (String pair : rawQuery.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            String name = eq < 0 ? pair : pair.substring(0, eq);
            String value = eq < 0 ? "" : pair.substring(eq + 1);
            values.computeIfAbsent(decodeQueryComponent(name).orElse(name), k -> new ArrayList<>())
                    .add(decodeQueryComponent(value).orElse(value));
        }
        return values;
    }

    /** Percent-decodes a path segment ({@code +} stays a plus sign); empty when an escape is malformed or not UTF-8. */
    public static Optional<String> decodePathSegment(String raw) {
        return percentDecode(raw, false);
    }

    /** Percent-decodes a query name or value ({@code +} is a space); empty when an escape is malformed or not UTF-8. */
    public static Optional<String> decodeQueryComponent(String raw) {
        return percentDecode(raw, true);
    }

    /** Percent-encodes a value as one path segment: everything but RFC 3986's unreserved characters is escaped. */
    public static String encodePathSegment(String value) {
        return percentEncode(value);
    }

    /** Percent-encodes a value as a query name or value (a space as {@code %20}, read back the same by either rule). */
    public static String encodeQueryComponent(String value) {
        return percentEncode(value);
    }

    private static String percentEncode(String value) {
        StringBuilder out = new StringBuilder(value.length());
        for (byte b : value.getBytes(StandardCharsets.UTF_8)) {
            int c = b & 0xff;
            if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' || c == '.' || c == '_' || c == '~') {
                out.append((char) c);
            } else {
                out.append('%').append(Character.toUpperCase(Character.forDigit(c >> 4, 16)))
                        .append(Character.toUpperCase(Character.forDigit(c & 0xf, 16)));
            }
        }
        return out.toString();
    }

    private static Optional<String> percentDecode(String raw, boolean plusIsSpace) {
        if (raw.indexOf('%') < 0) {
            return Optional.of(plusIsSpace ? raw.replace('+', ' ') : raw);
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(raw.length());
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            if (c == '%') {
                if (i + 2 >= raw.length() || Character.digit(raw.charAt(i + 1), 16) < 0 || Character.digit(raw.charAt(i + 2), 16) < 0) {
                    return Optional.empty();
                }
                bytes.write(Character.digit(raw.charAt(i + 1), 16) * 16 + Character.digit(raw.charAt(i + 2), 16));
                i += 2;
            } else if (c == '+' && plusIsSpace) {
                bytes.write(' ');
            } else {
                byte[] encoded = String.valueOf(c).getBytes(StandardCharsets.UTF_8);
                if (Character.isHighSurrogate(c) && i + 1 < raw.length()) {
                    encoded = raw.substring(i, i + 2).getBytes(StandardCharsets.UTF_8);
                    i++;
                }
                bytes.writeBytes(encoded);
            }
        }
        try {
            return Optional.of(StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes.toByteArray())).toString());
        } catch (CharacterCodingException e) {
            return Optional.empty();
        }
    }

    @Override
    public String toString() {
        return rawPathAndQuery();
    }
}
