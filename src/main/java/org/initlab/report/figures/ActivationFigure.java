package org.initlab.report.figures;

import org.initlab.report.model.HistogramSum;
import org.initlab.report.model.LayerView;
import org.initlab.report.model.RunGroup;
import org.initlab.report.model.Scenario;
import org.initlab.report.model.StudyAggregate;
import org.initlab.report.plot.Axis;
import org.initlab.report.plot.Figure;
import org.initlab.report.plot.HistogramPanel;
import org.initlab.report.plot.RidgelinePanel;
import org.initlab.report.stats.Estimate;
import org.initlab.report.text.Values;

import java.util.ArrayList;
import java.util.List;

import static org.initlab.report.figures.LayerFigures.INITIAL;
import static org.initlab.report.figures.LayerFigures.count;
import static org.initlab.report.figures.LayerFigures.maxLayers;
import static org.initlab.report.figures.LayerFigures.finalEpoch;
import static org.initlab.report.figures.LayerFigures.histogramAxis;
import static org.initlab.report.figures.LayerFigures.bars;
import static org.initlab.report.figures.LayerFigures.union;

/**
 * Activations per layer: one ridgeline panel per initializer, a ridge per layer, the distribution
 * on the probe batch at initialisation and after training, with dead or saturated fractions.
 */
public final class ActivationFigure implements ScenarioFigure {
    @Override
    public String prefix() {
        return "activations";
    }

    @Override
    public Figure of(FigureInput in, Scenario s, int number) {
        StudyAggregate agg = in.agg();
        SeriesColours colours = in.colours();
        String title = s.title(agg.design());
        List<HistogramSum> all = new ArrayList<>();
        for (RunGroup g : s.members()) {
            LayerView v = new LayerView(g);
            for (int l = 0; l < v.layers().size(); l++) {
                all.add(v.histogram(l, LayerView.Kind.ACTIVATIONS, false));
                all.add(v.histogram(l, LayerView.Kind.ACTIVATIONS, true));
            }
        }
        Axis x = histogramAxis("activation value (asinh scale)", all);
        List<Figure.Cell> cells = new ArrayList<>();
        int perRow = Math.min(4, s.members().size());
        int seeds = 0, layers = maxLayers(s);
        for (int i = 0; i < s.members().size(); i++) {
            RunGroup g = s.members().get(i);
            String level = s.level(g);
            seeds = Math.max(seeds, g.seeds());
            LayerView v = new LayerView(g);
            List<RidgelinePanel.Ridge> ridges = new ArrayList<>();
            StringBuilder tip = new StringBuilder(level + " (" + count(g) + "):");
            for (int l = 0; l < v.layers().size(); l++) {
                HistogramSum init = v.histogram(l, LayerView.Kind.ACTIVATIONS, false), end = v.histogram(l, LayerView.Kind.ACTIVATIONS, true);
                int[] r = union(init, end);
                List<HistogramPanel.Bars> bars = new ArrayList<>();
                if (r != null) {
                    bars.add(bars(null, "at initialisation", INITIAL, init, true, r[0], r[1], 1));
                    bars.add(bars(SeriesColours.key(level), level, colours.colour(s.primary(), level), end, false, r[0], r[1], 1));
                }
                String note = fractionNote(v, l);
                ridges.add(new RidgelinePanel.Ridge("layer " + (l + 1), note, bars));
                tip.append(" layer ").append(l + 1).append(": activation std ").append(Values.loss(v.activationStd(l, false))).append(" → ")
                        .append(Values.loss(v.activationStd(l, true))).append(note.isEmpty() ? "" : ", " + note).append(';');
            }
            cells.add(new Figure.Cell(i / perRow, i % perRow, new RidgelinePanel(level, x, ridges, tip.toString())));
        }
        List<Figure.LegendEntry> legend = new ArrayList<>();
        legend.add(new Figure.LegendEntry(null, "at initialisation", INITIAL, Figure.Swatch.BOX, new double[0]));
        for (RunGroup g : s.members()) legend.add(new Figure.LegendEntry(SeriesColours.key(s.level(g)), s.level(g) + " after training" + LayerFigures.afterTraining(g),
                colours.colour(s.primary(), s.level(g)), Figure.Swatch.OUTLINE, new double[0]));
        String note = "Each ridge: the distribution of a layer's outputs on the fixed probe batch, summed over " + count(seeds)
                + ", scaled to its own height; after training = epoch " + finalEpoch(s) + ". Right: units that are dead (ReLU family: never active on the probe batch)"
                + " or saturated (sigmoid, tanh: |φ′| below 10% of its maximum), at initialisation → after training." + LayerFigures.divergedNote(s);
        return new Figure(Ids.of(prefix(), number, title), "Activations per layer: at initialisation and after training — " + title,
                s.description(agg.design()), 340, 60 + 44.0 * Math.max(3, layers), List.of(), List.of(), cells, legend, note);
    }

    /** "dead 0% → 12%", "saturated 3% → 40%", or "" where neither applies. */
    static String fractionNote(LayerView v, int l) {
        Estimate d0 = v.deadFraction(l, false), d1 = v.deadFraction(l, true);
        if (!d0.isEmpty() || !d1.isEmpty()) return "dead " + percent(d0) + " → " + percent(d1);
        Estimate s0 = v.saturatedFraction(l, false), s1 = v.saturatedFraction(l, true);
        if (!s0.isEmpty() || !s1.isEmpty()) return "saturated " + percent(s0) + " → " + percent(s1);
        return "";
    }

    private static String percent(Estimate e) {
        if (e.isEmpty()) return Values.NONE;
        double p = 100 * e.mean();
        return Values.fixed(p, p > 0 && p < 1 ? 1 : 0) + "%";
    }
}
