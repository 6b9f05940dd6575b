package dev.jobsopenapi.conformance.cli;

import dev.jobsopenapi.conformance.ApiContract;
import dev.jobsopenapi.conformance.fuzz.LiveServer;
import dev.jobsopenapi.signing.AkSkCredentials;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Option;
import picocli.CommandLine.TypeConversionException;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

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

    /**
     * {@code --base-url}, the credentials and the deadline: a live server as the commands that call one reach it.
     * The token comes from {@code --token} or the variable {@code --token-env} names; with none, a spec with an
     * AK/SK scheme has requests signed with {@code HUAWEICLOUD_SDK_AK}/{@code _SK} when they are set.
     */
    static final class Server {
        @Option(names = "--base-url", required = true, paramLabel = "URL",
                description = "the server, for example https://modelarts.cn-north-4.myhuaweicloud.com")
        String baseUrl;

        @Option(names = "--token-env", paramLabel = "VAR",
                description = "the environment variable that holds the token (default: " + ConformanceCli.DEFAULT_TOKEN_ENV + ")")
        String tokenEnv = ConformanceCli.DEFAULT_TOKEN_ENV;

        @Option(names = "--token", paramLabel = "TOKEN",
                description = "the token itself (visible to other users in the process list: prefer the environment)")
        String token;

        @Option(names = "--timeout-seconds", paramLabel = "N",
                description = "the most one exchange may take, answer body included (default 30, at most " + Numbers.MAX_SECONDS + ")")
        String timeoutSeconds = "30";

        /** The server with its credentials, or a usage error saying what is wrong (never printing a credential). */
        LiveServer connect(ApiContract contract, Console console, long maxBodyBytes) {
            if (!baseUrl.startsWith("http://") && !baseUrl.startsWith("https://")) {
                throw new UsageException("--base-url must start with http:// or https://");
            }
            if (baseUrl.substring(0, baseUrl.indexOf("//") + 2 + authorityLength(baseUrl)).contains("@")) {
                throw new UsageException("--base-url holds credentials (user:password@host); they are not printed and not"
                        + " sent: give a token (--token-env) or AK/SK (HUAWEICLOUD_SDK_AK, HUAWEICLOUD_SDK_SK) instead");
            }
            Optional<String> credential = Optional.ofNullable(token).or(() -> Optional.ofNullable(console.env().get(tokenEnv)));
            if (credential.isPresent() && credential.get().isBlank()) {
                // An unset CI secret expands to "": refused, never taken for "no credentials".
                throw new UsageException((token != null ? "--token" : tokenEnv)
                        + " is empty or blank: give a token, or leave it out (unset " + tokenEnv + ") to send none");
            }
            if (credential.isPresent() && credential.get().chars().anyMatch(c -> c < 0x20 || c == 0x7f)) {
                throw new UsageException("the token holds a control character (a line end copied with it?); it is not printed");
            }
            Optional<AkSkCredentials> akSk;
            try {
                akSk = credential.isEmpty() && contract.securitySchemes().signsWithAkSk()
                        ? AkSkCredentials.fromEnvironmentIfSet(console.env()) : Optional.empty();
            } catch (IllegalStateException e) {
                throw new UsageException(e.getMessage());
            }
            Duration timeout = Duration.ofSeconds(Numbers.wholeNumber("--timeout-seconds", timeoutSeconds, Numbers.MAX_SECONDS));
            LiveServer server = LiveServer.at(baseUrl).withTimeout(timeout).withMaxBodyBytes(maxBodyBytes);
            server = credential.map(server::withToken).orElse(server);
            return akSk.map(server::withAkSk).orElse(server);
        }

        /** The length of the URL's authority (host, port and any user information), after the scheme's {@code //}. */
        private static int authorityLength(String url) {
            String rest = url.substring(url.indexOf("//") + 2);
            int end = rest.length();
            for (char c : new char[] {'/', '?', '#'}) {
                int at = rest.indexOf(c);
                if (at >= 0) {
                    end = Math.min(end, at);
                }
            }
            return end;
        }
    }

    /** {@code --param NAME=VALUE}, repeatable: fixed parameter values by name. */
    static final class Params {
        @Option(names = "--param", paramLabel = "NAME=VALUE",
                description = "a path or query parameter (repeatable), used by every operation that has a parameter of that"
                        + " name, e.g. --param project_id=abc")
        List<String> pairs = new java.util.ArrayList<>();

        Map<String, String> values() {
            Map<String, String> parameters = new LinkedHashMap<>();
            for (String pair : pairs) {
                int eq = pair.indexOf('=');
                if (eq <= 0) {
                    throw new UsageException("--param takes NAME=VALUE, not '" + Numbers.shortened(pair, 40) + "'");
                }
                parameters.put(pair.substring(0, eq), pair.substring(eq + 1));
            }
            return parameters;
        }
    }
}
