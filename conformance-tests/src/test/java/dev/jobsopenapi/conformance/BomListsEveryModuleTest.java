package dev.jobsopenapi.conformance;

import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

import javax.xml.parsers.DocumentBuilderFactory;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The BOM manages every published jar module of the build (not the benchmarks), at the build's version, and nothing else. */
class BomListsEveryModuleTest {

    private static final Path ROOT = Path.of("").toAbsolutePath().getParent();

    private static Document read(Path pom) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        return factory.newDocumentBuilder().parse(pom.toFile());
    }

    private static String child(Element parent, String name) {
        NodeList nodes = parent.getElementsByTagName(name);
        return nodes.getLength() == 0 ? "" : nodes.item(0).getTextContent().trim();
    }

    @Test
    void theBomManagesEachModuleArtifactAtTheProjectVersion() throws Exception {
        Document parent = read(ROOT.resolve("pom.xml"));
        String version = child(parent.getDocumentElement(), "version");
        List<String> modules = new ArrayList<>();
        NodeList moduleNodes = parent.getElementsByTagName("module");
        for (int i = 0; i < moduleNodes.getLength(); i++) {
            String module = moduleNodes.item(i).getTextContent().trim();
            Document pom = read(ROOT.resolve(module).resolve("pom.xml"));
            String packaging = child(pom.getDocumentElement(), "packaging");
            boolean published = !child(pom.getDocumentElement(), "maven.deploy.skip").equals("true");
            if ((packaging.isEmpty() || packaging.equals("jar")) && published) {
                modules.add(pom.getDocumentElement().getElementsByTagName("artifactId").item(1).getTextContent().trim());
            }
        }
        Document bom = read(ROOT.resolve("bom/pom.xml"));
        assertEquals(version, child(bom.getDocumentElement(), "version"), "the BOM's version");
        List<String> managed = new ArrayList<>();
        NodeList dependencies = bom.getElementsByTagName("dependency");
        for (int i = 0; i < dependencies.getLength(); i++) {
            Element dependency = (Element) dependencies.item(i);
            if (child(dependency, "groupId").equals("dev.jobsopenapi")) {
                assertEquals("${project.version}", child(dependency, "version"));
                managed.add(child(dependency, "artifactId"));
            }
        }
        assertEquals(modules.stream().sorted().toList(), managed.stream().sorted().toList());
    }

    @Test
    void theBomPinsTheThirdPartyVersionsTheBuildUsesWithJacksonBeforeJersey() throws Exception {
        Element parentProperties = (Element) read(ROOT.resolve("pom.xml")).getElementsByTagName("properties").item(0);
        Element bomProperties = (Element) read(ROOT.resolve("bom/pom.xml")).getElementsByTagName("properties").item(0);
        for (String version : List.of("jackson.version", "jersey.version", "jetty.version", "junit.version", "hibernate-validator.version", "expressly.version")) {
            assertEquals(child(parentProperties, version), child(bomProperties, version), version);
        }
        List<String> imports = new ArrayList<>();
        NodeList dependencies = read(ROOT.resolve("bom/pom.xml")).getElementsByTagName("dependency");
        for (int i = 0; i < dependencies.getLength(); i++) {
            Element dependency = (Element) dependencies.item(i);
            if (child(dependency, "scope").equals("import")) {
                imports.add(child(dependency, "artifactId"));
            }
        }
        assertEquals(List.of("jackson-bom", "jersey-bom", "jetty-bom", "jetty-ee10-bom", "junit-bom"), imports, "Jackson's BOM first, so its version wins over Jersey's");
    }
}
