package dev.jobsopenapi.conformance;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Finds the {@code x-vendor-quirks} entries of specs, proves the ones that can be stated as a schema, and
 * renders the catalogue as Markdown.
 */
public final class VendorQuirkCatalogue {

    /** The extension that marks a quirk where it lives. */
    public static final String EXTENSION = "x-vendor-quirks";

    private final List<VendorQuirk> quirks;

    private VendorQuirkCatalogue(List<VendorQuirk> quirks) {
        this.quirks = List.copyOf(quirks);
    }

    /**
     * Collects the quirks of the given contracts, in document order.
     *
     * @throws IllegalStateException when an entry lacks {@code id}, {@code claim}, {@code observed} or
     *                               {@code evidence}, naming where it is
     */
    public static VendorQuirkCatalogue of(List<ApiContract> contracts) {
        List<VendorQuirk> found = new ArrayList<>();
        for (ApiContract contract : contracts) {
            collect(contract.name(), contract.document(), "", found);
        }
        return new VendorQuirkCatalogue(found);
    }

    private static void collect(String spec, JsonNode node, String pointer, List<VendorQuirk> found) {
        if (node.isObject()) {
            for (JsonNode entry : node.path(EXTENSION)) {
                found.add(quirk(spec, pointer, entry));
            }
            for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> field = it.next();
                if (!field.getKey().equals(EXTENSION)) {
                    collect(spec, field.getValue(), pointer + "/" + SpecDocument.escape(field.getKey()), found);
                }
            }
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                collect(spec, node.get(i), pointer + "/" + i, found);
            }
        }
    }

    private static VendorQuirk quirk(String spec, String pointer, JsonNode entry) {
        List<String> texts = new ArrayList<>();
        for (String key : List.of("id", "claim", "observed", "evidence")) {
            JsonNode value = entry.get(key);
            if (value == null || !value.isTextual() || value.asText().isBlank()) {
                throw new IllegalStateException(spec + ".yaml#" + pointer + "/" + EXTENSION
                        + ": a quirk entry needs a non-empty '" + key + "'");
            }
            texts.add(value.asText());
        }
        return new VendorQuirk(texts.get(0), spec, pointer, texts.get(1), texts.get(2), texts.get(3),
                Optional.ofNullable(entry.get("documentedSchema")));
    }

    /** Every marked place, in document order. */
    public List<VendorQuirk> quirks() {
        return quirks;
    }

    /**
     * Proves a quirk that has a documented schema on the given contract (the one that carries it): checks
     * every documented example against a copy of the spec whose node carries the claimed schema instead.
     *
     * @return the violations each example has under the claim; an example that conforms to the claim is absent
     */
    public static Map<DocumentedExample, ValidationResult> violationsUnderClaim(ApiContract contract, VendorQuirk quirk) {
        ApiContract documented = contract.withSchemaAt(quirk.pointer(), quirk.documentedSchema().orElseThrow(
                () -> new IllegalArgumentException(quirk.id() + " has no documentedSchema")));
        Map<DocumentedExample, ValidationResult> failures = new java.util.LinkedHashMap<>();
        for (DocumentedExample example : contract.examples()) {
            ValidationResult result = documented.validate(example);
            if (!result.isValid()) {
                failures.put(example, result);
            }
        }
        return failures;
    }

    /**
     * The proof of a quirk that has a documented schema.
     *
     * @param quirk    the quirk
     * @param result   conforms when the proof holds: some documented example contradicts the claim, and every
     *                 example conforms to the spec; otherwise the violations say what fails
     * @param rejected the pointers, in the examples, of the values the claim rejects
     */
    public record Proof(VendorQuirk quirk, ValidationResult result, List<String> rejected) {
        /** For example {@code the claim rejects /create_time; the spec accepts them}, or empty when it does not hold. */
        public String summary() {
            return result.isValid() ? "the claim rejects " + String.join(", ", rejected) + "; the spec accepts them" : "";
        }
    }

    /**
     * Proves a quirk with a documented schema on the contract that carries it: at least one documented example
     * must fail the claimed schema, and every example that does must conform to the spec itself.
     */
    public static Proof prove(ApiContract contract, VendorQuirk quirk) {
        String subject = "quirk " + quirk.id() + " at " + quirk.spec() + ".yaml#" + quirk.pointer();
        Map<DocumentedExample, ValidationResult> underClaim = violationsUnderClaim(contract, quirk);
        List<Violation> problems = new ArrayList<>();
        if (underClaim.isEmpty()) {
            problems.add(new Violation("", quirk.spec() + ".yaml#" + quirk.pointer(), "quirk",
                    "no documented example contradicts the claim"));
        }
        for (DocumentedExample example : underClaim.keySet()) {
            problems.addAll(contract.validate(example).violations());
        }
        List<String> rejected = underClaim.values().stream().flatMap(r -> r.violations().stream())
                .map(Violation::pointer).distinct().toList();
        return new Proof(quirk, new ValidationResult(subject, problems), rejected);
    }

    /** The catalogue as a Markdown document: one table row per marked place. */
    public String toMarkdown() {
        StringBuilder md = new StringBuilder()
                .append("# Vendor quirks\n\n")
                .append("Every place where what a vendor documents (its prose, tables or annotations) and what its servers send\n")
                .append("disagree, as the specs mark it with `").append(EXTENSION)
                .append("`. The spec models what servers send; the claim is what the documentation says.\n\n")
                .append("| id | API | location | claim | observed | evidence | proof |\n")
                .append("| --- | --- | --- | --- | --- | --- | --- |\n");
        for (VendorQuirk quirk : quirks) {
            md.append("| ").append(cell(quirk.id()))
                    .append(" | ").append(cell(quirk.spec()))
                    .append(" | `").append(cell(quirk.pointer())).append('`')
                    .append(" | ").append(cell(quirk.claim()))
                    .append(" | ").append(cell(quirk.observed()))
                    .append(" | ").append(cell(quirk.evidence()))
                    .append(" | ").append(quirk.documentedSchema().isPresent()
                            ? "examples fail the claimed schema, pass the spec" : "documentation only")
                    .append(" |\n");
        }
        return md.toString();
    }

    private static String cell(String text) {
        return text.replace("|", "\\|").replace("\n", " ");
    }
}
