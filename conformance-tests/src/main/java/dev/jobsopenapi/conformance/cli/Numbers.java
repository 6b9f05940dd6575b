package dev.jobsopenapi.conformance.cli;

/** The whole-number options of the commands, each from 1 to its largest value. */
final class Numbers {

    /** The largest --max-body-mib: a body read whole must fit one Java array. */
    static final long MAX_BODY_MIB = 2047;
    /** The largest --timeout-seconds and --duration: a day. */
    static final long MAX_SECONDS = 86_400;

    private Numbers() {
    }

    /** The option's value as a whole number from 1 to {@code max}; a usage error otherwise. */
    static long wholeNumber(String option, String text, long max) {
        try {
            long n = Long.parseLong(text);
            if (n > 0 && n <= max) {
                return n;
            }
        } catch (NumberFormatException ignored) {
            // reported below
        }
        throw new UsageException(option + " takes a whole number from 1 to " + max + ", not '" + shortened(text, 40) + "'");
    }

    /** The text, cut at {@code max} characters with an ellipsis: a value is echoed in an error, never a page of it. */
    static String shortened(String text, int max) {
        return text.length() > max ? text.substring(0, max) + "…" : text;
    }
}
