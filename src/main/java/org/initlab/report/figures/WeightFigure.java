package org.initlab.report.figures;

import org.initlab.report.model.HistogramSum;
import org.initlab.report.model.LayerView;
import org.initlab.report.model.RunGroup;
import org.initlab.report.model.Scenario;
import org.initlab.report.model.StudyAggregate;
import org.initlab.report.plot.Axis;
import org.initlab.report.plot.ChoicePanel;
import org.initlab.report.plot.Figure;
import org.initlab.report.plot.HistogramPanel;
import org.initlab.report.plot.Rgb;
import org.initlab.report.text.Values;
import org.initlab.train.Histogram;

import java.util.ArrayList;
import java.util.List;

import static org.initlab.report.figures.LayerFigures.LAYERS_PER_ROW;
import static org.initlab.report.figures.LayerFigures.INITIAL;
import static org.initlab.report.figures.LayerFigures.layerTitle;
import static org.initlab.report.figures.LayerFigures.count;
import static org.initlab.report.figures.LayerFigures.maxLayers;
import static org.initlab.report.figures.LayerFigures.finalEpoch;
import static org.initlab.report.figures.LayerFigures.histogramAxis;
import static org.initlab.report.figures.LayerFigures.bars;
import static org.initlab.report.figures.LayerFigures.union;
import static org.initlab.report.figures.LayerFigures.central;
import static org.initlab.report.figures.LayerFigures.densityBars;

/**
 * Weights per layer: the histogram at initialisation (grey) overlaid with the one after training
 * (the initializer's colour), one row per initializer, seeds summed. Each panel on a linear axis
 * of its own where that shows both histograms, else on the asinh axis all panels share; the page
 * switches between them.
 */
public final class WeightFigure implements ScenarioFigure {
    @Override
    public String prefix() {
        return "weights";
    }

    @Override
    public Figure of(FigureInput in, Scenario s, int number) {
        StudyAggregate agg = in.agg();
        SeriesColours colours = in.colours();
        String title = s.title(agg.design());
        int layers = maxLayers(s);
        List<HistogramSum> all = new ArrayList<>();
        List<Figure.Cell> cells = new ArrayList<>();
        List<String> rows = new ArrayList<>();
        int seeds = 0;
        for (RunGroup g : s.members()) {
            LayerView v = new LayerView(g);
            for (int l = 0; l < v.layers().size(); l++) {
                all.add(v.histogram(l, LayerView.Kind.WEIGHTS, false));
                all.add(v.histogram(l, LayerView.Kind.WEIGHTS, true));
            }
        }
        Axis x = histogramAxis("weight (asinh scale)", all);
        int chunks = (layers + LAYERS_PER_ROW - 1) / LAYERS_PER_ROW;
        int linearPanels = 0, panels = 0;
        for (int i = 0; i < s.members().size(); i++) {
            RunGroup g = s.members().get(i);
            String level = s.level(g);
            seeds = Math.max(seeds, g.seeds());
            for (int c = 0; c < chunks; c++) rows.add(c == 0 ? level : "");
            LayerView v = new LayerView(g);
            for (int l = 0; l < v.layers().size(); l++) {
                HistogramSum init = v.histogram(l, LayerView.Kind.WEIGHTS, false), end = v.histogram(l, LayerView.Kind.WEIGHTS, true);
                int[] r = union(init, end);
                List<HistogramPanel.Bars> bars = new ArrayList<>();
                double top = 1;
                if (r != null) {
                    bars.add(bars(null, "at initialisation", INITIAL, init, true, r[0], r[1], 100));
                    bars.add(bars(SeriesColours.key(level), level, colours.colour(s.primary(), level), end, false, r[0], r[1], 100));
                    top = Math.max(bars.get(0).maxHeight(), bars.get(1).maxHeight());
                }
                String tip = level + ", " + layerTitle(v, l) + ": weight std " + Values.loss(v.weightStd(l, false)) + " at initialisation → "
                        + Values.loss(v.weightStd(l, true)) + " after training (" + count(g) + ")";
                HistogramPanel asinh = new HistogramPanel(layerTitle(v, l), x, Axis.linear("share per bin (%)", 0, top, false), bars, tip);
                Linear linear = linear(layerTitle(v, l), init, end, level, colours.colour(s.primary(), level), tip);
                panels++;
                if (linear.fits()) linearPanels++;
                ChoicePanel views = new ChoicePanel(AXIS.id(), List.of(
                        new ChoicePanel.Alternative(linear.fits() ? List.of("auto", "linear") : List.of("linear"), linear.panel()),
                        new ChoicePanel.Alternative(linear.fits() ? List.of("asinh") : List.of("auto", "asinh"), asinh)));
                cells.add(new Figure.Cell(i * chunks + l / LAYERS_PER_ROW, l % LAYERS_PER_ROW, views));
            }
        }
        List<Figure.LegendEntry> legend = new ArrayList<>();
        legend.add(new Figure.LegendEntry(null, "at initialisation", INITIAL, Figure.Swatch.BOX, new double[0]));
        for (RunGroup g : s.members()) legend.add(new Figure.LegendEntry(SeriesColours.key(s.level(g)), s.level(g) + " after training" + LayerFigures.afterTraining(g),
                colours.colour(s.primary(), s.level(g)), Figure.Swatch.OUTLINE, new double[0]));
        String note = "Histograms of all weights of each layer, summed over " + count(seeds) + " on initlab's shared bins (narrow near 0, 10% of |w|"
                + " wide far from it); after training = epoch " + finalEpoch(s) + ". Linear axis (" + linearPanels + " of " + panels + " panels by default,"
                + " where one axis shows both histograms of a panel at least 1/" + (int) LINEAR_RATIO + " of its width): each panel its own range,"
                + " the central 99.9% of its weights; heights are densities, a bin's share divided by its width, on the stored bins (no count is moved"
                + " between bins); a spike taller than the axis is cut. Asinh axis: asinh(w/0.01), linear within ±0.01, logarithmic beyond, shared by"
                + " every panel; heights are shares per bin of equal width on that axis, which makes wide bell-shaped or uniform draws look two-humped."
                + LayerFigures.divergedNote(s);
        return new Figure(Ids.of(prefix(), number, title), "Weights per layer: at initialisation and after training — " + title,
                s.description(agg.design()), 220, 165, List.of(), rows, cells, legend, note, List.of(AXIS));
    }

    /** The weight axis: linear per panel where its range allows (the default), linear everywhere, or asinh shared by all panels. */
    static final Figure.Choice AXIS = new Figure.Choice("weight-axis", "Weight axis", List.of(
            new Figure.Option("auto", "linear where the range allows"),
            new Figure.Option("linear", "linear"),
            new Figure.Option("asinh", "asinh, one axis for all")));

    /** A linear axis shows a panel when each of its histograms spans at least 1/LINEAR_RATIO of the axis (or is a single spike). */
    static final double LINEAR_RATIO = 15;

    /** The central share kept on a linear axis: 99.9%, so a few outlying weights do not squash the rest. */
    static final double TAIL = 0.0005;

    record Linear(HistogramPanel panel, boolean fits) {}

    /** A layer's two histograms on one linear axis over their central 99.9%, as densities; whether that axis shows both. */
    static Linear linear(String title, HistogramSum init, HistogramSum end, String level, Rgb colour, String tip) {
        double[] a = central(init, TAIL), b = central(end, TAIL);
        double lo = Double.POSITIVE_INFINITY, hi = Double.NEGATIVE_INFINITY;
        for (double[] r : new double[][]{a, b}) {
            if (r == null) continue;
            lo = Math.min(lo, r[0]);
            hi = Math.max(hi, r[1]);
        }
        boolean allSpikes = true;
        for (double[] r : new double[][]{a, b}) if (r != null && Histogram.bin(r[1]) - Histogram.bin(r[0]) > 1) allSpikes = false;
        if (!(hi > lo) || allSpikes) {
            // every weight equal (zero initialisation): a window around them, the spike in its middle
            double c = Double.isFinite(lo) ? (lo + hi) / 2 : 0, w = Math.max(0.01, Math.abs(c));
            lo = c - w;
            hi = c + w;
        }
        double pad = 0.04 * (hi - lo);
        lo -= pad;
        hi += pad;
        boolean fits = true;
        double top = 0, spikes = 0;
        List<HistogramPanel.Bars> bars = new ArrayList<>();
        bars.add(densityBars(null, "at initialisation", INITIAL, init, true, lo, hi));
        bars.add(densityBars(SeriesColours.key(level), level, colour, end, false, lo, hi));
        for (int k = 0; k < 2; k++) {
            double[] r = k == 0 ? a : b;
            if (r == null) continue;
            // a single spike (all weights equal, as zero initialisation makes them) is drawn but does not set the axis
            boolean spike = Histogram.bin(r[1]) - Histogram.bin(r[0]) <= 1;
            if (spike) spikes = Math.max(spikes, bars.get(k).maxHeight());
            else {
                top = Math.max(top, bars.get(k).maxHeight());
                if ((r[1] - r[0]) * LINEAR_RATIO < hi - lo) fits = false;
            }
        }
        if (top == 0) top = spikes > 0 ? spikes : 1;
        Axis x = Axis.linear("weight (linear)", lo, hi, false);
        return new Linear(new HistogramPanel(title, x, Axis.linear("density", 0, top * 1.05, false), bars, tip), fits);
    }
}
