package dev.jobsopenapi.conformance;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.Optional;

/**
 * One place where a vendor's prose and its own examples disagree, as a spec marks it with an
 * {@code x-vendor-quirks} entry.
 *
 * @param id               the quirk's stable id, for example {@code modelarts-timestamp-number}; a quirk that
 *                         lives in several places has one entry, with the same id, in each
 * @param spec             the spec's name, for example {@code modelarts-devserver-jobs}
 * @param pointer          JSON pointer of the node in the spec that carries the entry
 * @param claim            what the vendor document claims
 * @param observed         what servers really send, as the vendor's examples or its servers' source show
 * @param evidence         where the disagreement shows: a vendor page (by its title) and the part of it, or a file of a
 *                         public source
 * @param documentedSchema the schema the claim alone would give the node, where it can be stated as one
 */
public record VendorQuirk(String id, String spec, String pointer, String claim, String observed, String evidence,
                          Optional<JsonNode> documentedSchema) {
}
