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

    @Parameters(index = "0", paramLabel = "WHAT", description = "studies | factors | initializers | bias-initializers | activations | optimizers | datasets",
            completionCandidates = Catalogues.class)
    String what;

    /** What WHAT completes to. */
    static final class Catalogues implements Iterable<String> {
        @Override
        public java.util.Iterator<String> iterator() {
            return WHAT.iterator();
        }
    }

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
            case "initializers" -> print(o, "Weight initializers", Initializers.weightEntries(), TerminalText.width());
            case "bias-initializers" -> print(o, "Bias initializers", Initializers.biasEntries(), TerminalText.width());
            case "activations" -> print(o, "Activations", Activations.entries(), TerminalText.width());
            case "optimizers" -> print(o, "Optimizers", Optimizers.entries(), TerminalText.width());
            case "datasets" -> {
                for (DatasetSpec d : DatasetCatalogue.all()) o.println(TerminalText.safe(String.format("%-14s %s", d.name(), d.title())));
                o.println();
                o.println("Where each is found and whether it verifies: 'initlab data list'.");
            }
            default -> throw new UserError(NearestName.unknown("list", what, WHAT));
        }
        return 0;
    }

    /**
     * A catalogue as a newcomer reads it, wrapped at {@code width}: each entry's name and formula,
     * then what else a spec may write for it ("also"), its defaults, the presets built on it, and
     * its source; then the presets, each with what it stands for.
     */
    static void print(PrintStream o, String heading, List<CatalogueEntry> entries, int width) {
        List<CatalogueEntry> named = entries.stream().filter(e -> e.presetOf() == null).toList();
        List<CatalogueEntry> presets = entries.stream().filter(e -> e.presetOf() != null).toList();
        int column = Math.min(24, entries.stream().mapToInt(e -> e.name().length()).max().orElse(10) + 2);
        String indent = " ".repeat(column);
        for (String l : TerminalText.wrap(heading + ": a spec names one by its name or by a name after 'also' (case, '_', '-' and blanks"
                + " do not count); parameters not given take the defaults.", width, "", "")) o.println(l);
        o.println();
        for (CatalogueEntry e : named) {
            line(o, head(e, column), e.formula(), width, indent);
            if (!e.aliases().isEmpty()) line(o, indent + "also: ", String.join(", ", e.aliases()), width, indent + "      ");
            if (!e.defaults().isEmpty()) line(o, indent + "defaults: ", defaults(e), width, indent + "          ");
            List<String> mine = presets.stream().filter(p -> p.presetOf().equals(e.name())).map(CatalogueEntry::name).toList();
            if (!mine.isEmpty()) line(o, indent + "presets: ", String.join(", ", mine), width, indent + "         ");
            if (hasSource(e)) line(o, indent, e.source(), width, indent);
        }
        if (presets.isEmpty()) return;
        o.println();
        for (String l : TerminalText.wrap("Presets: a name for one of the above with some parameters set (a spec may still set"
                + " others, or override these).", width, "", "")) o.println(l);
        o.println();
        for (CatalogueEntry p : presets) {
            line(o, head(p, column), p.formula(), width, indent);
            if (hasSource(p)) line(o, indent, p.source(), width, indent);
        }
    }

    /** The name padded to the column, or followed by a space when it is longer. */
    private static String head(CatalogueEntry e, int column) {
        return e.name().length() < column ? String.format("%-" + column + "s", e.name()) : e.name() + " ";
    }

    private static void line(PrintStream o, String first, String text, int width, String rest) {
        for (String l : TerminalText.wrap(text, width, first, rest)) o.println(TerminalText.safe(l));
    }

    private static String defaults(CatalogueEntry e) {
        return org.initlab.catalog.Params.label("", e.defaults()).replaceFirst("^\\(", "").replaceFirst("\\)$", "").replace(",", ", ").replace(",  ", ", ");
    }

    private static boolean hasSource(CatalogueEntry e) {
        return e.source() != null && !e.source().isBlank() && !e.source().equals("—");
    }
}
