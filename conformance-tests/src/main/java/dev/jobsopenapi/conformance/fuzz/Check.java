package dev.jobsopenapi.conformance.fuzz;

/**
 * The checks the fuzzer applies to a live server's answers, named as Schemathesis names them so that users
 * recognise them.
 */
public enum Check {
    /** No answer is a server error (5xx), and every request gets an answer within the deadline. */
    NOT_A_SERVER_ERROR("not_a_server_error", "no 5xx, and an answer to every request within the deadline"),
    /** The status is one the operation documents. */
    STATUS_CODE_CONFORMANCE("status_code_conformance", "the status is documented for the operation"),
    /** The content type is one documented for that status. */
    CONTENT_TYPE_CONFORMANCE("content_type_conformance", "the content type is documented for the status"),
    /** Every response header the spec marks required is sent. */
    RESPONSE_HEADERS_CONFORMANCE("response_headers_conformance", "every required response header is sent"),
    /** The body conforms to the schema of its status and content type, vendor quirks included. */
    RESPONSE_SCHEMA_CONFORMANCE("response_schema_conformance", "the body conforms to its schema"),
    /** A request that breaks one rule of the spec is refused with a 4xx. */
    NEGATIVE_DATA_REJECTION("negative_data_rejection", "a request that breaks the spec is refused with a 4xx"),
    /** A request that conforms is not refused as invalid (400, 422) nor for its credentials (401, 403). */
    POSITIVE_DATA_ACCEPTANCE("positive_data_acceptance", "a conforming request is not refused as invalid"),
    /** A deleted resource is gone: reading it answers 404. */
    USE_AFTER_FREE("use_after_free", "a deleted job is gone"),
    /** A created resource can be read, and is listed. */
    ENSURE_RESOURCE_AVAILABILITY("ensure_resource_availability", "a created or submitted job can be read and is listed"),
    /** An operation that requires credentials refuses a request without them (401, 403). */
    IGNORED_AUTH("ignored_auth", "a protected operation without credentials is refused");

    private final String id;
    private final String meaning;

    Check(String id, String meaning) {
        this.id = id;
        this.meaning = meaning;
    }

    /** The name users see, such as {@code not_a_server_error}. */
    public String id() {
        return id;
    }

    /** What the check proves, in one line. */
    public String meaning() {
        return meaning;
    }
}
