package dev.jobsopenapi.conformance.cli;

import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertTrue;

/** The exit codes are written once, in the code: the help prints them and the checker page's table (docs/checker.md) says the same. */
class ExitCodesTest {

    @Test
    void theCheckerPagesTableAndTheHelpSayWhatTheCodeSays() throws Exception {
        String readme = Files.readString(Path.of("").toAbsolutePath().getParent().resolve("docs/checker.md"));
        String help = ConformanceCli.usage().replaceAll("\\s+", " ");
        for (String line : ConformanceCli.EXIT_CODES) {
            String code = line.substring(0, 1);
            String meaning = line.substring(1).strip();
            assertTrue(readme.contains("| " + code + " | " + meaning + " |"), "docs/checker.md lacks the row for exit " + code + ": " + meaning);
            assertTrue(help.contains(line.replaceAll("\\s+", " ")), "the help lacks: " + line);
        }
    }
}
