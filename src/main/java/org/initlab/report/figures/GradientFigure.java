package org.initlab.report.figures;

import org.initlab.report.model.LayerView;
import org.initlab.report.model.RunGroup;
import org.initlab.report.model.Scenario;
import org.initlab.report.model.StudyAggregate;
import org.initlab.report.plot.Axis;
import org.initlab.report.plot.Figure;
import org.initlab.report.plot.LinePanel;
import org.initlab.report.stats.Estimate;
import org.initlab.report.text.Values;

import java.util.ArrayList;
import java.util.List;

import static org.initlab.report.figures.LayerFigures.LAYERS_PER_ROW;
import static org.initlab.report.figures.LayerFigures.layerTitle;
import static org.initlab.report.figures.LayerFigures.maxLayers;
import static org.initlab.report.figures.LayerFigures.finalEpoch;

/**
 * Gradient flow: per layer and epoch the mean gradient norm and update:weight ratio (log axes),
 * and both through depth, where vanishing and exploding gradients show.
 */
public final class GradientFigure implements ScenarioFigure {
    @Override
    public String prefix() {
        return "gradients";
    }

    @Override
    public Figure of(FigureInput in, Scenario s, int number) {
        StudyAggregate agg = in.agg();
        SeriesColours colours = in.colours();
        String title = s.title(agg.design());
        int layers = maxLayers(s);
        List<Figure.Cell> cells = new ArrayList<>();
        int seeds = 0;
        double[] normRange = null, ratioRange = null, depthRange = null;
        List<LayerView> views = s.members().stream().map(LayerView::new).toList();
        for (LayerView v : views) {
            for (int l = 0; l < v.layers().size(); l++) {
                Estimate[] mean = v.gradientCurve(l, LayerView.Gradient.MEAN_NORM).values();
                normRange = widen(normRange, mean);
                depthRange = widen(widen(depthRange, mean), v.gradientCurve(l, LayerView.Gradient.FIRST_STEP_NORM).values());
                ratioRange = widen(ratioRange, v.gradientCurve(l, LayerView.Gradient.UPDATE_RATIO).values());
            }
        }
        int epochs = finalEpoch(s);
        int chunks = (layers + LAYERS_PER_ROW - 1) / LAYERS_PER_ROW;
        Axis epochAxis = Axis.counts("epoch", 1, Math.max(2, epochs));
        Axis normAxis = Axis.log("‖∂L/∂W‖ (log)", range(normRange)[0], range(normRange)[1]);
        Axis ratioAxis = Axis.log("‖ΔW‖ / ‖W‖ (log)", range(ratioRange)[0], range(ratioRange)[1]);
        Axis depthAxis = Axis.log("‖∂L/∂W‖ (log)", range(depthRange)[0], range(depthRange)[1]);
        for (int l = 0; l < layers; l++) {
            List<LinePanel.Line> norms = new ArrayList<>(), ratios = new ArrayList<>();
            String layerTitle = null;
            for (int i = 0; i < views.size(); i++) {
                LayerView v = views.get(i);
                if (l >= v.layers().size()) continue;
                RunGroup g = s.members().get(i);
                String level = s.level(g);
                seeds = Math.max(seeds, g.seeds());
                if (layerTitle == null) layerTitle = layerTitle(v, l);
                norms.add(line(v.gradientCurve(l, LayerView.Gradient.MEAN_NORM), level, colours, s.primary(), g.seeds()).withMarks(DivergenceMarks.of(g)));
                ratios.add(line(v.gradientCurve(l, LayerView.Gradient.UPDATE_RATIO), level, colours, s.primary(), g.seeds()).withMarks(DivergenceMarks.of(g)));
            }
            cells.add(new Figure.Cell(l / LAYERS_PER_ROW, l % LAYERS_PER_ROW, new LinePanel(layerTitle, epochAxis, normAxis, norms, "epoch")));
            cells.add(new Figure.Cell(chunks + l / LAYERS_PER_ROW, l % LAYERS_PER_ROW, new LinePanel(layerTitle, epochAxis, ratioAxis, ratios, "epoch")));
        }
        List<String> layerNames = new ArrayList<>();
        for (int l = 0; l < layers; l++) layerNames.add(Integer.toString(l + 1));
        Axis depth = Axis.categories("layer (input → output)", layerNames);
        int last = 2 * chunks;
        cells.add(new Figure.Cell(last, 0, depthPanel("gradient norm, first step", views, s, colours, depth, depthAxis, LayerView.Gradient.FIRST_STEP_NORM, 1)));
        cells.add(new Figure.Cell(last, 1, depthPanel("gradient norm, last epoch", views, s, colours, depth, depthAxis, LayerView.Gradient.MEAN_NORM, epochs)));
        cells.add(new Figure.Cell(last, 2, depthPanel("update / weight, last epoch", views, s, colours, depth, ratioAxis, LayerView.Gradient.UPDATE_RATIO, epochs)));
        List<String> rowHeaders = new ArrayList<>();
        for (int c = 0; c < chunks; c++) rowHeaders.add(c == 0 ? "gradient norm" : "");
        for (int c = 0; c < chunks; c++) rowHeaders.add(c == 0 ? "update / weight" : "");
        rowHeaders.add("through depth");
        List<Figure.LegendEntry> legend = new ArrayList<>();
        for (RunGroup g : s.members()) legend.add(colours.legend(s.primary(), s.level(g)));
        String note = "Per layer and epoch: the mean over the epoch's steps of the weight gradient's norm ‖∂L/∂W‖, and of the optimizer step's size relative to the "
                + "weights ‖ΔW‖/‖W‖ (sampled every 25 steps). Bottom row: the same through depth, input to output — norms falling towards the input mean "
                + "vanishing gradients, rising mean exploding. "
                + (seeds > 1 ? "Geometric mean over " + seeds + " seeds; bands and bars: its multiplicative 95% interval. " : "1 seed: no confidence interval. ")
                + "▼ on the bottom edge: exactly 0 (e.g. zero initialization), which a log axis cannot show."
                + (s.members().stream().anyMatch(g -> !g.divergences().isEmpty()) ? " ✕ on the bottom edge: seeds diverged in that epoch; from there"
                        + " the mean is over the seeds left (n), and \u201clast epoch\u201d is over the seeds that completed." : "");
        return new Figure(Ids.of(prefix(), number, title), "Gradient flow per layer — " + title, s.description(agg.design()), 230, 185,
                List.of(), rowHeaders, cells, legend, note);
    }

    private static LinePanel depthPanel(String title, List<LayerView> views, Scenario s, SeriesColours colours, Axis depth, Axis y,
                                        LayerView.Gradient which, int epoch) {
        List<LinePanel.Line> lines = new ArrayList<>();
        for (int i = 0; i < views.size(); i++) {
            LayerView v = views.get(i);
            RunGroup g = s.members().get(i);
            String level = s.level(g);
            // the last epoch of the seeds that completed it; a diverged seed has no value there
            int at = which == LayerView.Gradient.FIRST_STEP_NORM ? 1 : epoch;
            int n = v.layers().size();
            double[] x = new double[n], m = new double[n], lo = new double[n], hi = new double[n];
            String[] text = new String[n];
            for (int l = 0; l < n; l++) {
                Estimate e = v.gradient(l, at, which);
                x[l] = l;
                m[l] = e.mean();
                lo[l] = e.low();
                hi[l] = e.high();
                text[l] = e.isEmpty() ? null : Values.geometric(e) + Values.seeds(e.n(), g.seeds());
            }
            lines.add(new LinePanel.Line(SeriesColours.key(level), level, colours.colour(s.primary(), level), colours.dash(s.primary(), level),
                    colours.marker(s.primary(), level), x, m, lo, hi, text, true));
        }
        return new LinePanel(title, depth, y, lines, "layer");
    }

    private static LinePanel.Line line(org.initlab.report.model.Curve c, String level, SeriesColours colours, String primary, int seeds) {
        int n = c.size();
        double[] y = new double[n], lo = new double[n], hi = new double[n];
        String[] text = new String[n];
        for (int t = 0; t < n; t++) {
            Estimate e = c.values()[t];
            y[t] = e.mean();
            lo[t] = e.low();
            hi[t] = e.high();
            text[t] = Values.geometric(e) + (e.n() < seeds ? " (" + e.n() + " of " + seeds + " seeds)" : "");
        }
        return new LinePanel.Line(SeriesColours.key(level), level, colours.colour(primary, level), colours.dash(primary, level),
                colours.marker(primary, level), c.epochs().clone(), y, lo, hi, text, false);
    }

    private static double[] widen(double[] r, Estimate[] es) {
        for (Estimate e : es) {
            for (double v : new double[]{e.mean(), e.low(), e.high()}) {
                if (!(v > 0) || !Double.isFinite(v)) continue;
                if (r == null) r = new double[]{v, v};
                r[0] = Math.min(r[0], v);
                r[1] = Math.max(r[1], v);
            }
        }
        return r;
    }

    private static double[] range(double[] r) {
        return r == null ? new double[]{1e-3, 1} : r;
    }
}
