package dev.jobsopenapi.conformance;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One operation of a spec.
 *
 * @param operationId  its {@code operationId} (or {@code "METHOD /path"} when the spec gives none)
 * @param method       the HTTP method, upper case
 * @param pathTemplate the templated path, for example {@code /v1/{project_id}/dev-servers/jobs/{id}}
 * @param pointer      JSON pointer of the operation object in the spec
 */
public record Operation(String operationId, String method, String pathTemplate, String pointer) {

    private static final Pattern VARIABLE = Pattern.compile("\\{([^}/]+)}");

    /** The names of the template's path variables, in order. */
    public List<String> pathVariables() {
        List<String> names = new ArrayList<>();
        Matcher m = VARIABLE.matcher(pathTemplate);
        while (m.find()) {
            names.add(m.group(1));
        }
        return names;
    }

    /**
     * Matches a concrete path (without query string) against the template.
     *
     * @return the decoded path variables when it matches
     */
    public Optional<Map<String, String>> match(String path) {
        StringBuilder regex = new StringBuilder("^");
        Matcher m = VARIABLE.matcher(pathTemplate);
        int last = 0;
        while (m.find()) {
            regex.append(Pattern.quote(pathTemplate.substring(last, m.start()))).append("([^/]+)");
            last = m.end();
        }
        regex.append(Pattern.quote(pathTemplate.substring(last))).append("/?$");
        Matcher match = Pattern.compile(regex.toString()).matcher(path);
        if (!match.matches()) {
            return Optional.empty();
        }
        Map<String, String> values = new LinkedHashMap<>();
        List<String> names = pathVariables();
        for (int i = 0; i < names.size(); i++) {
            values.put(names.get(i), decode(match.group(i + 1)));
        }
        return Optional.of(values);
    }

    /** Percent-decodes a path segment ({@code +} stays a plus); a malformed escape is kept as sent. */
    private static String decode(String segment) {
        try {
            return URLDecoder.decode(segment.replace("+", "%2B"), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return segment;
        }
    }
}
