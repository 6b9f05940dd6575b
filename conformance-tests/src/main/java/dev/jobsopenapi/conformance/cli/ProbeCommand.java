package dev.jobsopenapi.conformance.cli;

import dev.jobsopenapi.conformance.ApiContract;
import dev.jobsopenapi.conformance.fuzz.LiveServer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
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

    @Mixin
    Options.Server server;

    @Mixin
    Options.Params params;

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
        long maxBodyBytes = bodyLimit.bytes();
        LiveServer live = server.connect(contract, console, maxBodyBytes);
        Map<String, String> parameters = params.values();
        Set<String> allowedWrites = new LinkedHashSet<>(allowWrite);
        for (String operationId : allowedWrites) {
            if (contract.operation(operationId).isEmpty()) {
                throw new UsageException("--allow-write: " + contract.name() + " has no operation '" + operationId + "'");
            }
        }
        Report report = accept.report("jobs-openapi probe");
        new LiveProbe(contract, live, parameters, maxBodyBytes, allowedWrites).run(report);
        report.print(format.format, console.out(), "");
        return report.exitCode();
    }
}
