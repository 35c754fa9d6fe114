package org.initlab.report.figures;

import org.initlab.report.model.ConfigurationSummary;
import org.initlab.report.model.RunGroup;
import org.initlab.report.model.StudyAggregate;
import org.initlab.report.model.StudyDesign;
import org.initlab.report.plot.Axis;
import org.initlab.report.plot.Figure;
import org.initlab.report.plot.HeatmapPanel;
import org.initlab.report.plot.LinePanel;
import org.initlab.report.plot.Rgb;
import org.initlab.report.stats.Estimate;
import org.initlab.report.text.Values;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Research question 2, how the primary factor interacts with the others: for every experiment and
 * every other factor X it varies, final test accuracy as a heatmap (primary × X) and as lines
 * over X's levels (e.g. curves per depth), one panel per combination of the remaining factors.
 */
public final class Interactions implements FigureSet {
    /** One (experiment, X, facet): the groups that share the facet's levels. */
    record Facet(StudyDesign.Experiment experiment, String factor, String title, List<RunGroup> groups) {}

    static List<Facet> facets(StudyAggregate agg) {
        List<Facet> out = new ArrayList<>();
        for (StudyDesign.Experiment e : agg.design().experiments()) {
            for (String x : e.varying()) {
                if (x.equals(e.primary())) continue;
                Map<Map<String, String>, List<RunGroup>> byRest = new LinkedHashMap<>();
                for (RunGroup g : agg.groups()) {
                    if (!g.experiments().contains(e.name())) continue;
                    Map<String, String> rest = new LinkedHashMap<>();
                    for (String k : e.varying()) if (!k.equals(x) && !k.equals(e.primary())) rest.put(k, g.configuration().get(k));
                    byRest.computeIfAbsent(rest, k -> new ArrayList<>()).add(g);
                }
                byRest.forEach((rest, gs) -> {
                    String facet = rest.isEmpty() ? "" : " (" + String.join(" · ", rest.values()) + ")";
                    out.add(new Facet(e, x, e.name() + ": " + e.primary().replace('_', ' ') + " × " + x.replace('_', ' ') + facet, gs));
                });
            }
        }
        return out;
    }

    /** Panels per figure: more facets make more figures, each a printable size. */
    static final int FACETS_PER_FIGURE = 9;

    @Override
    public String prefix() {
        return "interactions";
    }

    /** The heatmaps first, then the line plots; with many facets, each kind in parts of {@link #FACETS_PER_FIGURE}. */
    @Override
    public List<Figure> figures(FigureInput in) {
        StudyAggregate agg = in.agg();
        List<Facet> facets = facets(agg);
        List<Figure> heatmaps = new ArrayList<>(), lines = new ArrayList<>();
        int parts = (facets.size() + FACETS_PER_FIGURE - 1) / FACETS_PER_FIGURE;
        for (int from = 0, part = 1; from < facets.size(); from += FACETS_PER_FIGURE, part++) {
            List<Facet> chunk = facets.subList(from, Math.min(facets.size(), from + FACETS_PER_FIGURE));
            String suffix = parts > 1 ? "-" + part : "", of = parts > 1 ? " (" + part + " of " + parts + ")" : "";
            Figure[] pair = figures(agg, in.colours(), chunk, suffix, of);
            heatmaps.add(pair[0]);
            lines.add(pair[1]);
        }
        List<Figure> out = new ArrayList<>(heatmaps);
        out.addAll(lines);
        return out;
    }

    private Figure[] figures(StudyAggregate agg, SeriesColours colours, List<Facet> facets, String suffix, String of) {
        int perRow = maxColumns(facets) > 6 ? 1 : maxColumns(facets) > 3 ? 2 : 3;
        List<Figure.Cell> heat = new ArrayList<>(), lines = new ArrayList<>();
        Set<String> shown = new LinkedHashSet<>();
        String primaryName = facets.getFirst().experiment().primary();
        int seeds = agg.maxSeeds();
        List<HeatmapPanel> maps = facets.stream().map(facet -> heatmap(agg, colours, facet)).toList();
        // one colour scale for every panel of the figure: the same colour is the same accuracy in each
        HeatmapPanel low = null, high = null;
        for (HeatmapPanel m : maps) {
            if (!hasData(m)) continue;
            if (low == null || m.min() < low.min()) low = m;
            if (high == null || m.max() > high.max()) high = m;
        }
        for (int f = 0; f < facets.size(); f++) {
            HeatmapPanel m = maps.get(f);
            if (low != null) {
                m = new HeatmapPanel(m.title(), m.rowAxis(), m.columnAxis(), m.rowLabels(), m.rowKeys(), m.rowColours(), m.columnLabels(),
                        m.values(), m.texts(), m.tips(), low.min(), high.max(), low.minLabel(), high.maxLabel());
            }
            heat.add(new Figure.Cell(f / perRow, f % perRow, m));
            lines.add(new Figure.Cell(f / perRow, f % perRow, lines(agg, colours, facets.get(f), shown)));
        }
        List<Figure.LegendEntry> legend = new ArrayList<>();
        for (String level : agg.design().levels().getOrDefault(primaryName, List.of())) {
            if (shown.contains(level)) legend.add(colours.legend(primaryName, level));
        }
        boolean diverged = facets.stream().flatMap(f -> f.groups().stream()).anyMatch(g -> !g.divergences().isEmpty());
        String ci = (seeds > 1 ? "Each cell: mean ± half-width of the 95% confidence interval over " + seeds + " seeds" : "1 seed: no confidence interval")
                + (diverged ? "; over the seeds that completed where some diverged (n = the seeds left; \u201cdiverged\u201d: all did)." : ".");
        Figure heatmap = new Figure(prefix() + "-heatmap" + suffix, "Final test accuracy: " + primaryName.replace('_', ' ') + " × the other factors" + of,
                ci, Math.max(330, 170 + 64.0 * maxColumns(facets)), 60 + 46.0 * maxRows(facets), List.of(), List.of(), heat, legend,
                "Colour follows the test error on a log scale (brighter = fewer errors), one scale for every panel of the figure, so differences among good configurations stay visible; the text gives the accuracy.");
        Figure line = new Figure(prefix() + "-lines" + suffix, "Final test error across each factor's levels (lower is better)" + of,
                "Dots: " + (seeds > 1 ? "mean over " + seeds + " seeds; bars: 95% confidence interval" : "1 seed: no confidence interval") + ".",
                Math.max(330, 90 + 56.0 * maxColumns(facets)), 240, List.of(), List.of(), lines, legend, "Test error = 100% − test accuracy, on a log axis.");
        return new Figure[]{heatmap, line};
    }

    private static boolean hasData(HeatmapPanel m) {
        for (double[] row : m.values()) for (double v : row) if (Double.isFinite(v)) return true;
        return false;
    }

    /** The most levels of a facet's other factor: cells and category slots keep a readable width. */
    private static int maxColumns(List<Facet> facets) {
        int m = 1;
        for (Facet f : facets) m = Math.max(m, levels(f, f.factor()).size());
        return m;
    }

    private static int maxRows(List<Facet> facets) {
        int m = 1;
        for (Facet f : facets) m = Math.max(m, levels(f, f.experiment().primary()).size());
        return m;
    }

    /** The levels of {@code factor} among the facet's groups, in declared order. */
    static List<String> levels(Facet f, String factor) {
        Set<String> present = new LinkedHashSet<>();
        for (RunGroup g : f.groups()) present.add(g.configuration().get(factor));
        return present.stream().toList();
    }

    private static List<String> ordered(StudyAggregate agg, Facet f, String factor) {
        List<String> present = levels(f, factor);
        List<String> out = new ArrayList<>();
        for (String l : agg.design().levels().getOrDefault(factor, List.of())) if (present.contains(l)) out.add(l);
        for (String l : present) if (!out.contains(l)) out.add(l);
        return out;
    }

    private static Estimate accuracy(StudyAggregate agg, Facet f, String primaryLevel, String xLevel) {
        RunGroup g = group(f, primaryLevel, xLevel);
        return g == null ? Estimate.EMPTY : agg.summary(g).finalTestAccuracy();
    }

    private static RunGroup group(Facet f, String primaryLevel, String xLevel) {
        String p = f.experiment().primary();
        for (RunGroup g : f.groups()) {
            if (primaryLevel.equals(g.configuration().get(p)) && xLevel.equals(g.configuration().get(f.factor()))) return g;
        }
        return null;
    }

    /** How many seeds an accuracy stands on where that is fewer than the configuration ran: "1 of 3 seeds; 2 diverged", else "". */
    private static String seedsNote(RunGroup g, Estimate e) {
        if (g == null || e.n() == g.seeds()) return "";
        return e.n() + " of " + g.seeds() + " seeds; " + (g.seeds() - e.n()) + " diverged";
    }

    /** Test error on a log scale: −log₁₀(100 − accuracy%), capped at 0.01% error. */
    static double colourValue(double accuracyPercent) {
        return -Math.log10(Math.max(0.01, 100 - accuracyPercent));
    }

    private static HeatmapPanel heatmap(StudyAggregate agg, SeriesColours colours, Facet f) {
        String p = f.experiment().primary();
        List<String> rows = ordered(agg, f, p), cols = ordered(agg, f, f.factor());
        double[][] values = new double[rows.size()][cols.size()];
        String[][] texts = new String[rows.size()][cols.size()], tips = new String[rows.size()][cols.size()];
        double min = Double.POSITIVE_INFINITY, max = Double.NEGATIVE_INFINITY, minAcc = 0, maxAcc = 0;
        for (int i = 0; i < rows.size(); i++) {
            for (int j = 0; j < cols.size(); j++) {
                RunGroup g = group(f, rows.get(i), cols.get(j));
                Estimate e = accuracy(agg, f, rows.get(i), cols.get(j)).scaled(100);
                String fewer = seedsNote(g, e);
                values[i][j] = e.isEmpty() ? Double.NaN : colourValue(e.mean());
                texts[i][j] = e.isEmpty() ? (g != null ? "diverged" : "")
                        : Values.fixed(e.mean(), 1) + (e.hasInterval() ? "\n± " + Values.fixed(e.halfWidth(), 1) : "") + (fewer.isEmpty() ? "" : "\nn = " + e.n());
                tips[i][j] = rows.get(i) + " × " + cols.get(j) + ": " + (g == null ? "no finished run" : e.isEmpty() ? "every seed diverged (" + g.seeds() + ")"
                        : Values.accuracy(e.scaled(0.01)) + " test accuracy (" + (fewer.isEmpty() ? e.n() + (e.n() == 1 ? " seed" : " seeds") : fewer)
                        + (e.n() > 1 ? "; 95% CI)" : ")"));
                if (!e.isEmpty()) {
                    if (values[i][j] < min) { min = values[i][j]; minAcc = e.mean(); }
                    if (values[i][j] > max) { max = values[i][j]; maxAcc = e.mean(); }
                }
            }
        }
        List<Rgb> rowColours = rows.stream().map(l -> colours.colour(p, l)).toList();
        List<String> keys = rows.stream().map(SeriesColours::key).toList();
        return new HeatmapPanel(f.title(), p.replace('_', ' '), f.factor().replace('_', ' '), rows, keys, rowColours, cols, values, texts, tips,
                Double.isFinite(min) ? min : 0, Double.isFinite(max) ? max : 1, Values.fixed(minAcc, 1) + "%", Values.fixed(maxAcc, 1) + "%");
    }

    /**
     * Test error (100 − accuracy, %) over X's levels on a log axis, lower is better: a failing
     * configuration at 90% error and a 0.3-point gain at 2% error both stay visible.
     */
    private static LinePanel lines(StudyAggregate agg, SeriesColours colours, Facet f, Set<String> shown) {
        String p = f.experiment().primary();
        List<String> rows = ordered(agg, f, p), cols = ordered(agg, f, f.factor());
        List<LinePanel.Line> lines = new ArrayList<>();
        double lo = Double.POSITIVE_INFINITY, hi = Double.NEGATIVE_INFINITY;
        for (String level : rows) {
            double[] x = new double[cols.size()], y = new double[cols.size()], l = new double[cols.size()], h = new double[cols.size()];
            String[] text = new String[cols.size()];
            for (int j = 0; j < cols.size(); j++) {
                Estimate e = accuracy(agg, f, level, cols.get(j));
                String fewer = seedsNote(group(f, level, cols.get(j)), e);
                x[j] = j;
                y[j] = error(e.mean());
                l[j] = error(e.high());
                h[j] = error(e.low());
                text[j] = e.isEmpty() ? (group(f, level, cols.get(j)) != null ? "every seed diverged" : null)
                        : Values.accuracy(e) + " accuracy" + (fewer.isEmpty() ? "" : " (" + fewer + ")");
                for (double v : new double[]{y[j], l[j], h[j]}) {
                    if (Double.isFinite(v) && v > 0) {
                        lo = Math.min(lo, v);
                        hi = Math.max(hi, v);
                    }
                }
            }
            shown.add(level);
            lines.add(new LinePanel.Line(SeriesColours.key(level), level, colours.colour(p, level), colours.dash(p, level), colours.marker(p, level),
                    x, y, l, h, text, true));
        }
        Axis y = Axis.log("test error (%), log scale", Double.isFinite(lo) ? lo : 1, Double.isFinite(hi) ? Math.min(100, hi) : 100);
        return new LinePanel(f.title(), Axis.categories(f.factor().replace('_', ' '), cols), y, lines, f.factor().replace('_', ' '));
    }

    /** 100 − accuracy in percent, at least 0.01 (a log axis has no 0). */
    private static double error(double accuracyFraction) {
        return Double.isFinite(accuracyFraction) ? Math.max(0.01, 100 * (1 - accuracyFraction)) : Double.NaN;
    }
}
