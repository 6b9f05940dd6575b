package dev.jobsopenapi.specs;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * The routes of one spec, compiled once and immutable: which operation serves a method on a request target, and
 * with which path parameters. A target that does not normalise cleanly ({@link RequestTarget#problem()}) is never
 * routed. Where several templates fit a path, the one with a literal segment where the other has a parameter, at the
 * first segment where they differ, wins (as in JAX-RS): {@code /jobs/templates} beats {@code /jobs/{id}}.
 *
 * <pre>{@code
 * RouteTable table = RouteTable.of("openyuanrong-jobs", document);
 * Resolution r = table.resolve("GET", RequestTarget.parse("/api/jobs/app-1"));
 * r.operationId();        // Optional[getJob]
 * r.pathParameters();     // {submissionId=app-1}
 * }</pre>
 */
public final class RouteTable {

    /** One segment of a template: a literal, or a parameter with an optional literal prefix and suffix. */
    private record Part(String literal, String parameter, String prefix, String suffix) {

        static Part of(String templateSegment) {
            int open = templateSegment.indexOf('{');
            int close = templateSegment.indexOf('}');
            if (open < 0 && close < 0) {
                return new Part(templateSegment, null, "", "");
            }
            if (open < 0 || close < open || templateSegment.indexOf('{', open + 1) >= 0) {
                throw new IllegalArgumentException("unsupported path template segment '" + templateSegment
                        + "' (one {parameter} per segment)");
            }
            return new Part(null, templateSegment.substring(open + 1, close), templateSegment.substring(0, open),
                    templateSegment.substring(close + 1));
        }

        boolean isLiteral() {
            return literal != null;
        }

        /** The parameter's value in the segment, or null when the segment does not fit. */
        String fit(String segment) {
            if (isLiteral()) {
                return literal.equals(segment) ? "" : null;
            }
            boolean fits = segment.length() > prefix.length() + suffix.length() && segment.startsWith(prefix) && segment.endsWith(suffix);
            return fits ? segment.substring(prefix.length(), segment.length() - suffix.length()) : null;
        }
    }

    /** A compiled route. */
    private record Compiled(SpecTree.Route route, List<Part> parts) {

        /** The parameters by name when the segments fit; a segment at a position in {@code wildcards} fits any parameter. */
        Map<String, String> fit(List<String> segments, Set<Integer> wildcards) {
            if (segments.size() != parts.size()) {
                return null;
            }
            Map<String, String> values = new LinkedHashMap<>();
            for (int i = 0; i < parts.size(); i++) {
                Part part = parts.get(i);
                if (wildcards.contains(i) && !part.isLiteral()) {
                    values.put(part.parameter(), segments.get(i));
                    continue;
                }
                String value = part.fit(segments.get(i));
                if (value == null) {
                    return null;
                }
                if (!part.isLiteral()) {
                    values.put(part.parameter(), value);
                }
            }
            return values;
        }

        /** Negative when this route's segments are more literal than the other's at the first place they differ. */
        int compareSpecificity(Compiled other) {
            for (int i = 0; i < Math.min(parts.size(), other.parts.size()); i++) {
                boolean mine = parts.get(i).isLiteral();
                boolean theirs = other.parts.get(i).isLiteral();
                if (mine != theirs) {
                    return mine ? -1 : 1;
                }
            }
            return 0;
        }
    }

    private final String api;
    private final List<Compiled> routes;
    private final Set<String> firstSegments;

    private RouteTable(String api, List<Compiled> routes) {
        this.api = api;
        this.routes = List.copyOf(routes);
        Set<String> first = new TreeSet<>();
        for (Compiled c : routes) {
            if (!c.parts().isEmpty() && c.parts().get(0).isLiteral()) {
                first.add(c.parts().get(0).literal().toLowerCase(Locale.ROOT));
            }
        }
        this.firstSegments = Set.copyOf(first);
    }

    /** The routes of every operation of the document, compiled; {@code api} names the spec. */
    public static RouteTable of(String api, JsonNode document) {
        List<Compiled> compiled = new ArrayList<>();
        for (SpecTree.Route route : SpecTree.routes(document)) {
            compiled.add(compile(route));
        }
        return new RouteTable(api, compiled);
    }

    /** A table of one route (its API unnamed). */
    static RouteTable of(SpecTree.Route route) {
        return new RouteTable("", List.of(compile(route)));
    }

    /** The bundled spec's routes. */
    public static RouteTable of(BundledSpec spec) {
        return of(spec.specName(), SpecTree.document(spec));
    }

    private static Compiled compile(SpecTree.Route route) {
        String template = route.pathTemplate();
        List<Part> parts = new ArrayList<>();
        if (template.length() > 1) {
            for (String segment : template.substring(1).split("/", -1)) {
                parts.add(Part.of(segment));
            }
        }
        return new Compiled(route, List.copyOf(parts));
    }

    /** The name of the spec, for example {@code openyuanrong-jobs}. */
    public String api() {
        return api;
    }

    /** Every route, in document order. */
    public List<SpecTree.Route> routes() {
        return routes.stream().map(Compiled::route).toList();
    }

    /**
     * True when the target is meant for this API: its first segment (decoded, without matrix parameters, in any
     * case) is the first segment of one of the spec's paths. Used to pick a refusal's error shape and to decide which
     * front door guards a request, never to route it.
     */
    public boolean owns(RequestTarget target) {
        return firstSegments.contains(target.firstSegmentName());
    }

    /** Which operation serves the method on the target (a path and optional query). */
    public Resolution resolve(String method, RequestTarget target) {
        Optional<String> owner = owns(target) ? Optional.of(api) : Optional.empty();
        if (!target.isClean()) {
            return new Resolution(Resolution.Kind.REFUSED, owner, Optional.empty(), Map.of(), target,
                    target.problem().orElseThrow(), badParameters(method, target));
        }
        String upper = method.toUpperCase(Locale.ROOT);
        Compiled best = null;
        Map<String, String> bestValues = null;
        boolean pathFits = false;
        for (Compiled c : routes) {
            Map<String, String> values = c.fit(target.segments(), Set.of());
            if (values == null) {
                continue;
            }
            pathFits = true;
            if (c.route().method().equals(upper) && (best == null || c.compareSpecificity(best) < 0)) {
                best = c;
                bestValues = values;
            }
        }
        if (best != null) {
            return new Resolution(Resolution.Kind.MATCHED, Optional.of(api), Optional.of(best.route()), bestValues, target,
                    "", List.of());
        }
        return pathFits
                ? new Resolution(Resolution.Kind.UNKNOWN_METHOD, Optional.of(api), Optional.empty(), Map.of(), target,
                        "method " + upper + " is not documented for " + target.rawPath(), List.of())
                : new Resolution(Resolution.Kind.UNKNOWN_PATH, owner, Optional.empty(), Map.of(), target,
                        "no path of the spec matches " + target.rawPath(), List.of());
    }

    /** The parameters that sit where the bad segments are, in the most literal route that fits with them as wildcards. */
    private List<String> badParameters(String method, RequestTarget target) {
        Set<Integer> bad = Set.copyOf(target.badSegments());
        Compiled best = null;
        Map<String, String> bestValues = null;
        for (Compiled c : routes) {
            Map<String, String> values = c.route().method().equalsIgnoreCase(method) ? c.fit(target.segments(), bad) : null;
            if (values != null && (best == null || c.compareSpecificity(best) < 0)) {
                best = c;
                bestValues = values;
            }
        }
        if (best == null) {
            return List.of();
        }
        List<String> names = new ArrayList<>();
        for (int i : target.badSegments()) {
            Part part = best.parts().get(i);
            if (part.isLiteral()) {
                return List.of(); // the problem is in a fixed part of the path, not in a parameter
            }
            names.add(part.parameter());
        }
        return names;
    }
}
