package dev.jobsopenapi.client;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The client's changed templates are the pinned generator's own plus this project's patches, and a generator whose
 * template no longer has the lines a patch touches stops the build, naming the line, instead of drifting silently.
 */
class TemplatePatchesTest {

    private static final Path GENERATOR = Path.of("target/generator/openapi-generator.jar");
    private static final Path PATCHES = Path.of("src/main/template-patches");
    private static final String API = "Java/libraries/native/api.mustache";
    private static final String EXCEPTION = "Java/libraries/native/apiException.mustache";

    @Test
    void theTemplatesTheBuildUsedAreThePinnedUpstreamOnesWithThePatches(@TempDir Path out) throws Exception {
        Result result = applyTo(GENERATOR, out);
        assertEquals(0, result.exit(), result.output());
        for (String template : new String[] {"libraries/native/api.mustache", "apiException.mustache"}) {
            assertEquals(Files.readString(Path.of("target/templates", template)), Files.readString(out.resolve(template)));
        }
        assertTrue(Files.readString(out.resolve("libraries/native/api.mustache")).contains("private <T> T readAnswer("));
    }

    @Test
    void anUpstreamChangeUnderAPatchFailsNamingTheHunkAndLine(@TempDir Path dir) throws Exception {
        String upstream = entry(API);
        String changed = upstream.replace("String message = formatExceptionMessage(operationId, response.statusCode(), body);",
                "String message = formatExceptionMessage(operationId, response.statusCode(), body, response.headers());");
        assertFalse(upstream.equals(changed), "the line the test changes is in the pinned template");
        Path jar = dir.resolve("changed-generator.jar");
        try (OutputStream file = Files.newOutputStream(jar); ZipOutputStream zip = new ZipOutputStream(file)) {
            put(zip, API, changed);
            put(zip, EXCEPTION, entry(EXCEPTION));
        }
        Result result = applyTo(jar, dir.resolve("out"));
        assertEquals(1, result.exit(), result.output());
        assertTrue(result.output().contains("api.mustache.patch, hunk 1, upstream line"), result.output());
        assertTrue(result.output().contains("formatExceptionMessage"), result.output());
        assertFalse(Files.exists(dir.resolve("out")), "nothing is written unless every patch applies");
    }

    private record Result(int exit, String output) {
    }

    private static Result applyTo(Path jar, Path out) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "src/build/ApplyTemplatePatches.java", jar.toString(), PATCHES.toString(), out.toString())
                .redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        return new Result(process.waitFor(), output);
    }

    private static String entry(String name) throws IOException {
        try (ZipFile zip = new ZipFile(GENERATOR.toFile()); InputStream in = zip.getInputStream(zip.getEntry(name))) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private static void put(ZipOutputStream zip, String name, String text) throws IOException {
        zip.putNextEntry(new ZipEntry(name));
        zip.write(text.getBytes(StandardCharsets.UTF_8));
        zip.closeEntry();
    }
}
