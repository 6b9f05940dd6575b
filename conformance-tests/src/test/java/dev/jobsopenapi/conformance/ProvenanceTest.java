package dev.jobsopenapi.conformance;

import com.fasterxml.jackson.databind.JsonNode;
import dev.jobsopenapi.specs.BundledSpec;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every fact is traceable to a public source a user can open: {@code x-source} entries name a
 * repository and a file, quirk evidence and example sources name a vendor page by its title or such a file, and no product text
 * cites this project's issue numbers, which users cannot see.
 */
class ProvenanceTest {

    /** The public repositories the specs draw on beyond the vendor documents. */
    static final Set<String> PUBLIC_SOURCES = Set.of(
            "openeuler-mirror/yuanrong-frontend",
            "huaweicloud/huaweicloud-sdk-go-v3",
            "huaweicloud/huaweicloud-sdk-java-v3",
            "huaweicloud/huaweicloud-sdk-nodejs-v3",
            "huaweicloud/terraform-provider-huaweicloud");

    /** The vendor's public documents, cited by title (the specs' info sections give their breadcrumbs and dates). */
    static final Set<String> PUBLIC_DOCUMENTS = Set.of(
            "\"Obtaining the DevServer Job List\"",
            "\"Querying Lite Server Job Details\"",
            "\"Query Job List\"",
            "Huawei Cloud \"API Request Signing Guide\"");

    private static final Pattern SOURCE_FILE = Pattern.compile("([\\w.-]+/[\\w.-]+)\\b[^.]*?[\\w./-]+\\.(?:go|java|ts)\\b");
    private static final Pattern ISSUE_NUMBER = Pattern.compile("(?i)\\b(issue|task)\\s*#\\s*\\d+");
    private static final Path ROOT = Path.of("").toAbsolutePath().getParent();

    /** True when the text names a vendor document by its title or a file of one of {@link #PUBLIC_SOURCES}. */
    static boolean namesAPublicSource(String text) {
        if (PUBLIC_DOCUMENTS.stream().anyMatch(text::contains)) {
            return true;
        }
        Matcher m = SOURCE_FILE.matcher(text);
        while (m.find()) {
            if (PUBLIC_SOURCES.contains(m.group(1))) {
                return true;
            }
        }
        return false;
    }

    private static List<ApiContract> contracts() {
        return Arrays.stream(BundledSpec.values()).map(ApiContract::bundled).toList();
    }

    /** Every {@code x-source} node of a document, with its pointer. */
    private static void collectSources(JsonNode node, String pointer, List<Map.Entry<String, JsonNode>> into) {
        if (node.isObject()) {
            if (node.has("x-source")) {
                into.add(Map.entry(pointer, node.get("x-source")));
            }
            for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> field = it.next();
                collectSources(field.getValue(), pointer + "/" + SpecDocument.escape(field.getKey()), into);
            }
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                collectSources(node.get(i), pointer + "/" + i, into);
            }
        }
    }

    @Test
    void everyXSourceEntryNamesAPublicRepositoryAFileAndASymbol() {
        int entries = 0;
        for (ApiContract contract : contracts()) {
            List<Map.Entry<String, JsonNode>> sources = new ArrayList<>();
            collectSources(contract.document(), "", sources);
            assertFalse(sources.isEmpty(), contract.name());
            for (Map.Entry<String, JsonNode> source : sources) {
                String where = contract.name() + ".yaml#" + source.getKey();
                assertTrue(source.getValue().isArray() && !source.getValue().isEmpty(), where);
                for (JsonNode entry : source.getValue()) {
                    assertTrue(PUBLIC_SOURCES.contains(entry.path("repository").asText()), where + ": " + entry);
                    assertTrue(entry.path("path").asText().matches("[\\w./-]+\\.(go|java|ts)"), where + ": " + entry);
                    assertFalse(entry.path("symbol").asText().isBlank(), where + ": " + entry);
                    entries++;
                }
            }
        }
        assertTrue(entries > 20, "only " + entries + " x-source entries");
    }

    @Test
    void everyOperationAndSchemaSaysWhereItComesFrom() {
        for (ApiContract contract : contracts()) {
            for (Operation operation : contract.operations()) {
                JsonNode node = contract.document().at(operation.pointer());
                assertTrue(node.has("x-source") || namesAPublicSource(node.path("description").asText()),
                        contract.name() + " " + operation.operationId() + " has no x-source and names no vendor page");
            }
            contract.document().at("/components/schemas").fields().forEachRemaining(schema ->
                    assertTrue(schema.getValue().has("x-source") || namesAPublicSource(schema.getValue().path("description").asText()),
                            contract.name() + " schema " + schema.getKey() + " has no x-source and names no vendor page"));
        }
    }

    @Test
    void everyOpenYuanrongOperationBeyondTheDocumentedListCitesTheFrontendSource() {
        ApiContract contract = ApiContract.bundled(BundledSpec.OPENYUANRONG_JOBS);
        for (String operationId : List.of("listJobs", "submitJob", "getJob", "deleteJob", "stopJob")) {
            JsonNode sources = contract.document().at(contract.operation(operationId).orElseThrow().pointer() + "/x-source");
            assertTrue(sources.isArray() && sources.get(0).path("repository").asText().equals("openeuler-mirror/yuanrong-frontend"),
                    operationId);
        }
    }

    @Test
    void noProductFileCitesAnIssueNumber() throws IOException {
        assertTrue(Files.isRegularFile(ROOT.resolve("README.md")), ROOT::toString);
        assertEquals(List.of(), productLinesMatching(ISSUE_NUMBER));
    }

    @Test
    void noProductFileCitesADocumentUsersCannotOpen() throws IOException {
        Pattern internal = Pattern.compile(
                "(?i)\\bseeds?\\s+[0`]|\\b(?:the|a) seed(?:s|'s)?\\b(?!\\s+jobs)|\\b00[0-2]_[0-9a-f]{16}\\b");
        assertEquals(List.of(), productLinesMatching(internal), "cite the vendor page by its title, breadcrumb and date instead");
    }

    /** Every line of the product text (specs, README, docs, main sources, POMs) the pattern finds, as {@code file:line: text}. */
    private static List<String> productLinesMatching(Pattern pattern) throws IOException {
        List<String> found = new ArrayList<>();
        try (Stream<Path> files = Files.walk(ROOT)) {
            for (Path file : files.filter(Files::isRegularFile).filter(ProvenanceTest::isProductText).toList()) {
                List<String> lines = Files.readAllLines(file);
                for (int i = 0; i < lines.size(); i++) {
                    if (pattern.matcher(lines.get(i)).find()) {
                        found.add(ROOT.relativize(file) + ":" + (i + 1) + ": " + lines.get(i).strip());
                    }
                }
            }
        }
        return found;
    }

    private static boolean isProductText(Path file) {
        String path = ROOT.relativize(file).toString().replace('\\', '/');
        if (path.startsWith(".git/") || path.contains("/target/") || path.startsWith("target/")
                || path.contains("node_modules/") || path.contains("/src/test/")) {
            return false;
        }
        return path.matches(".*\\.(ya?ml|md|java|mustache|xml|json)") && !path.endsWith("package-lock.json");
    }

    @Test
    void everyNarrowingBeyondTheSourcesSaysWhichSourcesAndWhy() {
        List<String> narrowings = new ArrayList<>();
        for (ApiContract contract : contracts()) {
            contract.document().findParents("x-narrowed").forEach(node -> {
                JsonNode note = node.get("x-narrowed");
                for (String key : List.of("sources", "constraint", "reason")) {
                    assertFalse(note.path(key).asText().isBlank(), contract.name() + ": x-narrowed without " + key + ": " + note);
                }
                assertTrue(node.has("pattern") || node.has("maxLength") || node.has("minLength") || node.has("enum")
                                || node.has("type") && node.has("x-documented-type"),
                        "an x-narrowed note sits on the constraint it explains: " + node);
                narrowings.add(contract.name() + ": " + note.path("constraint").asText());
            });
        }
        assertFalse(narrowings.isEmpty());
    }

    @Test
    void theSourceCheckAcceptsVendorPageTitlesAndPublicFilesOnly() {
        assertTrue(namesAPublicSource("\"Query Job List\", first example"));
        assertFalse(namesAPublicSource("seed 002, first example"));
        assertTrue(namesAPublicSource("openeuler-mirror/yuanrong-frontend pkg/common/job/handler.go StopJobHandleRes"));
        assertFalse(namesAPublicSource("frontend source, as reported in an issue"));
        assertFalse(namesAPublicSource("someone/else pkg/x.go"));
    }
}
