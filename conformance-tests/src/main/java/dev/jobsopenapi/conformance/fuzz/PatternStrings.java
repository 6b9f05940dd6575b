package dev.jobsopenapi.conformance.fuzz;

import com.github.curiousoddman.rgxgen.RgxGen;

import java.util.Optional;
import java.util.Random;
import java.util.regex.Pattern;

/**
 * Strings for a schema's {@code pattern}, within its length bounds. RgxGen generates from the pattern with its
 * lookarounds taken out (it does not honour them); each candidate is then kept only if the pattern itself, as
 * {@code java.util.regex} reads it, matches — so a lookahead such as the openYuanrong submission id's
 * {@code (?!.*driver)} is still obeyed.
 */
final class PatternStrings {

    private static final int ATTEMPTS = 64;

    private final Pattern pattern;
    private final RgxGen generator;

    PatternStrings(String pattern) {
        this.pattern = Pattern.compile(pattern);
        this.generator = RgxGen.parse(withoutLookarounds(pattern));
    }

    /** Whether the text matches, as JSON Schema's {@code pattern} means it (found anywhere unless anchored). */
    boolean matches(String text) {
        return pattern.matcher(text).find();
    }

    /**
     * A matching string of {@code minLength..maxLength} code points, as short as possible when asked (the
     * shortest of several candidates), or empty when none was found.
     */
    Optional<String> matching(Random random, int minLength, int maxLength, boolean shortest) {
        String best = null;
        for (int i = 0; i < ATTEMPTS; i++) {
            String candidate = generator.generate(random);
            int length = candidate.codePointCount(0, candidate.length());
            if (length < minLength || length > maxLength || !matches(candidate)) {
                continue;
            }
            if (!shortest) {
                return Optional.of(candidate);
            }
            if (best == null || length < best.codePointCount(0, best.length())) {
                best = candidate;
            }
        }
        return Optional.ofNullable(best);
    }

    /** A string the pattern does not match, or empty when none was found. */
    Optional<String> notMatching(Random random) {
        for (int i = 0; i < ATTEMPTS; i++) {
            String candidate = generator.generateNotMatching(random);
            if (!matches(candidate)) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }

    /** The pattern with every {@code (?=…)}, {@code (?!…)}, {@code (?<=…)} and {@code (?<!…)} group removed. */
    static String withoutLookarounds(String pattern) {
        StringBuilder out = new StringBuilder(pattern.length());
        int i = 0;
        while (i < pattern.length()) {
            char c = pattern.charAt(i);
            if (c == '\\' && i + 1 < pattern.length()) {
                out.append(c).append(pattern.charAt(i + 1));
                i += 2;
            } else if (c == '[') {
                int end = classEnd(pattern, i);
                out.append(pattern, i, end);
                i = end;
            } else if (pattern.startsWith("(?=", i) || pattern.startsWith("(?!", i)
                    || pattern.startsWith("(?<=", i) || pattern.startsWith("(?<!", i)) {
                i = groupEnd(pattern, i);
            } else {
                out.append(c);
                i++;
            }
        }
        return out.toString();
    }

    /** The index after the character class that starts at {@code start}. */
    private static int classEnd(String pattern, int start) {
        int i = start + 1;
        if (i < pattern.length() && pattern.charAt(i) == '^') {
            i++;
        }
        if (i < pattern.length() && pattern.charAt(i) == ']') {
            i++;
        }
        while (i < pattern.length() && pattern.charAt(i) != ']') {
            i += pattern.charAt(i) == '\\' ? 2 : 1;
        }
        return Math.min(i + 1, pattern.length());
    }

    /** The index after the group that starts at {@code start}. */
    private static int groupEnd(String pattern, int start) {
        int depth = 0;
        int i = start;
        while (i < pattern.length()) {
            char c = pattern.charAt(i);
            if (c == '\\') {
                i += 2;
                continue;
            }
            if (c == '[') {
                i = classEnd(pattern, i);
                continue;
            }
            if (c == '(') {
                depth++;
            } else if (c == ')' && --depth == 0) {
                return i + 1;
            }
            i++;
        }
        return pattern.length();
    }
}
