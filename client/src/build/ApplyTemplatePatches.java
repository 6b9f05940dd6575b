import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * Builds the client's generator templates: for each {@code *.patch} (a unified diff whose {@code ---} line names the
 * upstream template in the openapi-generator jar and whose {@code +++} line names the template to write), the
 * upstream template with the patch applied exactly, without fuzz. When the pinned generator's template no longer
 * has the lines a patch expects, it writes nothing and fails, naming the patch, the hunk and the line.
 *
 * <p>Run by the client module's build (JDK only, as a single-file program):
 * {@code java ApplyTemplatePatches.java GENERATOR_JAR PATCH_DIR OUTPUT_DIR}; exit 0 done, 1 drift, 2 usage.
 */
public class ApplyTemplatePatches {

    private static final Pattern HUNK = Pattern.compile("^@@ -(\\d+)(?:,(\\d+))? \\+(\\d+)(?:,(\\d+))? @@");

    /** The upstream template no longer matches a patch. */
    static final class Drift extends Exception {
        Drift(String message) {
            super(message);
        }
    }

    public static void main(String[] args) throws IOException {
        if (args.length != 3) {
            System.err.println("usage: java ApplyTemplatePatches.java GENERATOR_JAR PATCH_DIR OUTPUT_DIR");
            System.exit(2);
        }
        Map<Path, String> templates = new LinkedHashMap<>(); // written only once every patch applies
        try (ZipFile jar = new ZipFile(args[0]); Stream<Path> patches = Files.list(Path.of(args[1]))) {
            for (Path patch : patches.filter(p -> p.toString().endsWith(".patch")).sorted().toList()) {
                List<String> diff = Files.readAllLines(patch, StandardCharsets.UTF_8);
                String upstreamName = name(diff, "--- a/", patch);
                String outputName = name(diff, "+++ b/", patch);
                ZipEntry entry = jar.getEntry(upstreamName);
                if (entry == null) {
                    throw new Drift(args[0] + " has no " + upstreamName);
                }
                String upstream;
                try (InputStream in = jar.getInputStream(entry)) {
                    upstream = new String(in.readAllBytes(), StandardCharsets.UTF_8);
                }
                templates.put(Path.of(args[2]).resolve(outputName), apply(upstream, diff, patch.getFileName().toString()));
            }
        } catch (Drift e) {
            System.err.println("The pinned openapi-generator's template changed under this project's patch: " + e.getMessage()
                    + ". Re-apply the change described in the patch to the new upstream template, then regenerate the"
                    + " patch (diff -u upstream patched).");
            System.exit(1);
        }
        for (Map.Entry<Path, String> template : templates.entrySet()) {
            Files.createDirectories(template.getKey().getParent());
            Files.writeString(template.getKey(), template.getValue(), StandardCharsets.UTF_8);
        }
    }

    private static String name(List<String> diff, String prefix, Path patch) throws Drift {
        return diff.stream().filter(l -> l.startsWith(prefix)).map(l -> l.substring(prefix.length()).split("\t")[0].trim())
                .findFirst().orElseThrow(() -> new Drift(patch + " has no '" + prefix + "' line"));
    }

    /** The text with the diff's hunks applied; every context and removed line must be where the hunk says. */
    static String apply(String text, List<String> diff, String patchName) throws Drift {
        boolean endsWithNewline = text.endsWith("\n");
        List<String> lines = new ArrayList<>(List.of(text.split("\n", -1)));
        if (endsWithNewline) {
            lines.remove(lines.size() - 1);
        }
        List<String> result = new ArrayList<>();
        int next = 0; // the next upstream line (0-based) not yet copied
        int hunkNumber = 0;
        for (int i = 0; i < diff.size(); i++) {
            Matcher hunk = HUNK.matcher(diff.get(i));
            if (!hunk.find()) {
                continue;
            }
            hunkNumber++;
            int start = Integer.parseInt(hunk.group(1)) - (hunk.group(2) != null && hunk.group(2).equals("0") ? 0 : 1);
            while (next < start) {
                result.add(lines.get(next++));
            }
            for (i = i + 1; i < diff.size() && !diff.get(i).startsWith("@@"); i++) {
                String line = diff.get(i);
                if (line.startsWith("\\")) {
                    continue; // "\ No newline at end of file"
                }
                char kind = line.isEmpty() ? ' ' : line.charAt(0);
                String content = line.isEmpty() ? "" : line.substring(1);
                if (kind == '+') {
                    result.add(content);
                    continue;
                }
                if (next >= lines.size() || !lines.get(next).equals(content)) {
                    throw new Drift(patchName + ", hunk " + hunkNumber + ", upstream line " + (next + 1) + ": expected '"
                            + content + "', found '" + (next < lines.size() ? lines.get(next) : "(end of file)") + "'");
                }
                if (kind == ' ') {
                    result.add(content);
                }
                next++;
            }
            i--;
        }
        while (next < lines.size()) {
            result.add(lines.get(next++));
        }
        return String.join("\n", result) + (endsWithNewline ? "\n" : "");
    }
}
