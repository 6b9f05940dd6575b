package dev.jobsopenapi.conformance;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaModifier;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.library.dependencies.SliceAssignment;
import com.tngtech.archunit.library.dependencies.SliceIdentifier;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The checker's layout: the public API in {@code dev.jobsopenapi.conformance} with its engine package-private
 * behind it, one package per adapter (command line, JUnit, HTTP hooks) built on the API, no import cycle
 * between packages or between classes, and no engine class over about 300 lines. The command line is the
 * outermost adapter: it fronts the HTTP adapter's proxy and HAR check, and nothing depends on it.
 */
class LayersTest {

    private static final String API = "dev.jobsopenapi.conformance";
    private static final JavaClasses CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages(API);
    /** The public face of the API package; every other class there is the engine. */
    private static final List<String> PUBLIC_API = List.of("ApiContract", "Body", "ConformanceLog", "DocumentedExample",
            "Operation", "Parameter", "SecuritySchemes", "Target", "ValidationResult", "VendorQuirk", "VendorQuirkCatalogue", "Violation");

    @Test
    void theApiPackageMakesPublicOnlyTheApi() {
        classes().that().resideInAPackage(API).and().arePublic().and().areTopLevelClasses()
                .should().haveNameMatching(API.replace(".", "\\.") + "\\.(" + String.join("|", PUBLIC_API) + ")")
                .check(CLASSES);
    }

    @Test
    void theJUnitAndHttpAdaptersUseTheApiAndNotEachOther() {
        noClasses().that().resideInAPackage(API + ".junit").should().dependOnClassesThat()
                .resideInAnyPackage(API + ".http..", API + ".cli..").check(CLASSES);
        noClasses().that().resideInAPackage(API + ".http").should().dependOnClassesThat()
                .resideInAnyPackage(API + ".junit..", API + ".cli..").check(CLASSES);
        noClasses().that().resideInAPackage(API + ".cli").should().dependOnClassesThat()
                .resideInAPackage(API + ".junit..").check(CLASSES);
    }

    @Test
    void theFuzzerUsesTheApiAndNoAdapter() {
        noClasses().that().resideInAPackage(API + ".fuzz").should().dependOnClassesThat()
                .resideInAnyPackage(API + ".junit..", API + ".http..", API + ".cli..").check(CLASSES);
        classes().that().resideInAPackage(API + ".fuzz").and().arePublic().and().areTopLevelClasses()
                .should().haveNameMatching(".*\\.(Check|Finding|FuzzResult|Fuzzer|LiveServer)").check(CLASSES);
    }

    @Test
    void theApiDependsOnNoAdapter() {
        noClasses().that().resideInAPackage(API).should().dependOnClassesThat().resideInAPackage(API + ".(*)..")
                .check(CLASSES);
    }

    @Test
    void theCommandLineUsesOnlyThePublicFaceOfTheHttpAdapter() {
        noClasses().that().resideInAPackage(API + ".cli").should().dependOnClassesThat(
                DescribedPredicate.describe("non-public classes of the HTTP adapter",
                        type -> type.getPackageName().equals(API + ".http")
                                && !type.getModifiers().contains(JavaModifier.PUBLIC)))
                .check(CLASSES);
    }

    @Test
    void noPackageCycle() {
        slices().matching("dev.jobsopenapi.(**)").should().beFreeOfCycles().check(CLASSES);
    }

    @Test
    void noClassCycle() {
        slices().assignedFrom(new SliceAssignment() {
            @Override
            public SliceIdentifier getIdentifierOf(JavaClass javaClass) {
                JavaClass top = javaClass;
                while (top.getEnclosingClass().isPresent()) {
                    top = top.getEnclosingClass().get();
                }
                return SliceIdentifier.of(top.getName());
            }

            @Override
            public String getDescription() {
                return "top-level classes";
            }
        }).should().beFreeOfCycles().check(CLASSES);
    }

    @Test
    void noEngineClassIsOverAbout300Lines() throws IOException {
        StringBuilder over = new StringBuilder();
        for (JavaClass type : CLASSES) {
            if (type.getPackageName().equals(API) && type.isTopLevelClass() && !type.getModifiers().contains(JavaModifier.PUBLIC)) {
                Path source = Path.of("src/main/java", API.replace('.', '/'), type.getSimpleName() + ".java");
                long lines;
                try (var stream = Files.lines(source)) {
                    lines = stream.count();
                }
                if (lines > 320) {
                    over.append(type.getSimpleName()).append(": ").append(lines).append(" lines\n");
                }
            }
        }
        assertEquals("", over.toString());
    }
}
