package dev.jobsopenapi.specs;

import org.junit.jupiter.api.Test;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

import javax.xml.parsers.DocumentBuilderFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

/**
 * The build's own steps live under a module's {@code src/build} and run as single-file programs, never as classes
 * from test sources: so {@code mvn -Dmaven.test.skip=true package}, which compiles no test source, still builds.
 */
class BuildStepsTest {

    @Test
    void noBuildStepRunsAClassFromTestSources() throws Exception {
        List<String> wrong = new ArrayList<>();
        int steps = 0;
        try (Stream<Path> modules = Files.list(NodeTools.root())) {
            for (Path pom : modules.map(module -> module.resolve("pom.xml")).filter(Files::isRegularFile).toList()) {
                NodeList executions = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(pom.toFile())
                        .getElementsByTagName("execution");
                for (int i = 0; i < executions.getLength(); i++) {
                    Element execution = (Element) executions.item(i);
                    String goal = text(execution, "goal");
                    String where = NodeTools.root().relativize(pom) + " execution " + text(execution, "id");
                    if (goal.equals("java")) {
                        wrong.add(where + " runs a class (exec:java " + text(execution, "mainClass") + ") from the build's class path");
                    }
                    NodeList arguments = execution.getElementsByTagName("argument");
                    for (int a = 0; a < arguments.getLength(); a++) {
                        String argument = arguments.item(a).getTextContent().strip();
                        if (argument.endsWith(".java")) {
                            steps++;
                            if (!argument.contains("/src/build/")) {
                                wrong.add(where + " runs " + argument + ", outside src/build");
                            }
                        }
                    }
                }
            }
        }
        assertEquals(List.of(), wrong);
        assertFalse(steps == 0, "no build step found: the check looked at nothing");
    }

    private static String text(Element parent, String tag) {
        NodeList nodes = parent.getElementsByTagName(tag);
        return nodes.getLength() == 0 ? "" : nodes.item(0).getTextContent().strip();
    }
}
