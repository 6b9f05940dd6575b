package dev.jobsopenapi.conformance;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Builds are reproducible: the specs module, built a second time from a copy of its sources (with the parent
 * POM, as a user would from the same commit), gives byte-identical jars — classes, sources and javadoc — to
 * the ones this build made. The second build compiles no test source ({@code -Dmaven.test.skip=true}), so this
 * also proves that no build step lives in test sources (the JSON copies of the specs are in the jar either way).
 * Runs Maven offline: this build has fetched everything it needs.
 */
class ReproducibleJarsIT {

    private static final Path ROOT = Path.of("").toAbsolutePath().getParent();
    private static final String VERSION = "0.1.0-SNAPSHOT";

    @Test
    void theSpecsModuleBuildsToTheSameBytesTwice() throws Exception {
        Path copy = Files.createTempDirectory("reproducible");
        Files.copy(ROOT.resolve("pom.xml"), copy.resolve("pom.xml"));
        copyTree(ROOT.resolve("specs"), copy.resolve("specs"));
        Process maven = new ProcessBuilder("mvn", "-o", "-B", "-q", "package", "-Dmaven.test.skip=true", "-f", copy.resolve("specs/pom.xml").toString())
                .redirectErrorStream(true).start();
        maven.getOutputStream().close();
        String output = new String(maven.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(maven.waitFor(5, TimeUnit.MINUTES), "the second build did not finish");
        assertEquals(0, maven.exitValue(), output);
        for (String suffix : List.of(".jar", "-sources.jar", "-javadoc.jar")) {
            String jar = "jobs-openapi-specs-" + VERSION + suffix;
            assertEquals(sha256(ROOT.resolve("specs/target").resolve(jar)), sha256(copy.resolve("specs/target").resolve(jar)), jar);
        }
    }

    private static String sha256(Path file) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
    }

    private static void copyTree(Path from, Path to) throws IOException {
        Files.walkFileTree(from, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) throws IOException {
                String name = dir.getFileName().toString();
                if (!dir.equals(from) && (name.equals("target") || name.equals("node_modules"))) {
                    return FileVisitResult.SKIP_SUBTREE;
                }
                Files.createDirectories(to.resolve(from.relativize(dir).toString()));
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                Files.copy(file, to.resolve(from.relativize(file).toString()), StandardCopyOption.COPY_ATTRIBUTES);
                return FileVisitResult.CONTINUE;
            }
        });
    }
}
