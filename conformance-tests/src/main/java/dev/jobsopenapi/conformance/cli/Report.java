package dev.jobsopenapi.conformance.cli;

import dev.jobsopenapi.conformance.ValidationResult;
import dev.jobsopenapi.conformance.Violation;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The outcome of a command-line run: one entry per check, printed as text, JSON or JUnit XML, and its verdict, the same
 * for every command: exit 0 only when something was checked and everything checked conforms; 1 when something failed,
 * an operation was refused by the server (401, 403: its credentials were missing or refused), or nothing was checked
 * at all, unless the user accepted those ({@link #accept}).
 */
final class Report {

    /** How a check ended. */
    enum Outcome {
        /** Checked, and it conforms. */
        PASS,
        /** Checked, and it does not conform. */
        FAIL,
        /** The server refused the credentials (401, 403), so the operation was not exercised; the refusal conforms. */
        REFUSED,
        /** Not checked, with the reason. */
        SKIP
    }

    /** One check: its result, and for a skipped or annotated check a note. */
    record Entry(Outcome outcome, ValidationResult result, String note) {
    }

    /** The output formats the command line offers. */
    enum Format {
        TEXT, JSON, JUNIT;

        static Format parse(String name) {
            try {
                return valueOf(name.toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("unknown --format '" + name + "' (text, json or junit)");
            }
        }
    }

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private final String name;
    private final List<Entry> entries = new ArrayList<>();
    private boolean allowEmpty;
    private boolean allowRefused;

    Report(String name) {
        this.name = name;
    }

    /**
     * Accepts a run that checked nothing ({@code --allow-empty}) and operations the server refused
     * ({@code --allow-refused}): without them, either fails the run.
     */
    Report accept(boolean empty, boolean refused) {
        this.allowEmpty = empty;
        this.allowRefused = refused;
        return this;
    }

    void add(ValidationResult result) {
        entries.add(new Entry(result.isValid() ? Outcome.PASS : Outcome.FAIL, result, ""));
    }

    void add(ValidationResult result, String note) {
        entries.add(new Entry(result.isValid() ? Outcome.PASS : Outcome.FAIL, result, note));
    }

    /**
     * An answer in which the server refused the credentials: a failure (the note says what was missing or refused)
     * unless refusals are accepted; an answer that does not conform fails either way.
     */
    void refused(ValidationResult result, String note) {
        entries.add(new Entry(result.isValid() ? Outcome.REFUSED : Outcome.FAIL, result, note));
    }

    void skip(String subject, String note) {
        entries.add(new Entry(Outcome.SKIP, new ValidationResult(subject, List.of()), note));
    }

    long count(Outcome outcome) {
        return entries.stream().filter(e -> e.outcome() == outcome).count();
    }

    /** The answers checked: those that passed or failed (a refusal exercised no operation). */
    long checked() {
        return count(Outcome.PASS) + count(Outcome.FAIL);
    }

    /** Why the run fails although no check failed, or empty. */
    List<String> runFailures() {
        List<String> why = new ArrayList<>();
        if (count(Outcome.REFUSED) > 0 && !allowRefused) {
            why.add(count(Outcome.REFUSED) + " refused by the server (401/403): the operation was not checked;"
                    + " give the credentials it needs, or --allow-refused to accept refusals");
        }
        if (checked() == 0 && !allowEmpty) {
            why.add("0 answers checked: a run that checks nothing fails; --allow-empty accepts it");
        }
        return why;
    }

    /** 0 when something was checked and everything conforms (refusals and emptiness as accepted), 1 otherwise. */
    int exitCode() {
        return count(Outcome.FAIL) == 0 && runFailures().isEmpty() ? 0 : 1;
    }

    /** {@code N passed, N failed}, then {@code , N refused} and {@code , N skipped} when there were some. */
    String summary() {
        long refused = count(Outcome.REFUSED);
        long skipped = count(Outcome.SKIP);
        return count(Outcome.PASS) + " passed, " + count(Outcome.FAIL) + " failed" + (refused > 0 ? ", " + refused + " refused" : "")
                + (skipped > 0 ? ", " + skipped + " skipped" : "");
    }

    /** Prints the entries; for text, {@code trailer} (may be empty) goes before the summary line. */
    void print(Format format, PrintStream out, String trailer) {
        switch (format) {
            case TEXT -> printText(out, trailer);
            case JSON -> out.println(json());
            case JUNIT -> out.print(junitXml());
        }
    }

    private void printText(PrintStream out, String trailer) {
        for (Entry entry : entries) {
            String note = entry.note().isEmpty() ? "" : ": " + entry.note();
            out.println(entry.outcome() + " " + entry.result().subject() + note);
            entry.result().violations().forEach(v -> out.println("     " + v));
        }
        if (!trailer.isEmpty()) {
            out.println();
            out.print(trailer);
            out.println();
        }
        runFailures().forEach(why -> out.println("FAIL run: " + why));
        out.println(summary());
    }

    private String json() {
        ObjectNode root = JSON.createObjectNode();
        root.put("name", name);
        root.put("passed", count(Outcome.PASS));
        root.put("failed", count(Outcome.FAIL));
        root.put("refused", count(Outcome.REFUSED));
        root.put("skipped", count(Outcome.SKIP));
        root.put("checked", checked());
        root.put("exitCode", exitCode());
        runFailures().forEach(root.withArray("runFailures")::add);
        ArrayNode results = root.putArray("results");
        for (Entry entry : entries) {
            ObjectNode node = results.addObject();
            node.put("subject", entry.result().subject());
            node.put("outcome", entry.outcome().name());
            if (!entry.note().isEmpty()) {
                node.put("note", entry.note());
            }
            ArrayNode violations = node.putArray("violations");
            for (Violation v : entry.result().violations()) {
                violations.addObject()
                        .put("pointer", v.pointer())
                        .put("schemaLocation", v.schemaLocation())
                        .put("keyword", v.keyword())
                        .put("message", v.message());
            }
        }
        try {
            return JSON.writeValueAsString(root);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private String junitXml() {
        List<String> runFailures = runFailures();
        long refusedFailures = allowRefused ? 0 : count(Outcome.REFUSED);
        long refusedSkips = allowRefused ? count(Outcome.REFUSED) : 0;
        long emptyRun = checked() == 0 && !allowEmpty ? 1 : 0;
        StringBuilder xml = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n")
                .append("<testsuite name=\"").append(xml(name)).append("\" tests=\"").append(entries.size() + emptyRun)
                .append("\" failures=\"").append(count(Outcome.FAIL) + refusedFailures + emptyRun).append("\" errors=\"0\" skipped=\"")
                .append(count(Outcome.SKIP) + refusedSkips).append("\">\n");
        for (Entry entry : entries) {
            String subject = entry.result().subject();
            String classname = subject.contains(" ") ? subject.substring(0, subject.indexOf(' ')) : name;
            xml.append("  <testcase classname=\"").append(xml(classname)).append("\" name=\"").append(xml(subject)).append('"');
            switch (entry.outcome()) {
                case PASS -> xml.append("/>\n");
                case SKIP -> xml.append(">\n    <skipped message=\"").append(xml(entry.note())).append("\"/>\n  </testcase>\n");
                case REFUSED -> xml.append(allowRefused ? ">\n    <skipped message=\"refused: " : ">\n    <failure type=\"refused\" message=\"")
                        .append(xml(entry.note())).append("\"/>\n  </testcase>\n");
                case FAIL -> {
                    List<Violation> violations = entry.result().violations();
                    String message = violations.isEmpty() ? entry.note() : violations.size() + " violation(s); first: " + violations.get(0);
                    xml.append(">\n    <failure type=\"conformance\" message=\"").append(xml(message)).append("\">");
                    violations.forEach(v -> xml.append(xml(v.toString())).append('\n'));
                    xml.append("</failure>\n  </testcase>\n");
                }
            }
        }
        if (emptyRun == 1) {
            xml.append("  <testcase classname=\"").append(xml(name)).append("\" name=\"run\">\n    <failure type=\"empty\" message=\"")
                    .append(xml(runFailures.get(runFailures.size() - 1))).append("\"/>\n  </testcase>\n");
        }
        return xml.append("</testsuite>\n").toString();
    }

    static String xml(String text) {
        StringBuilder escaped = new StringBuilder(text.length());
        for (char c : text.toCharArray()) {
            switch (c) {
                case '<' -> escaped.append("&lt;");
                case '>' -> escaped.append("&gt;");
                case '&' -> escaped.append("&amp;");
                case '"' -> escaped.append("&quot;");
                case '\'' -> escaped.append("&apos;");
                default -> {
                    if (c >= 0x20 || c == '\n' || c == '\t' || c == '\r') {
                        escaped.append(c);
                    }
                }
            }
        }
        return escaped.toString();
    }
}
