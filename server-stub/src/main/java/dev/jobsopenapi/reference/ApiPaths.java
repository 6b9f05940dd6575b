package dev.jobsopenapi.reference;

/** Which API a request path belongs to: the one place that knows (ModelArts under {@code /v1/}, openYuanrong under {@code /api/}). */
final class ApiPaths {

    private ApiPaths() {
    }

    /** Whether the path (with or without its leading {@code /}) is a ModelArts one. */
    static boolean isModelArts(String path) {
        return path != null && path.replaceFirst("^/", "").startsWith("v1/");
    }

    /** Whether the path (with or without its leading {@code /}) is an openYuanrong one. */
    static boolean isOpenYuanrong(String path) {
        return path != null && path.replaceFirst("^/", "").startsWith("api/");
    }
}
