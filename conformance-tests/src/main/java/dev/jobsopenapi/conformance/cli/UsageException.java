package dev.jobsopenapi.conformance.cli;

/** Thrown for a command line that does not fit the usage text. */
final class UsageException extends RuntimeException {
    UsageException(String message) {
        super(message);
    }
}
