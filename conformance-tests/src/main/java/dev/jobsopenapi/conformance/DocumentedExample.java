package dev.jobsopenapi.conformance;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * An example embedded in a spec: a response (with the status it documents) or a request body.
 *
 * @param spec        the spec's name, for example {@code openyuanrong-jobs}
 * @param operationId the operation it documents
 * @param method      the HTTP method, upper case
 * @param path        the templated path, for example {@code /v1/{project_id}/dev-servers/jobs}
 * @param status      the response status key as written in the spec, for example {@code 200}, or
 *                    {@link #REQUEST} for a request body example
 * @param mediaType   the media type, for example {@code application/json}
 * @param name        the example's key under {@code examples} ({@code example} for a lone {@code example})
 * @param pointer     JSON pointer of the example value in the spec
 * @param source      where the example comes from when it is not a vendor document's: its
 *                    {@code x-example-source}; empty for the vendor's own examples
 * @param value       the example value (a shared tree: copy it before changing it)
 */
public record DocumentedExample(String spec, String operationId, String method, String path, String status,
                                String mediaType, String name, String pointer, String source, JsonNode value) {

    /** The {@link #status()} of a request body example. */
    public static final String REQUEST = dev.jobsopenapi.specs.SpecTree.REQUEST;

    /** True for a request body example. */
    public boolean isRequest() {
        return REQUEST.equals(status);
    }

    /** True for an example printed in a vendor document, false for one derived from elsewhere. */
    public boolean isFromVendorDocument() {
        return source.isEmpty();
    }

    /** For example {@code openyuanrong-jobs listJobs 200 application/json querySuccessful}. */
    @Override
    public String toString() {
        return spec + " " + operationId + " " + status + " " + mediaType + " " + name;
    }
}
