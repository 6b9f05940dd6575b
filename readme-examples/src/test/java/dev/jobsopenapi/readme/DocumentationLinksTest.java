package dev.jobsopenapi.readme;

import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every relative link of the README and the pages under {@code docs/} leads somewhere: to a file or folder of the
 * repository, and, where it names a heading ({@code #anchor}), to a heading of that page (as GitHub names them).
 */
class DocumentationLinksTest {

    private static final Pattern LINK = Pattern.compile("\\[[^\\]]*\\]\\(([^)\\s]+)\\)");
    private static final Pattern FENCE = Pattern.compile("(?ms)^```.*?^```");

    @Test
    void everyRelativeLinkResolves() throws Exception {
        List<String> broken = new ArrayList<>();
        int checked = 0;
        for (Path document : ReadmeJavaBlocksCompileTest.documents()) {
            String text = FENCE.matcher(Files.readString(document)).replaceAll("");
            Matcher m = LINK.matcher(text);
            while (m.find()) {
                String target = m.group(1);
                if (target.matches("^[a-z]+:.*")) {
                    continue;
                }
                checked++;
                String path = target.contains("#") ? target.substring(0, target.indexOf('#')) : target;
                String anchor = target.contains("#") ? target.substring(target.indexOf('#') + 1) : "";
                Path file = path.isEmpty() ? document : document.getParent().resolve(path).normalize();
                String where = ReadmeJavaBlocksCompileTest.ROOT.relativize(document) + ": " + target;
                if (!Files.exists(file)) {
                    broken.add(where + " (no such file)");
                } else if (!anchor.isEmpty() && !anchors(file).contains(anchor)) {
                    broken.add(where + " (no such heading)");
                }
            }
        }
        assertEquals(List.of(), broken);
        assertTrue(checked > 20, "links checked: " + checked);
    }

    /** The anchors GitHub gives the page's headings. */
    private static Set<String> anchors(Path page) throws Exception {
        Set<String> anchors = new HashSet<>();
        String text = FENCE.matcher(Files.readString(page)).replaceAll("");
        for (String line : text.split("\n")) {
            if (line.matches("^#{1,6} .*")) {
                anchors.add(line.replaceFirst("^#+ ", "").strip().toLowerCase(Locale.ROOT)
                        .replaceAll("[^\\p{L}\\p{N}\\- _]", "").replace(' ', '-'));
            }
        }
        return anchors;
    }
}
