package dev.jobsopenapi.conformance.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.file.NoSuchFileException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

/**
 * The command line of the conformance checker: {@code check}, {@code quirks}, {@code validate}, {@code probe},
 * {@code proxy} and {@code validate-har}, one class each; {@code --help} on any of them prints its options and
 * examples.
 *
 * <p>Exit codes: {@link #EXIT_CODES}, the same for every command (for 2, a one-line diagnosis and the command's
 * usage line on standard error, never a stack trace).
 */
@Command(name = "java -jar jobs-openapi-conformance-cli.jar", mixinStandardHelpOptions = true,
        versionProvider = ConformanceCli.Version.class,
        description = "Checks what servers of the ModelArts DevServer and openYuanrong job APIs send against the specs.",
        commandListHeading = "%nCommands:%n",
        footerHeading = "%nSPEC: modelarts-devserver-jobs, openyuanrong-jobs, or a path to an OpenAPI 3.0 file.%n"
                + "Run COMMAND --help (or help COMMAND) for a command's options and examples.%n%nExit codes (every command):%n")
public final class ConformanceCli implements Callable<Integer> {

    static final int CONFORMS = 0;
    static final int VIOLATIONS = 1;
    static final int USAGE = 2;

    /** The environment variable {@code probe} reads the token from unless {@code --token-env} names another. */
    static final String DEFAULT_TOKEN_ENV = "JOBS_OPENAPI_TOKEN";

    /**
     * The exit codes, the same for every command: one line each, the code and what it means. The help prints them
     * and the table of docs/checker.md is tested against them.
     */
    static final List<String> EXIT_CODES = List.of(
            "0  something was checked, and everything checked conforms",
            "1  something does not conform (also a body that is not JSON, not UTF-8, empty or over the size limit), an"
                    + " operation was refused by the server (401, 403; --allow-refused accepts that), or nothing was"
                    + " checked at all (--allow-empty accepts that)",
            "2  the command is wrong or something cannot be read: a usage error, an empty or blank credential, a spec"
                    + " or body file that does not exist or is not OpenAPI 3.0, a server that cannot be reached");

    /** The width the help is wrapped at. */
    private static final int WIDTH = 110;

    @Spec
    CommandSpec spec;

    private ConformanceCli() {
    }

    public static void main(String[] args) {
        System.exit(run(args, System.in, System.out, System.err, System.getenv()));
    }

    /** Runs the command line and returns the exit code. */
    static int run(String[] args, InputStream in, PrintStream out, PrintStream err, Map<String, String> env) {
        CommandLine commandLine = commandLine(new Console(in, out, err, env));
        int exit = commandLine.execute(args);
        out.flush();
        err.flush();
        return exit;
    }

    /** The whole command line, its output and errors going to the console's streams. */
    static CommandLine commandLine(Console console) {
        CommandLine commandLine = new CommandLine(new ConformanceCli())
                .addSubcommand(new CheckCommand(console))
                .addSubcommand(new QuirksCommand(console))
                .addSubcommand(new ValidateCommand(console))
                .addSubcommand(new ProbeCommand(console))
                .addSubcommand(new FuzzCommand(console))
                .addSubcommand(new ProxyCommand(console))
                .addSubcommand(new ValidateHarCommand(console))
                .addSubcommand(new CommandLine.HelpCommand())
                .addSubcommand(new CompletionCommand(console));
        commandLine.getCommandSpec().usageMessage().footer(EXIT_CODES.stream().map(ConformanceCli::wrapped).toArray(String[]::new));
        commandLine.setOut(new PrintWriter(console.out(), true)).setErr(new PrintWriter(console.err(), true))
                .setUsageHelpWidth(WIDTH)
                .setParameterExceptionHandler((e, args) -> usageError(e.getCommandLine(), message(e), console.err()))
                .setExecutionExceptionHandler((e, commandLine1, parseResult) -> failed(e, commandLine1, console.err()));
        List<CommandLine> all = new java.util.ArrayList<>(commandLine.getSubcommands().values());
        all.add(commandLine);
        for (CommandLine command : all) {
            command.getCommandSpec().usageMessage().synopsisHeading("usage: ").abbreviateSynopsis(true);
        }
        return commandLine;
    }

    /** The top-level help: the commands, what SPEC is, and the exit codes. */
    static String usage() {
        return commandLine(new Console(InputStream.nullInputStream(), System.out, System.err, Map.of())).getUsageMessage();
    }

    @Override
    public Integer call() {
        throw new ParameterException(spec.commandLine(), "no command");
    }

    /** What a parse error says; a word where a command belongs is named as an unknown command, with the commands. */
    private static String message(ParameterException e) {
        CommandLine command = e.getCommandLine();
        if (e instanceof CommandLine.UnmatchedArgumentException unmatched && command.getParent() == null
                && !unmatched.getUnmatched().isEmpty() && !unmatched.getUnmatched().get(0).startsWith("-")) {
            return "unknown command '" + Numbers.shortened(unmatched.getUnmatched().get(0), 40) + "' (commands: "
                    + String.join(", ", command.getSubcommands().keySet()) + ")";
        }
        return e.getMessage();
    }

    /** A usage error: the one-line reason and the command's usage line on standard error; exit 2. */
    private static int usageError(CommandLine command, String message, PrintStream err) {
        err.println("error: " + oneLine(message));
        err.println("usage: " + command.getHelp().synopsis(0).strip());
        err.println("Run '" + command.getCommandSpec().qualifiedName() + " --help' for the options and examples.");
        return USAGE;
    }

    /** A command that failed: a usage error, or something that could not be read or reached; one line, exit 2. */
    private static int failed(Exception e, CommandLine command, PrintStream err) {
        if (e instanceof UsageException) {
            return usageError(command, e.getMessage(), err);
        }
        if (e instanceof NoSuchFileException missing) {
            err.println("error: " + (missing.getReason() != null && missing.getReason().startsWith("neither")
                    ? missing.getFile() + " is " + missing.getReason() : "no such file: " + missing.getFile()));
        } else if (e instanceof IOException || e instanceof IllegalArgumentException || e instanceof IllegalStateException) {
            err.println("error: " + oneLine(e.getMessage()));
        } else if (e instanceof InterruptedException) {
            Thread.currentThread().interrupt();
            err.println("error: interrupted");
        } else {
            err.println("error: " + e.getClass().getSimpleName() + ": " + oneLine(e.getMessage()));
        }
        return USAGE;
    }

    /** This library's version, from the jar's manifest or the build's properties. */
    static String version() {
        String fromManifest = ConformanceCli.class.getPackage().getImplementationVersion();
        if (fromManifest != null) {
            return fromManifest;
        }
        try (InputStream in = ConformanceCli.class.getResourceAsStream("version.properties")) {
            java.util.Properties properties = new java.util.Properties();
            if (in != null) {
                properties.load(in);
            }
            return properties.getProperty("version", "unknown");
        } catch (IOException e) {
            return "unknown";
        }
    }

    /** What {@code --version} prints. */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[] {"jobs-openapi-conformance " + version()};
        }
    }

    /** An exit-code line as the help shows it: indented, wrapped at the help's width under its meaning. */
    private static String wrapped(String line) {
        StringBuilder text = new StringBuilder("  ");
        int column = 2;
        for (String word : line.split(" +")) {
            if (column + 1 + word.length() > WIDTH && column > 5) {
                text.append("%n     ");
                column = 5;
            } else if (column > 2) {
                text.append(' ');
                column++;
            }
            text.append(word.replace("%", "%%"));
            column += word.length();
        }
        return text.toString().replaceFirst("^  (\\d) ", "  $1  ");
    }

    private static String oneLine(String message) {
        return message == null ? "(no message)" : message.replaceAll("\\s*\\R\\s*", " ").trim();
    }
}
