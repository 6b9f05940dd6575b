package dev.jobsopenapi.conformance;

import dev.jobsopenapi.specs.NodeTools;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.jobsopenapi.specs.BundledSpec;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Builds the HTML API reference of each spec with Redocly's {@code build-docs} (one self-contained page), with the
 * spec's vendor-quirk catalogue beside the operations (in its introduction), into {@code target/reference/}, then
 * opens each page in headless Chromium ({@code specs/check-rendered.mjs}, playwright-core driving Debian's
 * Chromium) and visits every section and operation from the sidebar: every operation (its summary, and its
 * link) and every quirk id must be in what the browser rendered, not only in the page's source.
 */
class RenderedReferenceIT {

    private static final Path SPECS = Path.of("..", "specs").toAbsolutePath().normalize();
    private static final Path REDOCLY = SPECS.resolve("node_modules/.bin/redocly");
    private static final Path CHECK_RENDERED = SPECS.resolve("check-rendered.mjs");
    private static final Path OUT = Path.of("target", "reference").toAbsolutePath();
    private static final ObjectMapper JSON = new ObjectMapper();

    private static String run(List<String> command, Path directory) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command).directory(directory.toFile()).redirectErrorStream(false).start();
        process.getOutputStream().close();
        byte[] out = process.getInputStream().readAllBytes();
        String err = new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(process.waitFor(120, TimeUnit.SECONDS), command + " did not finish");
        assertEquals(0, process.exitValue(), () -> command + " failed: " + err);
        return new String(out, StandardCharsets.UTF_8);
    }

    @Test
    void everyOperationAndEveryQuirkIdIsVisibleInTheRenderedReference() throws Exception {
        NodeTools.requirePackage("@redocly/cli");
        NodeTools.requirePackage("playwright-core");
        String chromium = NodeTools.requireChromium();
        Files.createDirectories(OUT);
        List<Path> pages = new ArrayList<>();
        List<ApiContract> contracts = new ArrayList<>();
        for (BundledSpec spec : BundledSpec.values()) {
            ApiContract contract = ApiContract.bundled(spec);
            ObjectNode document = contract.document().deepCopy();
            ObjectNode info = (ObjectNode) document.get("info");
            info.put("description", info.path("description").asText() + "\n\n"
                    + VendorQuirkCatalogue.of(List.of(contract)).toMarkdown());
            Path source = OUT.resolve(spec.specName() + ".json");
            Files.writeString(source, JSON.writerWithDefaultPrettyPrinter().writeValueAsString(document));
            Path html = OUT.resolve(spec.specName() + ".html");
            run(List.of(REDOCLY.toString(), "build-docs", source.toString(), "-o", html.toString(), "--inlineBundle"), SPECS);
            pages.add(html);
            contracts.add(contract);
        }
        List<String> command = new ArrayList<>(List.of("node", CHECK_RENDERED.toString(), chromium));
        pages.forEach(page -> command.add(page.toString()));
        JsonNode seen = JSON.readTree(run(command, SPECS));
        for (int i = 0; i < pages.size(); i++) {
            ApiContract contract = contracts.get(i);
            JsonNode page = seen.get(pages.get(i).toString());
            String text = page.get("text").asText();
            List<String> links = new ArrayList<>();
            page.get("links").forEach(link -> links.add(link.asText().toLowerCase(java.util.Locale.ROOT)));
            List<String> missing = new ArrayList<>();
            for (Operation operation : contract.operations()) {
                String summary = contract.document().at(operation.pointer() + "/summary").asText();
                String anchor = "/" + operation.operationId().toLowerCase(java.util.Locale.ROOT);
                if (!text.contains(summary) || links.stream().noneMatch(link -> link.endsWith(anchor))) {
                    missing.add("operation " + operation.operationId() + " (" + summary + ")");
                }
            }
            for (VendorQuirk quirk : VendorQuirkCatalogue.of(List.of(contract)).quirks()) {
                if (!text.contains(quirk.id())) {
                    missing.add("quirk " + quirk.id());
                }
            }
            assertEquals(List.of(), missing, contract.name() + ": not shown by the browser in " + pages.get(i));
        }
    }
}
