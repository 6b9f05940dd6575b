package dev.jobsopenapi.conformance.cli;

import dev.jobsopenapi.conformance.ApiContract;
import dev.jobsopenapi.conformance.VendorQuirk;
import dev.jobsopenapi.conformance.VendorQuirkCatalogue;
import dev.jobsopenapi.specs.BundledSpec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ConformanceCliTest {

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int run(String... args) {
        return ConformanceCli.run(args, new java.io.ByteArrayInputStream(new byte[0]),
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8), Map.of());
    }

    @Test
    void checkPrintsOneLinePerExampleAndPerProvenQuirkTheCatalogueAndASummary() {
        assertEquals(0, run("check"));
        List<String> lines = out.toString(StandardCharsets.UTF_8).lines().toList();
        List<String> vendorExamples = List.of(
                "PASS modelarts-devserver-jobs listDevServerJobs 200 application/json ok",
                "PASS modelarts-devserver-jobs showDevServerJob 200 application/json ok",
                "PASS openyuanrong-jobs listJobs 200 application/json querySuccessful",
                "PASS openyuanrong-jobs listJobs 200 application/json queryEmpty");
        assertEquals(lines.get(0), vendorExamples.get(0));
        assertEquals(vendorExamples, lines.stream().filter(vendorExamples::contains).toList(), "in document order");
        List<ApiContract> contracts = List.of(
                ApiContract.bundled(BundledSpec.MODELARTS_DEVSERVER_JOBS), ApiContract.bundled(BundledSpec.OPENYUANRONG_JOBS));
        long examples = contracts.stream().mapToLong(c -> c.examples().size()).sum();
        List<VendorQuirk> quirks = VendorQuirkCatalogue.of(contracts).quirks();
        long provable = quirks.stream().filter(q -> q.documentedSchema().isPresent()).count();
        for (VendorQuirk quirk : quirks) {
            boolean proofLine = lines.stream().anyMatch(l -> l.startsWith("PASS quirk " + quirk.id() + " at "));
            assertEquals(quirk.documentedSchema().isPresent(), proofLine, quirk.id());
            assertTrue(lines.stream().anyMatch(l -> l.startsWith("| " + quirk.id() + " |")), quirk.id());
        }
        assertTrue(lines.contains("# Vendor quirks"));
        assertEquals((examples + provable) + " passed, 0 failed", lines.get(lines.size() - 1));
    }

    @Test
    void checkCanBeLimitedToOneSpec() {
        assertEquals(0, run("check", "openyuanrong-jobs"));
        String output = out.toString(StandardCharsets.UTF_8);
        assertTrue(output.lines().noneMatch(l -> l.contains("modelarts")), output);
        assertTrue(output.lines().toList().get(output.lines().toList().size() - 1).endsWith(" passed, 0 failed"));
    }

    @Test
    void quirksWritesTheMarkdownCatalogueToAFile(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("reports/vendor-quirks.md");
        assertEquals(0, run("quirks", "--output", file.toString()));
        String markdown = Files.readString(file);
        assertTrue(markdown.startsWith("# Vendor quirks"), markdown);
        assertTrue(markdown.contains("| openyuanrong-time-unit | openyuanrong-jobs | `/components/schemas/JobTime` |"), markdown);
    }

    @Test
    void anUnknownCommandOrSpecIsAUsageError() {
        assertEquals(2, run());
        assertEquals(2, run("frobnicate"));
        assertEquals(2, run("check", "no-such-spec"));
        assertEquals(2, run("quirks", "--output"));
        assertEquals(2, run("check", "--output", "x.md"));
        assertTrue(err.toString(StandardCharsets.UTF_8).contains("no-such-spec"));
    }

    @Test
    void proxyRefusesABindThatIsNoAddressAndAnUpstreamWithCredentialsOrNoHostNeverPrintingThePassword() {
        String[][] refused = {
                {"--bind", "my_host", "--upstream", "http://127.0.0.1:8080"},
                {"--upstream", "http://user:pa55word@127.0.0.1:8080"},
                {"--upstream", "ftp://127.0.0.1/"},
                {"--upstream", "http:///api"},
        };
        for (String[] options : refused) {
            out.reset();
            err.reset();
            String[] args = new String[options.length + 3];
            args[0] = "proxy";
            args[1] = "--spec";
            args[2] = "openyuanrong-jobs";
            System.arraycopy(options, 0, args, 3, options.length);
            assertEquals(2, run(args), String.join(" ", options));
            String error = err.toString(StandardCharsets.UTF_8).lines().findFirst().orElse("");
            assertTrue(error.startsWith("error: --"), error);
            assertTrue(!(out.toString(StandardCharsets.UTF_8) + err).contains("pa55word"), "the password is never printed");
        }
    }
}
