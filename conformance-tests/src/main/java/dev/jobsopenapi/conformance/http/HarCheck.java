package dev.jobsopenapi.conformance.http;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.jobsopenapi.conformance.ApiContract;
import dev.jobsopenapi.conformance.Body;
import dev.jobsopenapi.conformance.SecuritySchemes;
import dev.jobsopenapi.conformance.Violation;
import dev.jobsopenapi.specs.Resolution;
import dev.jobsopenapi.conformance.Target;
import dev.jobsopenapi.conformance.ValidationResult;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.zip.GZIPInputStream;
import java.util.zip.InflaterInputStream;

/**
 * Checks what a browser, a debugging proxy or a test recorded in a HAR 1.2 file (DevTools, Charles, mitmproxy,
 * Playwright): every entry whose method and path a spec documents has its request and its answer checked (bodies as
 * {@code text} or {@code base64}, and gzip or deflate bytes undone where the file holds them compressed); every other
 * entry is listed as skipped, with the reason. The file is read one entry at a time, never whole.
 */
public final class HarCheck {

    /** The longest string an entry may hold (a recorded body is one string): 256 Mi characters. */
    static final int MAX_STRING = 256 * 1024 * 1024;
    private static final ObjectMapper JSON = new ObjectMapper(JsonFactory.builder()
            .streamReadConstraints(com.fasterxml.jackson.core.StreamReadConstraints.builder().maxStringLength(MAX_STRING).build())
            .build());

    /**
     * One entry's outcome: its checks (the request's, then the answer's when it was recorded), or why it was skipped.
     *
     * @param status the recorded answer's status (0 when none was recorded)
     */
    public record Entry(int index, String method, String url, int status, List<ValidationResult> checks, Optional<String> skipped) {
    }

    /** The file is not a HAR document (not JSON, truncated, no {@code log.entries}, an entry without its fields). */
    public static final class NotAHar extends IOException {
        NotAHar(String message) {
            super(message);
        }
    }

    private HarCheck() {
    }

    /**
     * Checks every entry of the file against the first contract that documents its method and path, handing each
     * entry's outcome to {@code each} in file order.
     *
     * @throws NotAHar     when the file is not a HAR document
     * @throws IOException when it cannot be read
     */
    public static void check(Path har, List<ApiContract> contracts, Consumer<Entry> each) throws IOException {
        if (Files.isDirectory(har)) {
            throw new IOException(har + " is a directory, not a HAR file");
        }
        try (InputStream in = Files.newInputStream(har); JsonParser parser = JSON.createParser(in)) {
            if (parser.nextToken() != JsonToken.START_OBJECT || !into(parser, "log") || !into(parser, "entries")
                    || parser.currentToken() != JsonToken.START_ARRAY) {
                throw new NotAHar(har + " is not a HAR file: it has no log.entries array");
            }
            int index = 0;
            while (parser.nextToken() == JsonToken.START_OBJECT) {
                JsonNode entry = parser.readValueAsTree();
                each.accept(check(index++, entry, contracts));
            }
            if (parser.currentToken() != JsonToken.END_ARRAY) {
                throw new NotAHar(har + " is not a HAR file: log.entries holds something other than entries");
            }
        } catch (com.fasterxml.jackson.core.exc.StreamConstraintsException e) {
            throw new NotAHar(har + " holds an entry beyond what the checker reads (a string over " + MAX_STRING
                    + " characters, or nesting over 1000 levels)");
        } catch (JsonProcessingException e) {
            throw new NotAHar(har + " is not a HAR file: " + e.getOriginalMessage().lines().findFirst().orElse("")
                    + (e.getLocation() == null ? "" : " (line " + e.getLocation().getLineNr() + ")"));
        }
    }

    /** The URL without its query and fragment. */
    private static String withoutQuery(URI uri) {
        return (uri.getScheme() == null ? "" : uri.getScheme() + "://") + (uri.getRawAuthority() == null ? "" : uri.getRawAuthority())
                + (uri.getRawPath() == null ? "" : uri.getRawPath());
    }

    /** Moves the parser, standing on an object's start, onto the value of its field {@code name}. */
    private static boolean into(JsonParser parser, String name) throws IOException {
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
            String field = parser.currentName();
            JsonToken value = parser.nextToken();
            if (field.equals(name)) {
                return value == JsonToken.START_OBJECT || value == JsonToken.START_ARRAY;
            }
            parser.skipChildren();
        }
        return false;
    }

    private static Entry check(int index, JsonNode entry, List<ApiContract> contracts) throws NotAHar {
        JsonNode request = entry.path("request");
        JsonNode response = entry.path("response");
        String method = request.path("method").asText("").toUpperCase(Locale.ROOT);
        String url = request.path("url").asText("");
        if (method.isEmpty() || url.isEmpty() || !response.isObject()) {
            throw new NotAHar("entry " + index + " has no request.method, request.url or response");
        }
        URI uri;
        try {
            uri = URI.create(url);
        } catch (IllegalArgumentException e) {
            return skipped(index, method, url, "its URL cannot be read");
        }
        // A HAR holds the credentials it recorded: none of the specs' credentials is written out
        Redactor redactor = new Redactor(contracts.stream().map(ApiContract::securitySchemes).toList());
        redactor.query(uri.getRawQuery());
        for (JsonNode header : request.path("headers")) {
            redactor.header(header.path("name").asText(""), List.of(header.path("value").asText("")));
        }
        url = redactor.apply(url);
        String path = uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath();
        String pathAndQuery = uri.getRawQuery() == null ? path : path + "?" + uri.getRawQuery();
        int status = response.path("status").asInt(0);
        ApiContract.Routed routed = ApiContract.route(contracts, method, pathAndQuery);
        Optional<ApiContract> contract = routed.contract();
        if (routed.resolution().kind() == Resolution.Kind.REFUSED && contract.isPresent()) {
            return new Entry(index, method, url, status, List.of(redactor.apply(new ValidationResult("HAR entry " + index + ": "
                    + contract.get().name() + " " + method + " " + path, List.of(new Violation("", "(request)", "path",
                    "the request path does not normalise cleanly (" + routed.resolution().reason()
                    + "), so no operation can be told"))))), Optional.empty());
        }
        if (!routed.resolution().matched()) {
            // Only what a spec documents is printed whole: a URL of another service may carry its own credentials.
            return skipped(index, method, withoutQuery(uri), "no spec documents " + method + " " + path);
        }
        if (status <= 0) {
            return skipped(index, method, url, "no answer was recorded (status " + status + ")");
        }
        String prefix = "HAR entry " + index + ": ";
        List<ValidationResult> checks = new ArrayList<>();
        JsonNode postData = request.path("postData");
        Body requestBody = postData.has("text") ? Body.of(postData.get("text").asText()) : Body.none();
        checks.add(redactor.apply(prefixed(prefix, contract.get().validateRequest(Target.route(method, pathAndQuery),
                postData.path("mimeType").asText(header(request, "Content-Type")), requestBody))));
        JsonNode content = response.path("content");
        String contentType = content.path("mimeType").asText(header(response, "Content-Type"));
        Optional<byte[]> body = answerBytes(content, header(response, "Content-Encoding"));
        if (body.isEmpty()) {
            return new Entry(index, method, url, status, checks, Optional.of("the answer's body was not recorded (content.text"
                    + " absent), so only the request was checked"));
        }
        checks.add(redactor.apply(prefixed(prefix, contract.get().validateResponse(Target.route(method, path),
                Integer.toString(status), contentType, Body.of(body.get())))));
        return new Entry(index, method, url, status, checks, Optional.empty());
    }

    /** The answer's bytes as the server meant them: base64 decoded, gzip or deflate undone where still applied. */
    private static Optional<byte[]> answerBytes(JsonNode content, String contentEncoding) {
        if (!content.has("text")) {
            return content.path("size").asLong(0) == 0 ? Optional.of(new byte[0]) : Optional.empty();
        }
        String text = content.get("text").asText();
        byte[] bytes;
        if ("base64".equalsIgnoreCase(content.path("encoding").asText(""))) {
            try {
                bytes = Base64.getMimeDecoder().decode(text);
            } catch (IllegalArgumentException e) {
                return Optional.of(text.getBytes(StandardCharsets.UTF_8));
            }
        } else {
            bytes = text.getBytes(StandardCharsets.UTF_8);
        }
        String encoding = contentEncoding.toLowerCase(Locale.ROOT);
        try {
            if (bytes.length > 2 && (bytes[0] & 0xFF) == 0x1F && (bytes[1] & 0xFF) == 0x8B) {
                return Optional.of(new GZIPInputStream(new ByteArrayInputStream(bytes)).readAllBytes());
            }
            if (encoding.contains("deflate") && bytes.length > 1 && (bytes[0] & 0x0F) == 8) {
                return Optional.of(new InflaterInputStream(new ByteArrayInputStream(bytes)).readAllBytes());
            }
        } catch (IOException notCompressedAfterAll) {
            // recorded decoded, as browsers do: check the bytes as they are
        }
        return Optional.of(bytes);
    }

    private static String header(JsonNode message, String name) {
        for (JsonNode header : message.path("headers")) {
            if (header.path("name").asText("").equalsIgnoreCase(name)) {
                return header.path("value").asText("");
            }
        }
        return "";
    }

    private static ValidationResult prefixed(String prefix, ValidationResult result) {
        return new ValidationResult(prefix + result.subject(), result.violations());
    }

    private static Entry skipped(int index, String method, String url, String why) {
        return new Entry(index, method, url, 0, List.of(), Optional.of(why));
    }
}
