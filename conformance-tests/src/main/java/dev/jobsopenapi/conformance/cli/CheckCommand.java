package dev.jobsopenapi.conformance.cli;

import dev.jobsopenapi.conformance.ApiContract;
import dev.jobsopenapi.conformance.VendorQuirk;
import dev.jobsopenapi.conformance.VendorQuirkCatalogue;
import dev.jobsopenapi.specs.BundledSpec;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

/** The {@code check} command: every documented example of the bundled specs validated, their quirks proven. */
@Command(name = "check", mixinStandardHelpOptions = true,
        description = "Validate every documented example of the bundled specs, prove their vendor quirks and print the"
                + " quirk catalogue.",
        footerHeading = "%nExamples (after java -jar jobs-openapi-conformance-cli.jar):%n",
        footer = {"  check", "  check openyuanrong-jobs --format junit > check.xml"})
final class CheckCommand implements Callable<Integer> {

    @Parameters(arity = "0..*", paramLabel = "SPEC", description = "a bundled spec name (default: all)")
    List<String> specs = new ArrayList<>();

    @Mixin
    Options.Format format;

    private final Console console;

    CheckCommand(Console console) {
        this.console = console;
    }

    /** The bundled specs by name, or all of them. */
    static List<ApiContract> bundledContracts(List<String> names) {
        List<BundledSpec> specs = names.isEmpty() ? List.of(BundledSpec.values()) : names.stream().map(BundledSpec::byName).toList();
        return specs.stream().map(ApiContract::bundled).toList();
    }

    @Override
    public Integer call() {
        List<ApiContract> contracts = bundledContracts(specs);
        Report report = new Report("jobs-openapi check");
        for (ApiContract contract : contracts) {
            contract.examples().forEach(example -> report.add(contract.validate(example)));
        }
        VendorQuirkCatalogue catalogue = VendorQuirkCatalogue.of(contracts);
        for (ApiContract contract : contracts) {
            for (VendorQuirk quirk : catalogue.quirks()) {
                if (quirk.spec().equals(contract.name()) && quirk.documentedSchema().isPresent()) {
                    VendorQuirkCatalogue.Proof proof = VendorQuirkCatalogue.prove(contract, quirk);
                    report.add(proof.result(), proof.summary());
                }
            }
        }
        report.print(format.format, console.out(), format.format == Report.Format.TEXT ? catalogue.toMarkdown() : "");
        return report.exitCode();
    }
}
