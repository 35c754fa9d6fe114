package org.initlab.report.figures;

import org.initlab.report.compare.ConfigurationDifference;
import org.initlab.report.compare.StudyComparison;
import org.initlab.report.model.RunGroup;
import org.initlab.report.model.Scenario;
import org.initlab.report.plot.Axis;
import org.initlab.report.plot.Figure;
import org.initlab.report.plot.LinePanel;
import org.initlab.report.plot.Marker;
import org.initlab.report.plot.Palette;
import org.initlab.report.stats.Estimate;
import org.initlab.report.text.Values;

import java.util.ArrayList;
import java.util.List;


/**
 * Two studies' matched configurations, one panel per scenario of study A (its primary factor's
 * levels across): each study's final test error with its 95% interval side by side, and the
 * difference B − A in final test accuracy with its interval (paired or Welch, as the table says).
 */
public final class ComparisonFigures {
    private ComparisonFigures() {}

    static final int PANELS_PER_ROW = 3;

    /** The two figures of a comparison, ids starting with {@code prefix}. */
    public static List<Figure> of(StudyComparison c, String prefix) {
        List<Scenario> panels = scenarios(c);
        if (panels.isEmpty()) return List.of();
        List<Figure.Cell> both = new ArrayList<>(), diff = new ArrayList<>();
        int levels = 1;
        for (int i = 0; i < panels.size(); i++) {
            Scenario s = panels.get(i);
            List<ConfigurationDifference> ds = matched(c, s);
            levels = Math.max(levels, ds.size());
            both.add(new Figure.Cell(i / PANELS_PER_ROW, i % PANELS_PER_ROW, both(c, s, ds)));
            diff.add(new Figure.Cell(i / PANELS_PER_ROW, i % PANELS_PER_ROW, difference(c, s, ds)));
        }
        double width = Math.max(260, 90 + 62.0 * levels);
        List<Figure.LegendEntry> studies = List.of(
                Figure.LegendEntry.series("a", c.nameA(), Palette.colour(0), new double[0], Marker.CIRCLE),
                Figure.LegendEntry.series("b", c.nameB(), Palette.colour(1), new double[0], Marker.SQUARE));
        Figure side = new Figure(prefix + "-accuracy", "Final test error in both studies: " + c.nameA() + " and " + c.nameB(),
                "Per matched configuration; dots: mean over the seeds that completed, bars: its 95% confidence interval (t).", width, 230,
                List.of(), List.of(), both, studies, "Test error = 100% − test accuracy, on a log axis (lower is better).");
        Figure d = new Figure(prefix + "-difference", "Difference in final test accuracy: " + c.nameB() + " − " + c.nameA(),
                "Per matched configuration, in points; bars: the 95% interval of the difference (paired by seed, or Welch's, as the table says).",
                width, 230, List.of(), List.of(), diff, List.of(Figure.LegendEntry.series("d", c.nameB() + " − " + c.nameA(), Palette.colour(6),
                new double[0], Marker.DIAMOND)), "Above 0: " + c.nameB() + " is more accurate. An interval that excludes 0 is significant before"
                + " Holm's adjustment over all configurations; the table gives the adjusted p."
                + (c.differences().stream().anyMatch(x -> x.a().completed() < x.a().seeds() || x.b().completed() < x.b().seeds())
                        ? " ✕ on the bottom edge: seeds diverged there; n = the seeds the difference stands on (each study's where not paired)."
                        : ""));
        return List.of(side, d);
    }

    /** A's scenarios with at least one matched member, in A's order. */
    static List<Scenario> scenarios(StudyComparison c) {
        return c.a().scenarios().stream().filter(s -> !matched(c, s).isEmpty()).toList();
    }

    /** The matched configurations among a scenario's members, in its order. */
    static List<ConfigurationDifference> matched(StudyComparison c, Scenario s) {
        List<ConfigurationDifference> out = new ArrayList<>();
        for (RunGroup g : s.members()) for (ConfigurationDifference d : c.differences()) if (d.pair().a() == g) out.add(d);
        return out;
    }

    private static LinePanel both(StudyComparison c, Scenario s, List<ConfigurationDifference> ds) {
        List<String> levels = ds.stream().map(d -> s.level(d.pair().a())).toList();
        List<LinePanel.Line> lines = new ArrayList<>();
        double lo = Double.POSITIVE_INFINITY, hi = 0;
        for (int k = 0; k < 2; k++) {
            int n = ds.size();
            double[] x = new double[n], y = new double[n], l = new double[n], h = new double[n];
            String[] text = new String[n];
            for (int i = 0; i < n; i++) {
                var summary = k == 0 ? ds.get(i).a() : ds.get(i).b();
                Estimate e = summary.finalTestAccuracy();
                x[i] = i;
                y[i] = error(e.mean());
                l[i] = error(e.high());
                h[i] = error(e.low());
                text[i] = e.isEmpty() ? (summary.seeds() > 0 ? "every seed diverged" : null)
                        : Values.accuracy(e, summary.seeds()) + " accuracy" + (summary.divergence().count() > 0 ? "; " + Values.proportion(summary.divergence()) + " diverged" : "");
                for (double v : new double[]{y[i], l[i], h[i]}) if (v > 0 && Double.isFinite(v)) { lo = Math.min(lo, v); hi = Math.max(hi, v); }
            }
            lines.add(new LinePanel.Line(k == 0 ? "a" : "b", k == 0 ? c.nameA() : c.nameB(), Palette.colour(k), new double[0],
                    k == 0 ? Marker.CIRCLE : Marker.SQUARE, x, y, l, h, text, true));
        }
        Axis yAxis = Axis.log("test error (%), log", Double.isFinite(lo) ? lo : 1, hi > 0 ? Math.min(100, hi) : 100);
        String primary = s.primary().replace('_', ' ');
        return new LinePanel(s.title(c.a().design()), Axis.categories(primary, levels), yAxis, lines, primary);
    }

    private static LinePanel difference(StudyComparison c, Scenario s, List<ConfigurationDifference> ds) {
        int n = ds.size();
        double[] x = new double[n], y = new double[n], l = new double[n], h = new double[n];
        String[] text = new String[n];
        double lo = 0, hi = 0;
        for (int i = 0; i < n; i++) {
            ConfigurationDifference d = ds.get(i);
            x[i] = i;
            y[i] = d.mean();
            l[i] = d.low();
            h[i] = d.high();
            text[i] = Double.isNaN(d.mean()) ? null : (d.mean() > 0 ? "+" : "") + Values.points(d.mean()) + " points"
                    + (Double.isFinite(d.low()) ? " (95% CI " + Values.fixed(d.low(), 2) + " to " + Values.fixed(d.high(), 2) + ")" : "")
                    + (d.paired() ? ", paired over " + d.n() + " seeds" : ", Welch") + (d.tested() ? ", Holm " + Values.p(d.adjustedP()) : "");
            for (double v : new double[]{y[i], l[i], h[i]}) if (Double.isFinite(v)) { lo = Math.min(lo, v); hi = Math.max(hi, v); }
        }
        // room around the points, so one on 0 or at the extreme does not sit on the frame
        double pad = hi > lo ? 0.08 * (hi - lo) : 0.1;
        lo -= pad;
        hi += pad;
        List<String> levels = ds.stream().map(d -> s.level(d.pair().a())).toList();
        // a point per configuration, not joined: the levels are categories, and a line between them would suggest a trend
        List<LinePanel.Line> points = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            ConfigurationDifference d = ds.get(i);
            points.add(new LinePanel.Line("d", c.nameB() + " − " + c.nameA(), Palette.colour(6), new double[0], Marker.DIAMOND,
                    new double[]{x[i]}, new double[]{y[i]}, new double[]{l[i]}, new double[]{h[i]}, new String[]{text[i]}, true, divergedSeeds(c, d, i)));
        }
        String primary = s.primary().replace('_', ' ');
        return new LinePanel(s.title(c.a().design()), Axis.categories(primary, levels), Axis.linear("difference (points)", lo, hi, false),
                points, primary);
    }

    /**
     * Where seeds of either study diverged, a ✕ on the bottom edge with the seeds the difference
     * stands on (as the curves mark a divergence): a point without its interval is then read as
     * what it is.
     */
    private static List<LinePanel.Mark> divergedSeeds(StudyComparison c, ConfigurationDifference d, double x) {
        int a = d.a().completed(), b = d.b().completed();
        if (a == d.a().seeds() && b == d.b().seeds()) return List.of();
        String n = d.paired() ? "n = " + d.n() : "n = " + a + " | " + b;
        return List.of(new LinePanel.Mark(x, n, "✕ seeds diverged: " + c.nameA() + " " + (d.a().seeds() - a) + " of " + d.a().seeds() + ", "
                + c.nameB() + " " + (d.b().seeds() - b) + " of " + d.b().seeds() + "; the difference stands on "
                + (d.paired() ? d.n() + " seeds both completed" : a + " and " + b + " seeds")));
    }

    /** 100 − accuracy in percent, at least 0.01 (a log axis has no 0). */
    private static double error(double accuracyFraction) {
        return Double.isFinite(accuracyFraction) ? Math.max(0.01, 100 * (1 - accuracyFraction)) : Double.NaN;
    }

}
