package org.initlab.report.figures;

import org.initlab.report.model.HistogramSum;
import org.initlab.report.model.LayerView;
import org.initlab.report.model.RunGroup;
import org.initlab.report.model.Scenario;
import org.initlab.report.model.StudyAggregate;
import org.initlab.report.plot.Axis;
import org.initlab.report.plot.Figure;
import org.initlab.report.plot.HistogramPanel;
import org.initlab.report.text.Values;

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

/**
 * Weights per layer: the histogram at initialisation (grey) overlaid with the one after training
 * (the initializer's colour), one row per initializer, seeds summed.
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
        Axis x = histogramAxis("weight value (asinh scale)", all);
        int chunks = (layers + LAYERS_PER_ROW - 1) / LAYERS_PER_ROW;
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
                        + Values.loss(v.weightStd(l, true)) + " after training (" + count(g.seeds()) + ")";
                cells.add(new Figure.Cell(i * chunks + l / LAYERS_PER_ROW, l % LAYERS_PER_ROW,
                        new HistogramPanel(layerTitle(v, l), x, Axis.linear("share per bin (%)", 0, top, false), bars, tip)));
            }
        }
        List<Figure.LegendEntry> legend = new ArrayList<>();
        legend.add(new Figure.LegendEntry(null, "at initialisation", INITIAL, Figure.Swatch.BOX, new double[0]));
        for (RunGroup g : s.members()) legend.add(new Figure.LegendEntry(SeriesColours.key(s.level(g)), s.level(g) + " after training",
                colours.colour(s.primary(), s.level(g)), Figure.Swatch.OUTLINE, new double[0]));
        String note = "Histograms of all weights of each layer, summed over " + count(seeds) + " on shared bins; after training = epoch "
                + finalEpoch(s) + ". The x axis is asinh(w/0.01): linear within ±0.01, logarithmic beyond, so narrow and wide initializations share it.";
        return new Figure(Ids.of(prefix(), number, title), "Weights per layer: at initialisation and after training — " + title,
                s.description(agg.design()), 220, 165, List.of(), rows, cells, legend, note);
    }
}
