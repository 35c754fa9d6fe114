package org.initlab.report.figures;

import org.initlab.report.model.Curve;
import org.initlab.report.model.Metric;
import org.initlab.report.model.Ranking;
import org.initlab.report.model.RunGroup;
import org.initlab.report.model.Scenario;
import org.initlab.report.model.StudyAggregate;
import org.initlab.report.model.StudyDesign;
import org.initlab.report.plot.Axis;
import org.initlab.report.plot.ChoicePanel;
import org.initlab.report.plot.Figure;
import org.initlab.report.plot.LinePanel;
import org.initlab.report.stats.Estimate;
import org.initlab.report.text.Values;
import org.initlab.study.RunRecord;
import org.initlab.train.EpochRecord;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Research question 1, how each initialization trains: per experiment, small multiples with one
 * row per scenario and one column per metric followed over epochs (training loss, validation
 * and test loss, accuracy), a line per level of the primary factor with its 95% band. Accuracy
 * near 100% is unreadable on a linear axis, so its column is the error on a log axis by default,
 * with accuracy and the paired difference from the scenario's best as views to switch to.
 */
public final class TrainingCurves implements FigureSet {
    static final int ROWS_PER_FIGURE = 6;

    @Override
    public String prefix() {
        return "curves";
    }

    @Override
    public List<Figure> figures(FigureInput in) {
        StudyAggregate agg = in.agg();
        List<Figure> out = new ArrayList<>();
        int number = 0;
        for (StudyDesign.Experiment e : agg.design().experiments()) {
            List<Scenario> scenarios = agg.scenarios(e.name());
            if (scenarios.isEmpty()) continue;
            List<Metric> metrics = metrics(scenarios);
            if (metrics.isEmpty()) continue;
            for (int from = 0; from < scenarios.size(); from += ROWS_PER_FIGURE) {
                List<Scenario> chunk = scenarios.subList(from, Math.min(scenarios.size(), from + ROWS_PER_FIGURE));
                String part = scenarios.size() > ROWS_PER_FIGURE ? " (" + (from / ROWS_PER_FIGURE + 1) + " of "
                        + ((scenarios.size() + ROWS_PER_FIGURE - 1) / ROWS_PER_FIGURE) + ")" : "";
                out.add(figure(agg, in.colours(), e, chunk, metrics, Ids.of(prefix(), ++number, e.name()), part));
            }
        }
        return out;
    }

    /** The metrics followed per epoch by some run of these scenarios, in table order; test accuracy, else validation accuracy. */
    static List<Metric> metrics(List<Scenario> scenarios) {
        Set<Metric> perEpoch = new LinkedHashSet<>();
        for (Scenario s : scenarios) {
            for (RunGroup g : s.members()) {
                for (Metric m : Metric.values()) if (Curve.of(m, g.runs()).perEpoch()) perEpoch.add(m);
            }
        }
        List<Metric> out = new ArrayList<>();
        for (Metric m : List.of(Metric.TRAIN_LOSS, Metric.VALIDATION_LOSS, Metric.TEST_LOSS)) if (perEpoch.contains(m)) out.add(m);
        if (perEpoch.contains(Metric.TEST_ACCURACY)) out.add(Metric.TEST_ACCURACY);
        else if (perEpoch.contains(Metric.VALIDATION_ACCURACY)) out.add(Metric.VALIDATION_ACCURACY);
        return out;
    }

    /** The views of the accuracy column a reader chooses between in the page; the first is the default and the PNG's. */
    static final Figure.Choice ACCURACY_VIEW = new Figure.Choice("accuracy", "Accuracy as", List.of(
            new Figure.Option("error", "error, log axis"),
            new Figure.Option("accuracy", "accuracy"),
            new Figure.Option("difference", "difference from the best, per seed")));

    /**
     * A log axis of losses covers at most this many decades above and below the median of its
     * means: a diverging run's loss (10²⁸) does not stretch it; values beyond are drawn on the
     * edge and marked.
     */
    static final double LOSS_DECADES = 3;

    /** The difference view's axis covers the members at most this many points behind the best at the end; the others are drawn on its edge. */
    static final double DIFFERENCE_WINDOW = 10;

    private static Figure figure(StudyAggregate agg, SeriesColours colours, StudyDesign.Experiment e, List<Scenario> scenarios,
                                 List<Metric> metrics, String id, String part) {
        String primary = e.primary();
        double maxEpoch = 1;
        Curve[][][] curves = new Curve[scenarios.size()][metrics.size()][];
        for (int i = 0; i < scenarios.size(); i++) {
            List<RunGroup> members = scenarios.get(i).members();
            for (int j = 0; j < metrics.size(); j++) {
                Metric m = metrics.get(j);
                curves[i][j] = new Curve[members.size()];
                for (int k = 0; k < members.size(); k++) {
                    // losses span decades and are drawn on log axes: geometric means with multiplicative intervals
                    Curve c = Curve.reported(m, members.get(k).runs());
                    curves[i][j][k] = c;
                    for (double x : c.epochs()) maxEpoch = Math.max(maxEpoch, x);
                }
            }
        }
        List<Figure.Cell> cells = new ArrayList<>();
        Set<String> levels = new LinkedHashSet<>();
        int seeds = 0;
        boolean clipped = false, diverged = false;
        Axis x = Axis.counts("epoch", 0, maxEpoch);
        for (int i = 0; i < scenarios.size(); i++) {
            Scenario s = scenarios.get(i);
            for (RunGroup g : s.members()) {
                levels.add(s.level(g));
                seeds = Math.max(seeds, g.seeds());
            }
            for (int j = 0; j < metrics.size(); j++) {
                Metric m = metrics.get(j);
                if (m.isAccuracy()) {
                    cells.add(new Figure.Cell(i, j, accuracyViews(agg, colours, s, m, curves[i][j], x)));
                    continue;
                }
                List<LinePanel.Line> lines = new ArrayList<>();
                for (int k = 0; k < s.members().size(); k++) {
                    RunGroup g = s.members().get(k);
                    String level = s.level(g);
                    lines.add(line(curves[i][j][k], level, colours, primary, 1, false, g.seeds()).withMarks(DivergenceMarks.of(g)));
                    diverged |= !g.divergences().isEmpty();
                }
                double[] range = logRange(lines);
                clipped |= range[2] > 0;
                cells.add(new Figure.Cell(i, j, new LinePanel(m.title(), x, Axis.log(m.unit() + " (log)", range[0], range[1]), lines, "epoch")));
            }
        }
        List<Figure.LegendEntry> legend = new ArrayList<>();
        agg.design().levels().getOrDefault(primary, List.of()).stream().filter(levels::contains).forEach(l -> legend.add(colours.legend(primary, l)));
        List<String> rowHeaders = scenarios.stream().map(s -> s.title(agg.design())).toList();
        String note = (seeds > 1 ? "Accuracy and error: mean over " + seeds + " seeds with its 95% confidence interval (t); losses: geometric mean with its"
                + " multiplicative 95% interval, on a log axis. " : "1 seed: no confidence interval; losses on a log axis. ")
                + "Error = 100% − accuracy. Difference from the best: this configuration's accuracy minus that of the scenario's best (chosen on final"
                + " validation accuracy; see \u201cWhich is best\u201d), seed by seed, then averaged. Epoch 0 is the network at initialisation; each panel has its own y range"
                + (clipped ? "; ▲ ▼ on an edge: beyond the axis, drawn on the edge" : "") + "."
                + (diverged ? " ✕ on the bottom edge: seeds diverged in that epoch; from there the line is the mean of the seeds left (n) — a diverged"
                        + " run counts up to the epoch before it diverged, and never after." : "");
        return new Figure(id, "How does each " + primary.replace('_', ' ') + " train? — " + e.name() + part,
                e.description(), 250, 190, List.of(), rowHeaders, cells, legend, note, List.of(ACCURACY_VIEW));
    }

    /** The accuracy column's three views: error on a log axis, accuracy, and the paired difference from the scenario's best. */
    private static ChoicePanel accuracyViews(StudyAggregate agg, SeriesColours colours, Scenario s, Metric m, Curve[] curves, Axis x) {
        String primary = s.primary(), what = m == Metric.TEST_ACCURACY ? "test" : "validation";
        List<LinePanel.Line> accuracy = new ArrayList<>(), error = new ArrayList<>();
        double lo = Double.POSITIVE_INFINITY, hi = Double.NEGATIVE_INFINITY;
        for (int k = 0; k < s.members().size(); k++) {
            RunGroup g = s.members().get(k);
            accuracy.add(line(curves[k], s.level(g), colours, primary, 100, false, g.seeds()).withMarks(DivergenceMarks.of(g)));
            LinePanel.Line err = line(curves[k], s.level(g), colours, primary, 100, true, g.seeds()).withMarks(DivergenceMarks.of(g));
            error.add(err);
            for (double v : err.y()) if (v > 0 && Double.isFinite(v)) { lo = Math.min(lo, v); hi = Math.max(hi, v); }
        }
        double[] acc = linearRange(accuracy, 0, 100);
        List<ChoicePanel.Alternative> views = new ArrayList<>();
        views.add(new ChoicePanel.Alternative(List.of("error"), new LinePanel(what + " error", x,
                Axis.log("error (%), log", Double.isFinite(lo) ? lo : 1, Double.isFinite(hi) ? Math.min(100, hi) : 100), error, "epoch")));
        views.add(new ChoicePanel.Alternative(List.of("accuracy"), new LinePanel(what + " accuracy", x,
                Axis.linear("accuracy (%)", acc[0], acc[1], true), accuracy, "epoch")));
        Ranking r = agg.rankings().stream().filter(rk -> rk.scenario().equals(s)).findFirst().orElse(null);
        List<LinePanel.Line> diffs = r == null ? List.of() : differences(s, r.best().group(), m, colours);
        if (!diffs.isEmpty()) {
            double[] range = differenceRange(diffs);
            views.add(new ChoicePanel.Alternative(List.of("difference"), new LinePanel(what + " accuracy − best's", x,
                    Axis.linear("difference (points)", range[0], range[1], false), diffs, "epoch")));
        } else {
            views.add(new ChoicePanel.Alternative(List.of("difference"), new LinePanel(what + " accuracy (one configuration)", x,
                    Axis.linear("accuracy (%)", acc[0], acc[1], true), accuracy, "epoch")));
        }
        return new ChoicePanel(ACCURACY_VIEW.id(), views);
    }

    /**
     * Each member's accuracy minus the best's, in points, per epoch over the seeds both have
     * (runs with the same seed share data order and draws, so the difference is paired): mean and
     * 95% t interval of the per-seed differences. The best's own line is 0.
     */
    static List<LinePanel.Line> differences(Scenario s, RunGroup best, Metric m, SeriesColours colours) {
        Map<String, RunRecord> bestSeeds = best.bySeed();
        List<LinePanel.Line> out = new ArrayList<>();
        for (RunGroup g : s.members()) {
            Map<String, RunRecord> own = g.bySeed();
            List<String> common = own.keySet().stream().filter(bestSeeds::containsKey).toList();
            int last = 0;
            for (RunRecord r : g.runs()) last = Math.max(last, r.result().epochs().getLast().epoch());
            List<Double> xs = new ArrayList<>();
            List<Estimate> es = new ArrayList<>();
            for (int t = 0; t <= last; t++) {
                double[] d = new double[common.size()];
                boolean any = false;
                for (int i = 0; i < d.length; i++) {
                    d[i] = 100 * (value(own.get(common.get(i)), t, m) - value(bestSeeds.get(common.get(i)), t, m));
                    any |= Double.isFinite(d[i]);
                }
                if (!any) continue;
                xs.add((double) t);
                es.add(Estimate.of(d));
            }
            int n = xs.size();
            double[] x = new double[n], y = new double[n], lo = new double[n], hi = new double[n];
            String[] text = new String[n];
            for (int t = 0; t < n; t++) {
                Estimate e = es.get(t);
                x[t] = xs.get(t);
                y[t] = e.mean();
                lo[t] = e.low();
                hi[t] = e.high();
                text[t] = g == best ? "the best (0)" : Values.points(e.mean()) + " points" + (e.hasInterval()
                        ? " (95% CI " + Values.fixed(e.low(), 2) + " to " + Values.fixed(e.high(), 2) + ", " + e.n() + " paired seeds)" : "");
            }
            String level = s.level(g);
            out.add(new LinePanel.Line(SeriesColours.key(level), level, colours.colour(s.primary(), level), colours.dash(s.primary(), level),
                    colours.marker(s.primary(), level), x, y, g == best ? null : lo, g == best ? null : hi, text, false, DivergenceMarks.of(g)));
        }
        return out;
    }

    private static double value(RunRecord r, int epoch, Metric m) {
        for (EpochRecord e : r.result().epochs()) if (e.epoch() == epoch) return m.of(e);
        return Double.NaN;
    }

    /**
     * The difference axis: the means and intervals of the members within {@link #DIFFERENCE_WINDOW}
     * points of the best at their last epoch (at least the nearest one), and 0.
     */
    static double[] differenceRange(List<LinePanel.Line> lines) {
        double nearest = Double.NEGATIVE_INFINITY;
        for (LinePanel.Line l : lines) {
            double end = lastFinite(l.y());
            if (end < 0) nearest = Math.max(nearest, end);
        }
        double window = Math.max(DIFFERENCE_WINDOW, -nearest);
        double lo = 0, hi = 0;
        for (LinePanel.Line l : lines) {
            if (!(lastFinite(l.y()) >= -window)) continue;
            for (int i = 0; i < l.y().length; i++) {
                for (double v : new double[]{l.y()[i], l.low() == null ? Double.NaN : l.low()[i], l.high() == null ? Double.NaN : l.high()[i]}) {
                    if (Double.isFinite(v) && v >= -window * 1.5 && v <= window * 1.5) {
                        lo = Math.min(lo, v);
                        hi = Math.max(hi, v);
                    }
                }
            }
        }
        return new double[]{lo, hi};
    }

    private static double lastFinite(double[] v) {
        for (int i = v.length - 1; i >= 0; i--) if (Double.isFinite(v[i])) return v[i];
        return Double.NaN;
    }

    /** The range of lines' means and intervals within [min, max]. */
    private static double[] linearRange(List<LinePanel.Line> lines, double min, double max) {
        double lo = Double.POSITIVE_INFINITY, hi = Double.NEGATIVE_INFINITY;
        for (LinePanel.Line l : lines) {
            for (int i = 0; i < l.y().length; i++) {
                for (double v : new double[]{l.y()[i], l.low()[i], l.high()[i]}) {
                    if (Double.isFinite(v)) {
                        lo = Math.min(lo, v);
                        hi = Math.max(hi, v);
                    }
                }
            }
        }
        if (lo > hi) return new double[]{min, max};
        return new double[]{Math.max(min, lo), Math.min(max, hi)};
    }

    /**
     * The range of a log panel: its means and intervals, but at most {@link #LOSS_DECADES} decades
     * either side of the median of its means. [low, high, whether anything is beyond].
     */
    static double[] logRange(List<LinePanel.Line> lines) {
        List<Double> means = new ArrayList<>();
        for (LinePanel.Line l : lines) for (double v : l.y()) if (v > 0 && Double.isFinite(v)) means.add(v);
        if (means.isEmpty()) return new double[]{0.01, 10, 0};
        means.sort(Double::compare);
        double median = means.get(means.size() / 2), cap = Math.pow(10, LOSS_DECADES);
        double lo = Double.POSITIVE_INFINITY, hi = 0;
        boolean beyond = false;
        for (LinePanel.Line l : lines) {
            for (int i = 0; i < l.y().length; i++) {
                for (double v : new double[]{l.y()[i], l.low() == null ? Double.NaN : l.low()[i], l.high() == null ? Double.NaN : l.high()[i]}) {
                    if (!(v > 0) || !Double.isFinite(v)) continue;
                    if (v > median * cap || v < median / cap) {
                        beyond |= v == l.y()[i];
                        continue;
                    }
                    lo = Math.min(lo, v);
                    hi = Math.max(hi, v);
                }
            }
        }
        return new double[]{lo, hi, beyond ? 1 : 0};
    }

    /**
     * A curve as a line, times {@code scale} (100 for percent), or as the error 100 − accuracy in
     * percent; the hover text names the seed count where seeds are missing (diverged).
     */
    static LinePanel.Line line(Curve c, String level, SeriesColours colours, String primary, double scale, boolean error, int seeds) {
        int n = c.size();
        double[] y = new double[n], lo = new double[n], hi = new double[n];
        String[] text = new String[n];
        for (int t = 0; t < n; t++) {
            Estimate e = c.values()[t];
            y[t] = error ? 100 - 100 * e.mean() : e.mean() * scale;
            lo[t] = error ? 100 - 100 * e.high() : e.low() * scale;
            hi[t] = error ? 100 - 100 * e.low() : e.high() * scale;
            String v = error ? Values.fixed(y[t], y[t] < 10 ? 2 : 1) + "% error (" + Values.accuracy(e) + " accuracy)"
                    : scale == 100 ? Values.accuracy(e) : Values.geometric(e);
            text[t] = v + (e.n() < seeds ? " (" + e.n() + " of " + seeds + " seeds)" : "");
        }
        return new LinePanel.Line(SeriesColours.key(level), level, colours.colour(primary, level), colours.dash(primary, level),
                colours.marker(primary, level), c.epochs().clone(), y, lo, hi, text, false);
    }
}
