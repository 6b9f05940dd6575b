import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/**
 * A build step, not shipped, run by the build as a single-file program with the module's class path: writes each
 * {@code *.yaml} spec of a folder as JSON (same content, same key order, two-space indentation) into another folder,
 * for tools that want JSON.
 */
public final class SpecsAsJson {

    private SpecsAsJson() {
    }

    /** {@code SpecsAsJson SOURCE_DIR TARGET_DIR}. */
    public static void main(String[] args) throws IOException {
        Path source = Path.of(args[0]);
        Path target = Path.of(args[1]);
        Files.createDirectories(target);
        ObjectMapper yaml = new YAMLMapper();
        ObjectMapper json = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
        try (Stream<Path> specs = Files.list(source)) {
            for (Path spec : specs.filter(p -> p.getFileName().toString().endsWith(".yaml") && !p.getFileName().toString().startsWith(".")).sorted().toList()) {
                JsonNode document = yaml.readTree(spec.toFile());
                String name = spec.getFileName().toString().replaceFirst("\\.yaml$", ".json");
                Files.writeString(target.resolve(name), json.writeValueAsString(document) + "\n");
            }
        }
    }
}
