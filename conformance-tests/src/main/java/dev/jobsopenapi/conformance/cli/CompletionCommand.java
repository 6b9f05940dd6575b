package dev.jobsopenapi.conformance.cli;

import picocli.AutoComplete;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;

import java.util.concurrent.Callable;

/**
 * The {@code completion} command: a bash (and zsh) completion script for the commands and their options, for the
 * name {@value #NAME}, which an alias gives the jar.
 */
@Command(name = "completion", mixinStandardHelpOptions = true,
        description = {"Print a bash/zsh completion script for the commands and their options, completing the name "
                + CompletionCommand.NAME + ". Give the jar that name with an alias, then load the script."},
        footerHeading = "%nExample:%n",
        footer = {"  alias " + CompletionCommand.NAME + "='java -jar /path/to/jobs-openapi-conformance-cli.jar'",
                "  source <(" + CompletionCommand.NAME + " completion)"})
final class CompletionCommand implements Callable<Integer> {

    static final String NAME = "jobs-openapi-conformance";

    @CommandLine.Spec
    CommandSpec spec;

    private final Console console;

    CompletionCommand(Console console) {
        this.console = console;
    }

    @Override
    public Integer call() {
        CommandLine root = spec.parent().commandLine();
        String original = root.getCommandName();
        root.getCommandSpec().name(NAME);
        try {
            console.out().print(AutoComplete.bash(NAME, root));
        } finally {
            root.getCommandSpec().name(original);
        }
        return ConformanceCli.CONFORMS;
    }
}
