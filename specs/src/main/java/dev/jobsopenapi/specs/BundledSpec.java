package dev.jobsopenapi.specs;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URL;
import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * The OpenAPI documents this library ships, as classpath resources under {@code dev/jobsopenapi/specs/}.
 *
 * <pre>{@code
 * try (InputStream yaml = BundledSpec.MODELARTS_DEVSERVER_JOBS.open()) { ... }
 * }</pre>
 */
public enum BundledSpec {
    /** ModelArts Lite Server (DevServer) jobs: list and details. */
    MODELARTS_DEVSERVER_JOBS("modelarts-devserver-jobs"),
    /** openYuanrong frontend jobs (Ray-Jobs-compatible). */
    OPENYUANRONG_JOBS("openyuanrong-jobs");

    private static final String DIRECTORY = "dev/jobsopenapi/specs/";

    private final String name;

    BundledSpec(String name) {
        this.name = name;
    }

    /** The short name, also the file name without {@code .yaml}, for example {@code openyuanrong-jobs}. */
    public String specName() {
        return name;
    }

    /** The file name, for example {@code openyuanrong-jobs.yaml}. */
    public String fileName() {
        return name + ".yaml";
    }

    /** The classpath resource path, for example {@code dev/jobsopenapi/specs/openyuanrong-jobs.yaml}. */
    public String resourcePath() {
        return DIRECTORY + fileName();
    }

    /** The same document as JSON, for example {@code dev/jobsopenapi/specs/openyuanrong-jobs.json}. */
    public String jsonResourcePath() {
        return DIRECTORY + specName() + ".json";
    }

    /** The resource's URL; fails if the jar on the classpath does not hold it. */
    public URL url() {
        return resource(resourcePath());
    }

    /** Opens the YAML document; the caller closes the stream. */
    public InputStream open() {
        return openResource(resourcePath());
    }

    /** Opens the document as JSON (the build writes it from the YAML); the caller closes the stream. */
    public InputStream openJson() {
        return openResource(jsonResourcePath());
    }

    private static URL resource(String path) {
        URL url = BundledSpec.class.getClassLoader().getResource(path);
        if (url == null) {
            throw new IllegalStateException("The spec " + path + " is not on the classpath");
        }
        return url;
    }

    private static InputStream openResource(String path) {
        try {
            return resource(path).openStream();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + path, e);
        }
    }

    /**
     * Finds a bundled spec by its short name or file name, ignoring case.
     *
     * @throws IllegalArgumentException naming the known specs when none matches
     */
    public static BundledSpec byName(String nameOrFileName) {
        String wanted = nameOrFileName.toLowerCase(Locale.ROOT);
        for (BundledSpec spec : values()) {
            if (spec.name.equals(wanted) || spec.fileName().equals(wanted)) {
                return spec;
            }
        }
        throw new IllegalArgumentException("No bundled spec named '" + nameOrFileName + "'; known: "
                + Arrays.stream(values()).map(BundledSpec::specName).collect(Collectors.joining(", ")));
    }
}
