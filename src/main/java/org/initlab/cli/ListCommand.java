package org.initlab.cli;

import org.initlab.catalog.CatalogueEntry;
import org.initlab.catalog.NearestName;
import org.initlab.UserError;
import org.initlab.data.DatasetCatalogue;
import org.initlab.data.DatasetSpec;
import org.initlab.init.Initializers;
import org.initlab.nn.Activations;
import org.initlab.optim.Optimizers;
import org.initlab.study.BuiltInStudies;
import org.initlab.study.factor.Factor;
import org.initlab.study.factor.Factors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

import java.io.PrintStream;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

/** {@code initlab list WHAT}: the catalogues, one line each with its formula. */
@Command(name = "list", mixinStandardHelpOptions = true,
        description = "List studies, factors, initializers, bias-initializers, activations, optimizers or datasets, with one-line formulas.")
final class ListCommand implements Callable<Integer> {
    private static final List<String> WHAT = List.of("studies", "factors", "initializers", "bias-initializers", "activations", "optimizers", "datasets");

    @Parameters(index = "0", paramLabel = "WHAT", description = "studies | factors | initializers | bias-initializers | activations | optimizers | datasets")
    String what;

    @Override
    public Integer call() {
        PrintStream o = System.out;
        switch (what) {
            case "studies" -> {
                for (Map.Entry<String, String> e : BuiltInStudies.descriptions().entrySet()) {
                    o.println(TerminalText.safe(String.format("%-18s %s", e.getKey(), e.getValue())));
                }
                o.println();
                o.println("Run one with 'initlab run NAME'; see its grid with 'initlab run NAME --dry-run'.");
            }
            case "factors" -> {
                for (Factor<?> f : Factors.all()) o.printf("%-18s %s%n", f.key(), f.description());
                o.println();
                o.println("Each is a setting (one value, under settings:) or a factor of the grid (a list, under factors:).");
            }
            case "initializers" -> print(o, Initializers.weightEntries());
            case "bias-initializers" -> print(o, Initializers.biasEntries());
            case "activations" -> print(o, Activations.entries());
            case "optimizers" -> print(o, Optimizers.entries());
            case "datasets" -> {
                for (DatasetSpec d : DatasetCatalogue.all()) o.println(TerminalText.safe(String.format("%-14s %s", d.name(), d.title())));
                o.println();
                o.println("Where each is found and whether it verifies: 'initlab data list'.");
            }
            default -> throw new UserError(NearestName.unknown("list", what, WHAT));
        }
        return 0;
    }

    static void print(PrintStream o, List<CatalogueEntry> entries) {
        int width = entries.stream().mapToInt(e -> e.name().length()).max().orElse(10) + 2;
        for (CatalogueEntry e : entries) {
            o.println(TerminalText.safe(String.format("%-" + width + "s %s", e.name(), e.formula())));
            StringBuilder more = new StringBuilder();
            if (!e.defaults().isEmpty()) {
                more.append("defaults ").append(org.initlab.catalog.Params.label("", e.defaults()).replaceFirst("^\\(", "").replaceFirst("\\)$", ""));
            }
            if (!e.aliases().isEmpty()) more.append(more.isEmpty() ? "" : "; ").append("aka ").append(String.join(", ", e.aliases()));
            if (e.source() != null && !e.source().isBlank() && !e.source().equals("—")) more.append(more.isEmpty() ? "" : "; ").append(e.source());
            if (!more.isEmpty()) o.println(TerminalText.safe(String.format("%-" + width + "s   %s", "", more)));
        }
    }
}
