package dev.jobsopenapi.conformance.cli;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** Parsed options: {@code --name value} pairs (repeatable) and positional arguments after the command. */
record CliOptions(String command, Map<String, List<String>> values, List<String> positional) {

    /** The largest --max-body-mib: a body read whole must fit one Java array. */
    static final long MAX_BODY_MIB = 2047;
    /** The largest --timeout-seconds: a day. */
    static final long MAX_TIMEOUT_SECONDS = 86_400;

    private static final Set<String> FLAGS_WITH_VALUES = Set.of("--spec", "--operation", "--method", "--path",
            "--status", "--content-type", "--base-url", "--param", "--token-env", "--token", "--timeout-seconds", "--format",
            "--max-body-mib", "--output", "--allow-write", "--upstream", "--port", "--bind", "--max-exchanges", "--duration");

    /** Options that take no value: they are on when given. */
    private static final Set<String> SWITCHES = Set.of("--allow-empty", "--allow-refused");

    static CliOptions parse(String[] args) {
        Map<String, List<String>> values = new LinkedHashMap<>();
        List<String> positional = new ArrayList<>();
        for (int i = 1; i < args.length; i++) {
            String arg = args[i];
            if (SWITCHES.contains(arg)) {
                values.computeIfAbsent(arg, k -> new ArrayList<>()).add("on");
            } else if (arg.startsWith("--")) {
                if (!FLAGS_WITH_VALUES.contains(arg)) {
                    throw new UsageException("unknown option " + arg);
                }
                if (i + 1 >= args.length) {
                    throw new UsageException(arg + " needs a value");
                }
                values.computeIfAbsent(arg, k -> new ArrayList<>()).add(args[++i]);
            } else {
                positional.add(arg);
            }
        }
        return new CliOptions(args[0], values, positional);
    }

    Optional<String> value(String name) {
        List<String> list = values.getOrDefault(name, List.of());
        if (list.size() > 1) {
            throw new UsageException(name + " given more than once");
        }
        return list.stream().findFirst();
    }

    String required(String name) {
        return value(name).orElseThrow(() -> new UsageException(command + " needs " + name));
    }

    /** True when the switch was given. */
    boolean on(String name) {
        return values.containsKey(name);
    }

    /** A report for the command, accepting what {@code --allow-empty} and {@code --allow-refused} accept. */
    Report report(String name) {
        return new Report(name).accept(on("--allow-empty"), on("--allow-refused"));
    }

    Report.Format format() {
        return Report.Format.parse(value("--format").orElse("text"));
    }

    long maxBodyBytes() {
        return number("--max-body-mib", 32, MAX_BODY_MIB) * 1024 * 1024;
    }

    /** A whole number from 1 to {@code max}, or the fallback when the option is not given. */
    long number(String name, long fallback, long max) {
        String text = value(name).orElse(Long.toString(fallback));
        try {
            long n = Long.parseLong(text);
            if (n > 0 && n <= max) {
                return n;
            }
        } catch (NumberFormatException ignored) {
            // reported below
        }
        throw new UsageException(name + " takes a whole number from 1 to " + max + ", not '"
                + (text.length() > 40 ? text.substring(0, 40) + "…" : text) + "'");
    }

    void allow(String... names) {
        for (String name : values.keySet()) {
            if (!List.of(names).contains(name)) {
                throw new UsageException(command + " does not take " + name);
            }
        }
    }
}
