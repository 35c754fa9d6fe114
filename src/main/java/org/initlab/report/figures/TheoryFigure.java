package org.initlab.report.figures;

import org.initlab.report.model.RunGroup;
import org.initlab.report.model.Scenario;
import org.initlab.report.model.StudyAggregate;
import org.initlab.report.model.TheoryView;
import org.initlab.report.plot.Axis;
import org.initlab.report.plot.Figure;
import org.initlab.report.plot.LinePanel;
import org.initlab.report.plot.Marker;
import org.initlab.report.plot.Rgb;
import org.initlab.report.stats.Estimate;
import org.initlab.report.text.Values;

import java.util.ArrayList;
import java.util.List;
import java.util.function.BiFunction;

/**
 * Theory beside measurement for one scenario, layer by layer (input to output): what mean-field
 * theory predicts at initialisation (dotted) and what was measured (solid, with symbols) for each
 * member — the pre-activation variance, χ_l, ‖δ^l‖² and ‖∂L/∂W_l‖ relative to the output layer at
 * the first step, the dead or saturated fraction — and the input–output Jacobian's singular
 * values on the probe inputs beside the predicted root mean square √(Π χ_l).
 */
public final class TheoryFigure implements ScenarioFigure {
    static final double[] PREDICTED = {2, 3};
    static final Rgb KEY = new Rgb(0x55, 0x55, 0x55);
    /** Above this many layers the layer axis is numbered and measured lines get symbols at a few points only. */
    static final int MANY_LAYERS = 12;

    @Override
    public String prefix() {
        return "theory";
    }

    @Override
    public List<Figure> figures(FigureInput in) {
        List<Figure> out = new ArrayList<>();
        int n = 0;
        for (Scenario s : in.layerScenarios()) {
            if (s.members().stream().noneMatch(g -> new TheoryView(g).recorded())) continue;
            out.add(of(in, s, ++n));
        }
        return out;
    }

    @Override
    public Figure of(FigureInput in, Scenario s, int number) {
        StudyAggregate agg = in.agg();
        String title = s.title(agg.design());
        List<TheoryView> views = s.members().stream().map(TheoryView::new).toList();
        int layers = views.stream().mapToInt(TheoryView::layers).max().orElse(0);
        List<String> names = new ArrayList<>();
        for (int l = 0; l < layers; l++) names.add(Integer.toString(l + 1));
        // deep nets: a numbered axis (categories would not fit their labels), symbols at a few points only
        Axis depth = layers > MANY_LAYERS ? Axis.counts("layer (input → output)", 1, layers) : Axis.categories("layer (input → output)", names);
        boolean rectifiers = views.stream().anyMatch(v -> has(v, layers, TheoryView.Quantity.DEAD_FRACTION));
        TheoryView.Quantity inactive = rectifiers ? TheoryView.Quantity.DEAD_FRACTION : TheoryView.Quantity.SATURATED_FRACTION;

        List<Figure.Cell> cells = new ArrayList<>();
        cells.add(new Figure.Cell(0, 0, layerPanel("pre-activation variance", in, s, views, depth, layers,
                (v, l) -> v.measured(l, TheoryView.Quantity.PREACT_VARIANCE), (v, l) -> v.predicted(l, TheoryView.Quantity.PREACT_VARIANCE), true, "")));
        cells.add(new Figure.Cell(0, 1, layerPanel("χ_l = σ_w²·E[φ′(z)²] (theory)", in, s, views, depth, layers,
                null, TheoryView::chi, true, "")));
        cells.add(new Figure.Cell(0, 2, layerPanel(inactive == TheoryView.Quantity.DEAD_FRACTION ? "dead units at init" : "saturated activations at init",
                in, s, views, depth, layers, (v, l) -> percent(v.measured(l, inactive)), (v, l) -> percent(v.predicted(l, inactive)), false, "%")));
        cells.add(new Figure.Cell(1, 0, layerPanel("‖δ^l‖² / ‖δ^L‖², first step", in, s, views, depth, layers,
                (v, l) -> v.measured(l, TheoryView.Quantity.BACKWARD_SQUARE), (v, l) -> v.predicted(l, TheoryView.Quantity.BACKWARD_SQUARE), true, "")));
        cells.add(new Figure.Cell(1, 1, layerPanel("‖∂L/∂W_l‖ / ‖∂L/∂W_L‖, first step", in, s, views, depth, layers,
                (v, l) -> v.measured(l, TheoryView.Quantity.GRAD_NORM_RELATIVE), (v, l) -> v.predicted(l, TheoryView.Quantity.GRAD_NORM_RELATIVE), true, "")));
        cells.add(new Figure.Cell(1, 2, jacobianPanel(in, s, views)));

        List<Figure.LegendEntry> legend = new ArrayList<>();
        for (RunGroup g : s.members()) legend.add(in.colours().legend(s.primary(), s.level(g)));
        legend.add(new Figure.LegendEntry(null, "measured", KEY, Figure.Swatch.LINE, new double[0], Marker.CIRCLE));
        legend.add(new Figure.LegendEntry(null, "predicted (mean-field theory)", KEY, Figure.Swatch.LINE, PREDICTED));
        int seeds = s.members().stream().mapToInt(RunGroup::seeds).max().orElse(1);
        List<String> missing = new ArrayList<>();
        for (int i = 0; i < views.size(); i++) {
            if (!views.get(i).predicts()) missing.add(s.level(s.members().get(i)) + (views.get(i).recorded() ? "" : " (not recorded)"));
        }
        String note = "At initialisation on the probe batch (variance, χ, inactive units) and at the first training step (backward and gradient norms, "
                + "relative to the output layer). Predictions: mean-field signal propagation from the initializers' laws (Poole et al. 2016; "
                + "Schoenholz et al. 2017), with the probe batch's q⁰ and c⁰. Jacobian: the singular values of ∂(logits)/∂x at the first probe "
                + "inputs, smallest to largest, beside the predicted root mean square √(Π χ_l) (Pennington et al. 2017). "
                + (seeds > 1 ? "Means over " + seeds + " seeds (geometric on log axes). " : "1 seed. ")
                + (missing.isEmpty() ? "" : "No prediction for " + String.join(", ", missing) + ": see the table above for why.");
        return new Figure(Ids.of(prefix(), number, title), "Theory beside measurement — " + title, s.description(agg.design()), 250, 200,
                List.of(), List.of("at init", "first step · Jacobian"), cells, legend, note);
    }

    private static boolean has(TheoryView v, int layers, TheoryView.Quantity q) {
        for (int l = 0; l < layers; l++) if (!v.measured(l, q).isEmpty()) return true;
        return false;
    }

    private static Estimate percent(Estimate e) {
        return e.scaled(100);
    }

    private static LinePanel layerPanel(String title, FigureInput in, Scenario s, List<TheoryView> views, Axis depth, int layers,
                                        BiFunction<TheoryView, Integer, Estimate> measured, BiFunction<TheoryView, Integer, Estimate> predicted,
                                        boolean log, String unit) {
        List<LinePanel.Line> lines = new ArrayList<>();
        double lo = Double.POSITIVE_INFINITY, hi = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < views.size(); i++) {
            TheoryView v = views.get(i);
            String level = s.level(s.members().get(i));
            Rgb colour = in.colours().colour(s.primary(), level);
            for (int pass = 0; pass < 2; pass++) {
                BiFunction<TheoryView, Integer, Estimate> read = pass == 0 ? measured : predicted;
                if (read == null) continue;
                double[] x = new double[layers], y = new double[layers];
                String[] text = new String[layers];
                boolean any = false;
                for (int l = 0; l < layers; l++) {
                    Estimate e = l < v.layers() ? read.apply(v, l) : Estimate.EMPTY;
                    x[l] = depth.isCategorical() ? l : l + 1;
                    y[l] = e.mean();
                    text[l] = e.isEmpty() ? null : (pass == 0 ? "measured " : "predicted ") + Values.significant(e.mean()) + unit;
                    if (!e.isEmpty() && Double.isFinite(e.mean())) {
                        any = true;
                        if (!log || e.mean() > 0) {
                            lo = Math.min(lo, e.mean());
                            hi = Math.max(hi, e.mean());
                        }
                    }
                }
                if (!any) continue;
                boolean isMeasured = pass == 0;
                lines.add(new LinePanel.Line(SeriesColours.key(level), level, colour, isMeasured ? new double[0] : PREDICTED,
                        in.colours().marker(s.primary(), level), x, y, null, null, text, isMeasured && depth.isCategorical()));
            }
        }
        Axis y;
        if (log) y = Axis.log(title.contains("χ") ? "χ_l (log)" : "log scale", lo, hi);
        else y = Axis.linear(unit.equals("%") ? "fraction (%)" : "", Math.min(0, lo), Double.isFinite(hi) ? Math.max(hi, 1) : 1, unit.equals("%"));
        return new LinePanel(title, depth, y, lines, "layer");
    }

    private static LinePanel jacobianPanel(FigureInput in, Scenario s, List<TheoryView> views) {
        List<LinePanel.Line> lines = new ArrayList<>();
        double lo = Double.POSITIVE_INFINITY, hi = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < views.size(); i++) {
            TheoryView v = views.get(i);
            String level = s.level(s.members().get(i));
            Rgb colour = in.colours().colour(s.primary(), level);
            double[] sv = v.singularValues();
            if (sv.length > 0) {
                double[] x = new double[sv.length];
                String[] tips = new String[sv.length];
                for (int k = 0; k < sv.length; k++) {
                    x[k] = (k + 0.5) / sv.length;
                    tips[k] = "σ = " + Values.significant(sv[k]);
                    if (sv[k] > 0) {
                        lo = Math.min(lo, sv[k]);
                        hi = Math.max(hi, sv[k]);
                    }
                }
                lines.add(new LinePanel.Line(SeriesColours.key(level), level, colour, new double[0], Marker.NONE, x, sv.clone(), null, null, tips, false));
            }
            Estimate predicted = v.predictedGeometric(TheoryView.RunQuantity.JACOBIAN_MEAN_SQUARE);
            if (!predicted.isEmpty() && predicted.mean() > 0) {
                double rms = Math.sqrt(predicted.mean());
                lo = Math.min(lo, rms);
                hi = Math.max(hi, rms);
                String tip = "predicted RMS √(Π χ) = " + Values.significant(rms);
                lines.add(new LinePanel.Line(SeriesColours.key(level), level, colour, PREDICTED, Marker.NONE, new double[]{0, 1},
                        new double[]{rms, rms}, null, null, new String[]{tip, tip}, false));
            }
        }
        Axis x = Axis.linear("fraction of singular values below", 0, 1, false);
        Axis y = Axis.log("singular value (log)", lo, hi);
        return new LinePanel("input–output Jacobian spectrum", x, y, lines, "quantile");
    }
}
