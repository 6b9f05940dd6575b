package dev.jobsopenapi.specs;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Which API and which operation a request is, over several specs: the one place every door of this project asks
 * (the reference server's front door and error bodies, the checker's {@code Target}, the proxy, the HAR reader and
 * {@code probe}). Immutable; build it once.
 *
 * <pre>{@code
 * Router router = Router.bundled();
 * Resolution r = router.resolve("GET", "/v1;/p/dev-servers/jobs");
 * r.kind();   // REFUSED: a segment holds a matrix parameter (;)
 * r.api();    // Optional[modelarts-devserver-jobs]: refused in ModelArts's error shape
 * }</pre>
 */
public final class Router {

    private final List<RouteTable> tables;

    private Router(List<RouteTable> tables) {
        this.tables = List.copyOf(tables);
    }

    /** A router over these specs' tables, asked in this order. */
    public static Router of(List<RouteTable> tables) {
        return new Router(tables);
    }

    /** A router over both bundled specs. */
    public static Router bundled() {
        return of(List.of(RouteTable.of(BundledSpec.MODELARTS_DEVSERVER_JOBS), RouteTable.of(BundledSpec.OPENYUANRONG_JOBS)));
    }

    /** The tables, in the order they are asked. */
    public List<RouteTable> tables() {
        return tables;
    }

    /** Which API and operation serve the method on a raw path with an optional query. */
    public Resolution resolve(String method, String rawPathAndQuery) {
        return resolve(method, RequestTarget.parse(rawPathAndQuery));
    }

    /**
     * Which API and operation serve the method on the target: the first table whose operation serves it; else the
     * decision of the first table that owns the target ({@link RouteTable#owns}); else an unknown path for no API.
     */
    public Resolution resolve(String method, RequestTarget target) {
        Resolution owned = null;
        for (RouteTable table : tables) {
            Resolution r = table.resolve(method, target);
            if (r.matched()) {
                return r;
            }
            if (owned == null && r.api().isPresent()) {
                owned = r;
            }
        }
        if (owned != null) {
            return owned;
        }
        return target.isClean()
                ? new Resolution(Resolution.Kind.UNKNOWN_PATH, Optional.empty(), Optional.empty(), Map.of(), target,
                        "no path of any spec matches " + target.rawPath(), List.of())
                : new Resolution(Resolution.Kind.REFUSED, Optional.empty(), Optional.empty(), Map.of(), target,
                        target.problem().orElseThrow(), List.of());
    }

    /** The API a raw path is meant for (for an error body's shape), or empty when none owns it. */
    public Optional<String> apiOf(String rawPath) {
        RequestTarget target = RequestTarget.of(rawPath, null);
        return tables.stream().filter(t -> t.owns(target)).map(RouteTable::api).findFirst();
    }
}
