package org.initlab.report.figures;

import org.initlab.report.model.Curve;
import org.initlab.report.model.Metric;
import org.initlab.report.model.RunGroup;
import org.initlab.report.model.Scenario;
import org.initlab.report.model.StudyAggregate;
import org.initlab.report.model.StudyDesign;
import org.initlab.report.plot.Axis;
import org.initlab.report.plot.Figure;
import org.initlab.report.plot.LinePanel;
import org.initlab.report.stats.Estimate;
import org.initlab.report.text.Values;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Research question 1, how each initialization trains: per experiment, small multiples with one
 * row per scenario and one column per metric followed over epochs (training loss, validation
 * and test loss, accuracy), a line per level of the primary factor with its 95% band.
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
                    Curve c = m.isAccuracy() ? Curve.of(m, members.get(k).runs()) : Curve.geometric(m, members.get(k).runs());
                    curves[i][j][k] = c;
                    for (double x : c.epochs()) maxEpoch = Math.max(maxEpoch, x);
                }
            }
        }
        List<Figure.Cell> cells = new ArrayList<>();
        Set<String> levels = new LinkedHashSet<>();
        int seeds = 0;
        for (int i = 0; i < scenarios.size(); i++) {
            Scenario s = scenarios.get(i);
            for (int j = 0; j < metrics.size(); j++) {
                Metric m = metrics.get(j);
                double[] range = null;
                for (Curve c : curves[i][j]) for (Estimate v : c.values()) range = widen(range, v, m);
                if (range == null) range = m.isAccuracy() ? new double[]{0, 100} : new double[]{0.01, 10};
                Axis x = Axis.counts("epoch", 0, maxEpoch);
                Axis y = m.isAccuracy() ? Axis.linear(m.unit(), range[0], range[1], true) : Axis.log(m.unit() + " (log)", range[0], range[1]);
                List<LinePanel.Line> lines = new ArrayList<>();
                for (int k = 0; k < s.members().size(); k++) {
                    RunGroup g = s.members().get(k);
                    String level = s.level(g);
                    levels.add(level);
                    seeds = Math.max(seeds, g.seeds());
                    lines.add(line(curves[i][j][k], level, colours.colour(primary, level), colours.dash(primary, level), m.isAccuracy(), g.seeds()));
                }
                cells.add(new Figure.Cell(i, j, new LinePanel(m.title(), x, y, lines, "epoch")));
            }
        }
        List<Figure.LegendEntry> legend = new ArrayList<>();
        agg.design().levels().getOrDefault(primary, List.of()).stream().filter(levels::contains).forEach(l -> legend.add(colours.legend(primary, l)));
        List<String> rowHeaders = scenarios.stream().map(s -> s.title(agg.design())).toList();
        List<String> columnHeaders = List.of();
        String note = (seeds > 1 ? "Accuracy: mean over " + seeds + " seeds with its 95% confidence interval (t); losses: geometric mean with its"
                + " multiplicative 95% interval, on a log axis. " : "1 seed: no confidence interval; losses on a log axis. ")
                + "Epoch 0 is the network at initialisation; each panel has its own y range.";
        return new Figure(id, "How does each " + primary.replace('_', ' ') + " train? — " + e.name() + part,
                e.description(), 250, 190, columnHeaders, rowHeaders, cells, legend, note);
    }

    /** The range of a panel's means and intervals (accuracies in percent, within 0–100; losses above 0). */
    private static double[] widen(double[] r, Estimate e, Metric m) {
        double scale = m.isAccuracy() ? 100 : 1;
        for (double v : new double[]{e.mean(), e.low(), e.high()}) {
            v *= scale;
            if (!Double.isFinite(v) || (!m.isAccuracy() && v <= 0)) continue;
            if (r == null) r = new double[]{v, v};
            r[0] = Math.min(r[0], v);
            r[1] = Math.max(r[1], v);
        }
        if (r != null && m.isAccuracy()) {
            r[0] = Math.max(r[0], 0);
            r[1] = Math.min(r[1], 100);
        }
        return r;
    }

    /** A curve as a line; the hover text names the seed count where seeds are missing (diverged). */
    static LinePanel.Line line(Curve c, String level, org.initlab.report.plot.Rgb colour, double[] dash, boolean percent, int seeds) {
        int n = c.size();
        double scale = percent ? 100 : 1;
        double[] y = new double[n], lo = new double[n], hi = new double[n];
        String[] text = new String[n];
        for (int t = 0; t < n; t++) {
            Estimate e = c.values()[t];
            y[t] = e.mean() * scale;
            lo[t] = e.low() * scale;
            hi[t] = e.high() * scale;
            text[t] = (percent ? Values.accuracy(e) : Values.geometric(e)) + (e.n() < seeds ? " (" + e.n() + " of " + seeds + " seeds)" : "");
        }
        return new LinePanel.Line(SeriesColours.key(level), level, colour, dash, c.epochs().clone(), y, lo, hi, text, false);
    }
}
