package dev.jobsopenapi.reference;

import dev.jobsopenapi.specs.SpecTree;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/**
 * Names the path parameters behind bad segments of a request path, so a refusal can say which parameter is
 * wrong: the bad segments are replaced by marks that the specs' templates match, and the matching operation
 * tells which parameters hold the marks.
 */
final class PathParameters {

    private PathParameters() {
    }

    /**
     * The names of the parameters whose segments the predicate picks (comma-separated), or the empty string
     * when no operation of the specs fits the path. A trailing slash is not a segment.
     */
    static String picked(List<SpecTree.Route> routes, String method, String path, Predicate<String> bad) {
        String[] segments = path.split("/", -1);
        int last = segments.length - 1;
        List<String> marks = new ArrayList<>();
        for (int i = 1; i < segments.length; i++) {   // segment 0 is what precedes the leading slash
            if (!(i == last && segments[i].isEmpty()) && bad.test(segments[i])) {
                segments[i] = "\u0000" + i;
                marks.add(segments[i]);
            }
        }
        if (marks.isEmpty()) {
            return "";
        }
        String marked = String.join("/", segments);
        // A path without template variables wins over a templated one, as in the router.
        Optional<SpecTree.Route> route = routes.stream()
                .filter(r -> r.method().equalsIgnoreCase(method) && r.match(marked).isPresent())
                .min(java.util.Comparator.comparingInt(r -> r.pathVariables().size()));
        return route.map(r -> r.match(marked).orElseThrow().entrySet().stream()
                .filter(e -> marks.contains(e.getValue())).map(Map.Entry::getKey).collect(Collectors.joining(", ")))
                .orElse("");
    }
}
