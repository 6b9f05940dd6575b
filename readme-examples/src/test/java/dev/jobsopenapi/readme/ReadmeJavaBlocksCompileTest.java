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
 * Every Java block of the README compiles, as written, in a project that depends on the modules through the BOM
 * and nothing else: the README shows the imports and declarations each block needs, so a reader can paste it. A
 * block of statements is compiled as the body of a method; a block that declares a class is compiled as it is.
 * The blocks written against the mock server also run, against a reference server.
 */
class ReadmeJavaBlocksCompileTest {

    static final Path README = Path.of("").toAbsolutePath().getParent().resolve("README.md");
    private static final Pattern BLOCK = Pattern.compile("(?m)^```java\\n(.*?)^```", Pattern.DOTALL);
    private static final Pattern TOP_LEVEL_CLASS = Pattern.compile("(?m)^(@\\w+.*\\n)*(public |final )*class \\w+");

    /** One ```java block: where it starts in the README, and its text. */
    record Block(int line, String code) {
    }

    static List<Block> blocks() throws IOException {
        String readme = Files.readString(README);
        List<Block> blocks = new ArrayList<>();
        Matcher m = BLOCK.matcher(readme);
        while (m.find()) {
            int line = (int) readme.substring(0, m.start()).chars().filter(c -> c == '\n').count() + 1;
            blocks.add(new Block(line, m.group(1)));
        }
        return blocks;
    }

    /** The block as a compilation unit: its imports first, then its class, or its statements in a method. */
    static String compilationUnit(Block block, String className) {
        StringBuilder imports = new StringBuilder();
        StringBuilder code = new StringBuilder();
        for (String line : block.code().split("\n", -1)) {
            (line.startsWith("import ") ? imports : code).append(line).append('\n');
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
        return runnable.stream().map(block -> DynamicTest.dynamicTest("README.md line " + block.line() + " runs", () -> {
            try (dev.jobsopenapi.reference.ReferenceServer server = dev.jobsopenapi.reference.ReferenceServer.start("127.0.0.1", 0)) {
                String className = "ReadmeRunAtLine" + block.line();
                Block local = new Block(block.line(), block.code().replace(MOCK, server.baseUri().toString()));
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
    Stream<DynamicTest> everyJavaBlockOfTheReadmeCompiles() throws IOException {
        Path out = Files.createTempDirectory("readme-blocks");
        List<Block> blocks = blocks();
        assertTrue(blocks.size() >= 10, "the README has " + blocks.size() + " Java blocks");
        return blocks.stream().map(block -> DynamicTest.dynamicTest("README.md line " + block.line(), () -> {
            String className = "ReadmeBlockAtLine" + block.line();
            String source = compilationUnit(block, className);
            List<Diagnostic<? extends JavaFileObject>> errors = compile(className, source, out);
            assertEquals(List.of(), errors.stream().map(d -> "line " + d.getLineNumber() + ": " + d.getMessage(null)).toList(),
                    () -> "README.md line " + block.line() + " does not compile as written:\n" + source);
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
