package dev.jobsopenapi.conformance.cli;

import dev.jobsopenapi.conformance.VendorQuirkCatalogue;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

/** The {@code quirks} command: the vendor quirk catalogue as Markdown. */
@Command(name = "quirks", mixinStandardHelpOptions = true,
        description = "Print the vendor quirk catalogue of the bundled specs as Markdown.",
        footerHeading = "%nExamples (after java -jar jobs-openapi-conformance-cli.jar):%n",
        footer = {"  quirks", "  quirks modelarts-devserver-jobs --output target/quirks.md"})
final class QuirksCommand implements Callable<Integer> {

    @Parameters(arity = "0..*", paramLabel = "SPEC", description = "a bundled spec name (default: all)")
    List<String> specs = new ArrayList<>();

    @Option(names = "--output", paramLabel = "FILE", description = "write the catalogue to this file instead")
    Path output;

    private final Console console;

    QuirksCommand(Console console) {
        this.console = console;
    }

    @Override
    public Integer call() throws IOException {
        String markdown = VendorQuirkCatalogue.of(CheckCommand.bundledContracts(specs)).toMarkdown();
        if (output == null) {
            console.out().print(markdown);
            return ConformanceCli.CONFORMS;
        }
        if (output.toAbsolutePath().getParent() != null) {
            Files.createDirectories(output.toAbsolutePath().getParent());
        }
        Files.writeString(output, markdown, StandardCharsets.UTF_8);
        console.out().println("wrote " + output);
        return ConformanceCli.CONFORMS;
    }
}
