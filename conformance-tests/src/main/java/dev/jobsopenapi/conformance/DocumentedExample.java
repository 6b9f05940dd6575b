package dev.jobsopenapi.conformance;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * An example response embedded in a spec, with the operation, status and media type it documents.
 *
 * @param spec        the spec's name, for example {@code openyuanrong-jobs}
 * @param operationId the operation it documents
 * @param method      the HTTP method, upper case
 * @param path        the templated path, for example {@code /v1/{project_id}/dev-servers/jobs}
 * @param status      the response status key as written in the spec, for example {@code 200}
 * @param mediaType   the media type, for example {@code application/json}
 * @param name        the example's key under {@code examples} ({@code example} for a lone {@code example})
 * @param pointer     JSON pointer of the example value in the spec
 * @param value       the example value (a shared tree: copy it before changing it)
 */
public record DocumentedExample(String spec, String operationId, String method, String path, String status,
                                String mediaType, String name, String pointer, JsonNode value) {

    /** For example {@code openyuanrong-jobs listJobs 200 application/json querySuccessful}. */
    @Override
    public String toString() {
        return spec + " " + operationId + " " + status + " " + mediaType + " " + name;
    }
}
