package org.initlab.report.figures;

import org.initlab.report.model.PhaseDiagram;
import org.initlab.report.plot.ColourScale;
import org.initlab.report.plot.Figure;
import org.initlab.report.plot.PhasePanel;
import org.initlab.report.plot.Rgb;
import org.initlab.report.stats.Estimate;
import org.initlab.report.text.Values;
import org.initlab.theory.DepthScales;

import java.util.ArrayList;
import java.util.List;

/**
 * The edge-of-chaos phase diagram (Schoenholz et al. 2017, Figs. 5–6): final test accuracy over
 * σ_w (columns) and depth (rows), with the correlation depth scale ξ_c(σ_w) and the trainable
 * depth 6ξ_c(σ_w) of mean-field theory drawn over it, and the critical σ_w where ξ_c diverges.
 */
public final class PhaseFigure implements FigureSet {
    static final Rgb XI = new Rgb(0x22, 0x22, 0x22);
    static final double[] DASHED = {6, 4};
    static final double[] DOTTED = {2, 3};
    /** The label of a cell where every seed diverged (on two lines). */
    static final String DIVERGED = "✕\ndiverged";

    @Override
    public String prefix() {
        return "phase";
    }

    @Override
    public List<Figure> figures(FigureInput in) {
        List<Figure> out = new ArrayList<>();
        int n = 0;
        for (PhaseDiagram d : PhaseDiagram.of(in.agg())) out.add(figure(d, ++n));
        return out;
    }

    static Figure figure(PhaseDiagram d, int number) {
        int rows = d.depths().length, cols = d.sigmaWs().length;
        double[][] values = new double[rows][cols];
        String[][] texts = new String[rows][cols], tips = new String[rows][cols];
        double[] ys = new double[rows];
        List<String> xLabels = new ArrayList<>(), yLabels = new ArrayList<>();
        for (double s : d.sigmaWs()) xLabels.add(Values.fixed(s, s * 100 % 10 == 0 ? 1 : 2));
        int seeds = d.seeds();
        boolean fewer = false;
        for (int i = 0; i < rows; i++) {
            ys[i] = d.depths()[i];
            yLabels.add(Integer.toString(d.depths()[i]));
            for (int j = 0; j < cols; j++) {
                Estimate e = d.accuracy()[i][j];
                int runs = d.runs()[i][j], diverged = d.diverged()[i][j];
                fewer |= !e.isEmpty() && e.n() < seeds;
                values[i][j] = e.isEmpty() ? Double.NaN : 100 * e.mean();
                texts[i][j] = d.allDiverged(i, j) ? DIVERGED : e.isEmpty() ? ""
                        : Values.fixed(100 * e.mean(), 0) + (e.n() < seeds ? "\nn=" + e.n() : "");
                DepthScales.Point p = d.at(j);
                String measured = d.allDiverged(i, j) ? "every seed diverged (" + runs + "): not trained"
                        : e.isEmpty() ? "no final accuracy"
                        : "test accuracy " + Values.accuracy(e) + " (" + (e.n() < seeds ? e.n() + " of " + seeds + " seeds" : e.n() + (e.n() == 1 ? " seed" : " seeds"))
                        + (diverged > 0 ? "; " + diverged + " diverged" : "") + ")";
                tips[i][j] = "σ_w " + Values.significant(d.sigmaWs()[j]) + ", depth " + d.depths()[i] + ": " + measured + "; ξ_c = " + Values.significant(p.xiC())
                        + ", 6ξ_c = " + Values.significant(p.trainableDepth()) + ", χ₁ = " + Values.significant(p.chi1());
            }
        }
        int k = d.curve().size();
        double[] x = new double[k], xi = new double[k], six = new double[k];
        for (int i = 0; i < k; i++) {
            DepthScales.Point p = d.curve().get(i);
            x[i] = p.sigmaW();
            xi[i] = p.xiC();
            six[i] = p.trainableDepth();
        }
        List<PhasePanel.Curve> curves = new ArrayList<>();
        curves.add(new PhasePanel.Curve("six-xi", "6ξ_c", XI, new double[0], 2.2, x, six));
        curves.add(new PhasePanel.Curve("xi", "ξ_c", XI, DASHED, 1.8, x, xi));
        if (Double.isFinite(d.criticalSigmaW())) {
            curves.add(new PhasePanel.Curve("critical", "critical σ_w", XI, DOTTED, 1.4, new double[]{d.criticalSigmaW(), d.criticalSigmaW()},
                    new double[]{-1e6, 1e6}));
        }
        PhasePanel panel = new PhasePanel(d.title(), "σ_w (weights N(0, σ_w²/fan_in))", "depth (hidden layers)", d.sigmaWs(), ys,
                xLabels, yLabels, values, texts, tips, 0, 100, "0%", "100%", curves);
        List<Figure.LegendEntry> legend = new ArrayList<>(List.of(
                new Figure.LegendEntry("six-xi", "6ξ_c: trainable depth (theory)", XI, Figure.Swatch.LINE, new double[0]),
                new Figure.LegendEntry("xi", "ξ_c: correlation depth scale", XI, Figure.Swatch.LINE, DASHED),
                new Figure.LegendEntry("critical", "σ_w at the edge of chaos (χ₁ = 1): " + Values.significant(d.criticalSigmaW()), XI,
                        Figure.Swatch.LINE, DOTTED)));
        int allDiverged = d.allDivergedCells();
        if (allDiverged > 0) {
            legend.add(new Figure.LegendEntry(null, DIVERGED.replace('\n', ' ') + ": every seed diverged (not trained)", ColourScale.viridis(Double.NaN),
                    Figure.Swatch.BOX, new double[0]));
        }
        String note = "Each cell: final test accuracy (%), " + (seeds > 1 ? "the mean over " + seeds + " seeds" : "one run")
                + (fewer ? ", or over the seeds that completed where fewer did (n=… says how many)" : "")
                + (allDiverged > 0 ? "; “" + DIVERGED.replace('\n', ' ') + "”: every seed diverged, so the net did not train, and the cell "
                + "counts as not trainable where the text compares the cells with 6ξ_c" : "")
                + ". The grid's σ_w values and depths are drawn as equal cells, not to scale; the curves are placed between cell centres "
                + "accordingly. Curves: mean-field theory for " + d.title()
                + " (Schoenholz et al. 2017): ξ_c is the depth over which two inputs' correlation relaxes to its fixed point; "
                + "networks deeper than about 6ξ_c are predicted not to train. ξ_c diverges at the critical σ_w.";
        return new Figure(Ids.of("phase", number, d.title()), "Trainable depth against the edge of chaos — " + d.title(),
                "test accuracy over σ_w × depth, with ξ_c and 6ξ_c", 620, 440, List.of(), List.of(), List.of(new Figure.Cell(0, 0, panel)),
                legend, note);
    }
}
