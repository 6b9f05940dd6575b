package dev.jobsopenapi.readme;

import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

import javax.tools.Diagnostic;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.SimpleJavaFileObject;
import javax.tools.ToolProvider;
import java.io.File;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every Java block of the README and of the pages under {@code docs/} compiles, as written, in a project that depends on the modules through the BOM
 * and nothing else: the README shows the imports and declarations each block needs, so a reader can paste it. A
 * block of statements is compiled as the body of a method; a block that declares a class is compiled as it is.
 * The blocks written against the mock server also run, against a reference server.
 */
class ReadmeJavaBlocksCompileTest {

    static final Path ROOT = Path.of("").toAbsolutePath().getParent();
    static final Path README = ROOT.resolve("README.md");
    private static final Pattern BLOCK = Pattern.compile("(?m)^```java\\n(.*?)^```", Pattern.DOTALL);
    private static final Pattern TOP_LEVEL_CLASS = Pattern.compile("(?m)^(@\\w+.*\\n)*(public |final )*class \\w+");

    /** One ```java block: the document it is in, where it starts, and its text. */
    record Block(String document, int line, String code) {

        /** A name for the block, usable as a Java class name. */
        String className(String prefix) {
            return prefix + document.replaceAll("[^A-Za-z0-9]", "_") + "_" + line;
        }

        @Override
        public String toString() {
            return document + " line " + line;
        }
    }

    /** The README and every page under docs/, as the repository root names them. */
    static List<Path> documents() throws IOException {
        List<Path> documents = new ArrayList<>(List.of(README));
        try (Stream<Path> pages = Files.list(ROOT.resolve("docs"))) {
            pages.filter(p -> p.toString().endsWith(".md")).sorted().forEach(documents::add);
        }
        return documents;
    }

    static List<Block> blocks() throws IOException {
        List<Block> blocks = new ArrayList<>();
        for (Path document : documents()) {
            String text = Files.readString(document);
            Matcher m = BLOCK.matcher(text);
            while (m.find()) {
                int line = (int) text.substring(0, m.start()).chars().filter(c -> c == '\n').count() + 1;
                blocks.add(new Block(ROOT.relativize(document).toString(), line, m.group(1)));
            }
        }
        return blocks;
    }

    /** The block as a compilation unit: its package and imports first, then its class, or its statements in a method. */
    static String compilationUnit(Block block, String className) {
        StringBuilder imports = new StringBuilder();
        StringBuilder code = new StringBuilder();
        for (String line : block.code().split("\n", -1)) {
            if (line.startsWith("package ")) {
                imports.insert(0, line + "\n");
            } else {
                (line.startsWith("import ") ? imports : code).append(line).append('\n');
            }
        }
        if (TOP_LEVEL_CLASS.matcher(code).find()) {
            return imports + "\n" + code;
        }
        return imports + "\nclass " + className + " {\n    static void run() throws Exception {\n" + code + "    }\n}\n";
    }

    static List<Diagnostic<? extends JavaFileObject>> compile(String className, String source, Path out) throws IOException {
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
        JavaFileObject file = new SimpleJavaFileObject(URI.create("string:///" + className + ".java"), JavaFileObject.Kind.SOURCE) {
            @Override
            public CharSequence getCharContent(boolean ignoreEncodingErrors) {
                return source;
            }
        };
        List<String> options = List.of("-classpath", System.getProperty("java.class.path"), "-d", out.toString(),
                "-proc:none", "-Xlint:none");
        javac.getTask(null, null, diagnostics, options, null, List.of(file)).call();
        return diagnostics.getDiagnostics().stream().filter(d -> d.getKind() == Diagnostic.Kind.ERROR).toList();
    }

    /**
     * The blocks written against the mock server ({@value #MOCK}) also run, against a reference server this test
     * starts on a free port (the address swapped in): they must finish without an exception.
     */
    @TestFactory
    Stream<DynamicTest> theBlocksWrittenAgainstTheMockServerRun() throws IOException {
        Path out = Files.createTempDirectory("readme-runs");
        List<Block> runnable = blocks().stream()
                .filter(block -> block.code().contains(MOCK) && !TOP_LEVEL_CLASS.matcher(block.code()).find()).toList();
        assertTrue(runnable.size() >= 3, "blocks against the mock server: " + runnable.size());
        return runnable.stream().map(block -> DynamicTest.dynamicTest(block + " runs", () -> {
            try (dev.jobsopenapi.reference.ReferenceServer server = dev.jobsopenapi.reference.ReferenceServer.start("127.0.0.1", 0)) {
                String className = block.className("Run_");
                Block local = new Block(block.document(), block.line(), block.code().replace(MOCK, server.baseUri().toString()));
                assertEquals(List.of(), compile(className, compilationUnit(local, className), out).stream()
                        .map(d -> d.getMessage(null)).toList());
                try (java.net.URLClassLoader loader = new java.net.URLClassLoader(new java.net.URL[] {out.toUri().toURL()},
                        getClass().getClassLoader())) {
                    java.lang.reflect.Method run = loader.loadClass(className).getDeclaredMethod("run");
                    run.setAccessible(true);
                    run.invoke(null);
                }
            }
        }));
    }

    static final String MOCK = "http://127.0.0.1:8080";

    @TestFactory
    Stream<DynamicTest> everyJavaBlockOfTheReadmeAndTheDocsCompiles() throws IOException {
        Path out = Files.createTempDirectory("readme-blocks");
        List<Block> blocks = blocks();
        assertTrue(blocks.size() >= 10, "the README and docs have " + blocks.size() + " Java blocks");
        return blocks.stream().map(block -> DynamicTest.dynamicTest(block.toString(), () -> {
            String className = block.className("Block_");
            String source = compilationUnit(block, className);
            List<Diagnostic<? extends JavaFileObject>> errors = compile(className, source, out);
            assertEquals(List.of(), errors.stream().map(d -> "line " + d.getLineNumber() + ": " + d.getMessage(null)).toList(),
                    () -> block + " does not compile as written:\n" + source);
        }));
    }

    /** Jersey's own BOM names an older Jackson; the BOM's Jackson comes first and wins (jackson-annotations is
     *  versioned by its minor line alone, so the minor lines are compared). */
    @Test
    void theBomGivesOneJacksonVersionThoughJerseyBringsItsOwn() {
        Set<String> versions = new TreeSet<>();
        Pattern jackson = Pattern.compile("jackson-(?:databind|core|annotations|datatype-jsr310|module-blackbird)-([0-9][^/\\\\]*?)\\.jar$");
        for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
            Matcher m = jackson.matcher(entry);
            if (m.find()) {
                versions.add(m.group(1).replaceFirst("^(\\d+\\.\\d+).*", "$1"));
            }
        }
        assertEquals(1, versions.size(), "Jackson versions on the class path: " + versions);
    }
}
