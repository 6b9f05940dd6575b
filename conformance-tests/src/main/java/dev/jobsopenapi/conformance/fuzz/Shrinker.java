package dev.jobsopenapi.conformance.fuzz;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Smaller versions of a request, one step each: a query parameter or header left out, an object property left
 * out, an array's last item dropped. The fuzzer keeps a candidate only if the contract still judges it as it
 * judged the original and the server still fails the same check.
 */
final class Shrinker {

    private Shrinker() {
    }

    static List<FuzzRequest> candidates(FuzzRequest request) {
        List<FuzzRequest> out = new ArrayList<>();
        for (String name : request.query().keySet()) {
            Map<String, String> fewer = new LinkedHashMap<>(request.query());
            fewer.remove(name);
            out.add(request.withQuery(fewer));
        }
        for (String name : request.headers().keySet()) {
            Map<String, String> fewer = new LinkedHashMap<>(request.headers());
            fewer.remove(name);
            out.add(request.withHeaders(fewer));
        }
        if (request.body() != null) {
            List<String> pointers = new ArrayList<>();
            removable(request.body(), "", pointers);
            for (String pointer : pointers) {
                out.add(request.withBody(Pointers.apply(request.body(), pointer, null)));
            }
        }
        return out;
    }

    /** The pointers of every property and every array's last item, outermost first. */
    private static void removable(JsonNode node, String pointer, List<String> out) {
        if (node.isObject()) {
            node.fieldNames().forEachRemaining(name -> out.add(pointer + "/" + name.replace("~", "~0").replace("/", "~1")));
            node.fields().forEachRemaining(field -> removable(field.getValue(),
                    pointer + "/" + field.getKey().replace("~", "~0").replace("/", "~1"), out));
        } else if (node.isArray() && !node.isEmpty()) {
            out.add(pointer + "/" + (node.size() - 1));
            for (int i = 0; i < node.size(); i++) {
                removable(node.get(i), pointer + "/" + i, out);
            }
        }
    }
}
