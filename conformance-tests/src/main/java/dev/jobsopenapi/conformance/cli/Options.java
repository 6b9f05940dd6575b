package dev.jobsopenapi.conformance.cli;

import dev.jobsopenapi.conformance.ApiContract;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Option;
import picocli.CommandLine.TypeConversionException;

/** The options several commands share, as picocli mixins. */
final class Options {

    private Options() {
    }

    /** {@code --spec}: the one spec a command checks against. */
    static final class Spec {
        @Option(names = "--spec", required = true, paramLabel = "SPEC",
                description = "a bundled spec name (modelarts-devserver-jobs, openyuanrong-jobs) or an OpenAPI 3.0 file")
        String name;

        /** The spec, bundled or read from its file. */
        ApiContract load() throws java.io.IOException {
            return ApiContract.load(name);
        }
    }

    /** {@code --format}: the report's format. */
    static final class Format {
        @Option(names = "--format", paramLabel = "text|json|junit", converter = FormatConverter.class,
                description = "the report format: text, json (one object) or junit (JUnit XML for CI) (default: text)")
        Report.Format format = Report.Format.TEXT;
    }

    /** Reads a {@link Report.Format}, naming the three in the error. */
    static final class FormatConverter implements ITypeConverter<Report.Format> {
        @Override
        public Report.Format convert(String value) {
            try {
                return Report.Format.parse(value);
            } catch (IllegalArgumentException e) {
                throw new TypeConversionException(e.getMessage());
            }
        }
    }

    /** {@code --max-body-mib}: the largest body read whole. */
    static final class BodyLimit {
        @Option(names = "--max-body-mib", paramLabel = "N",
                description = "the largest body read, in MiB (default 32, at most " + Numbers.MAX_BODY_MIB + ")")
        String mib;

        boolean given() {
            return mib != null;
        }

        long bytes() {
            return Numbers.wholeNumber("--max-body-mib", mib == null ? "32" : mib, Numbers.MAX_BODY_MIB) * 1024 * 1024;
        }
    }

    /** {@code --allow-empty} and {@code --allow-refused}: what a run that reaches a server may accept. */
    static final class Accept {
        @Option(names = "--allow-empty", description = "accept a run that checked nothing (otherwise exit 1)")
        boolean empty;

        @Option(names = "--allow-refused",
                description = "accept operations the server refused (401, 403): reported as REFUSED, not failed")
        boolean refused;

        /** A report for the command, accepting what was asked. */
        Report report(String name) {
            return new Report(name).accept(empty, refused);
        }
    }
}
