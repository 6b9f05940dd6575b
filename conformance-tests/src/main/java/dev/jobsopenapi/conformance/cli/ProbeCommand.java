package dev.jobsopenapi.conformance.cli;

import dev.jobsopenapi.conformance.ApiContract;
import dev.jobsopenapi.signing.AkSkCredentials;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;

/** The {@code probe} command: the operations of a spec called on a live server, each answer validated. */
@Command(name = "probe", mixinStandardHelpOptions = true,
        description = {"Call the operations of a spec on a live server and validate the answers. Operations that change"
                + " state (POST, PUT, PATCH, DELETE) are skipped unless named with --allow-write.",
                "Credentials: the token from --token-env (default " + ConformanceCli.DEFAULT_TOKEN_ENV + ") or --token,"
                        + " sent only in the spec's security header (ModelArts X-Auth-Token, openYuanrong X-Auth). With"
                        + " no token, a spec with an AK/SK scheme (ModelArts) has every request signed with"
                        + " HUAWEICLOUD_SDK_AK and HUAWEICLOUD_SDK_SK (and HUAWEICLOUD_SDK_PROJECT_ID,"
                        + " HUAWEICLOUD_SDK_SECURITY_TOKEN) when they are set. Neither is ever printed."},
        footerHeading = "%nExamples (after java -jar jobs-openapi-conformance-cli.jar):%n",
        footer = {"  probe --spec openyuanrong-jobs --base-url http://127.0.0.1:8080",
                "  probe --spec modelarts-devserver-jobs --base-url https://modelarts.cn-north-4.myhuaweicloud.com \\",
                "        --param project_id=$PROJECT_ID --format junit > probe.xml",
                "  probe --spec openyuanrong-jobs --base-url $URL --allow-write submitJob --allow-write deleteJob"})
final class ProbeCommand implements Callable<Integer> {

    @Mixin
    Options.Spec spec;

    @Option(names = "--base-url", required = true, paramLabel = "URL",
            description = "the server, for example https://modelarts.cn-north-4.myhuaweicloud.com")
    String baseUrl;

    @Option(names = "--param", paramLabel = "NAME=VALUE",
            description = "a path or query parameter (repeatable), used by every operation that has a parameter of that"
                    + " name, e.g. --param project_id=abc")
    List<String> params = new ArrayList<>();

    @Option(names = "--token-env", paramLabel = "VAR",
            description = "the environment variable that holds the token (default: " + ConformanceCli.DEFAULT_TOKEN_ENV + ")")
    String tokenEnv = ConformanceCli.DEFAULT_TOKEN_ENV;

    @Option(names = "--token", paramLabel = "TOKEN",
            description = "the token itself (visible to other users in the process list: prefer the environment)")
    String token;

    @Option(names = "--timeout-seconds", paramLabel = "N",
            description = "the most one exchange may take, answer body included (default 30, at most " + Numbers.MAX_SECONDS + ")")
    String timeoutSeconds = "30";

    @Option(names = "--allow-write", paramLabel = "ID",
            description = "also call this state-changing operation (repeatable), with the spec's documented request body"
                    + " (its submission_id or job name made new): it creates, stops or deletes on the server")
    List<String> allowWrite = new ArrayList<>();

    @Mixin
    Options.Format format;

    @Mixin
    Options.BodyLimit bodyLimit;

    @Mixin
    Options.Accept accept;

    private final Console console;

    ProbeCommand(Console console) {
        this.console = console;
    }

    @Override
    public Integer call() throws IOException {
        ApiContract contract = spec.load();
        if (!baseUrl.startsWith("http://") && !baseUrl.startsWith("https://")) {
            throw new UsageException("--base-url must start with http:// or https://");
        }
        if (baseUrl.substring(0, baseUrl.indexOf("//") + 2 + authorityLength(baseUrl)).contains("@")) {
            throw new UsageException("--base-url holds credentials (user:password@host); they are not printed and not"
                    + " sent: give a token (--token-env) or AK/SK (HUAWEICLOUD_SDK_AK, HUAWEICLOUD_SDK_SK) instead");
        }
        Map<String, String> parameters = new LinkedHashMap<>();
        for (String pair : params) {
            int eq = pair.indexOf('=');
            if (eq <= 0) {
                throw new UsageException("--param takes NAME=VALUE, not '" + Numbers.shortened(pair, 40) + "'");
            }
            parameters.put(pair.substring(0, eq), pair.substring(eq + 1));
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
        long maxBodyBytes = bodyLimit.bytes();
        Set<String> allowedWrites = new LinkedHashSet<>(allowWrite);
        for (String operationId : allowedWrites) {
            if (contract.operation(operationId).isEmpty()) {
                throw new UsageException("--allow-write: " + contract.name() + " has no operation '" + operationId + "'");
            }
        }
        Report report = accept.report("jobs-openapi probe");
        new LiveProbe(contract, baseUrl, parameters, credential, akSk, timeout, maxBodyBytes, allowedWrites).run(report);
        report.print(format.format, console.out(), "");
        return report.exitCode();
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
