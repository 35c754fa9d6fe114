package org.initlab.report.html;

import org.initlab.report.figures.FigureSet;
import org.initlab.report.figures.PhaseFigure;
import org.initlab.report.model.PhaseDiagram;
import org.initlab.report.stats.Estimate;
import org.initlab.report.text.Values;
import org.initlab.theory.DepthScales;

import java.util.List;

/**
 * Does trainable depth follow the edge of chaos? For studies that vary the critical initializer's
 * σ_w and the depth: the phase diagram of test accuracy with ξ_c and 6ξ_c over it, and per σ_w the
 * deepest net that trained beside the depth scales, with how many cells the 6ξ_c boundary sorts
 * correctly (Schoenholz et al. 2017).
 */
final class EdgeOfChaosSection implements Section {
    @Override
    public String id() {
        return "edge-of-chaos";
    }

    @Override
    public String heading(ReportInput in) {
        return "Trainable depth and the edge of chaos";
    }

    @Override
    public String tocEntry(ReportInput in) {
        return "Edge of chaos";
    }

    @Override
    public boolean appliesTo(ReportInput in) {
        return PhaseDiagram.applies(in.agg());
    }

    @Override
    public List<FigureSet> figureSets() {
        return List.of(new PhaseFigure());
    }

    @Override
    public void write(Page p, ReportInput in, List<RenderedFigure> figures) {
        p.element("p", "", "Mean-field theory says how far a random network carries the difference between two inputs: their correlation "
                + "relaxes to a fixed point over ξ_c layers, and ξ_c diverges at the edge of chaos, the σ_w where χ₁ = σ_w²·E[φ′(z)²] = 1 "
                + "(Poole et al. 2016). Schoenholz et al. (2017) found that networks train up to a depth of about 6ξ_c and not beyond. "
                + "Here that boundary is drawn over the study's own test accuracies.");
        for (RenderedFigure f : figures) FigureHtml.figure(p, f);
        for (PhaseDiagram d : PhaseDiagram.of(in.agg())) {
            int[] a = d.agreement();
            p.element("h3", "", d.title());
            p.element("p", "", "Counting a cell as trained when its test accuracy reaches " + Values.fixed(100 * PhaseDiagram.TRAINED, 0)
                    + "%, “depth ≤ 6ξ_c” sorts " + a[0] + " of " + a[1] + " cells (" + Values.fixed(100.0 * a[0] / Math.max(1, a[1]), 0)
                    + "%) the way they came out: " + a[2] + " trained deeper than 6ξ_c, " + a[3] + " failed within it"
                    + divergedCells(d) + ". The edge of chaos is at σ_w = " + Values.significant(d.criticalSigmaW()) + ".");
            p.raw("<div class=\"table-wrap\"><table class=\"sortable\">\n<thead><tr>");
            for (String h : List.of("σ_w", "χ₁", "q*", "c*", "ξ_c", "6ξ_c", "deepest trained", "accuracy at the deepest grid depth")) p.element("th", "", h);
            p.raw("</tr></thead>\n<tbody>\n");
            for (int j = 0; j < d.sigmaWs().length; j++) {
                DepthScales.Point pt = d.at(j);
                p.raw("<tr>");
                SummarySection.cell(p, pt.sigmaW(), Values.significant(pt.sigmaW()));
                SummarySection.cell(p, pt.chi1(), Values.fixed(pt.chi1(), 3));
                SummarySection.cell(p, pt.qStar(), Values.significant(pt.qStar()));
                SummarySection.cell(p, pt.cStar(), Values.fixed(pt.cStar(), 3));
                SummarySection.cell(p, pt.xiC(), Values.significant(pt.xiC()));
                SummarySection.cell(p, pt.trainableDepth(), Values.significant(pt.trainableDepth()));
                int deepest = d.deepestTrained(j);
                SummarySection.cell(p, deepest, deepest == 0 ? "none" : Integer.toString(deepest));
                int last = d.depths().length - 1;
                Estimate e = d.accuracy()[last][j];
                SummarySection.cell(p, e.mean(), d.allDiverged(last, j) ? "diverged (" + d.runs()[last][j] + " of " + d.runs()[last][j] + " seeds)"
                        : Values.accuracy(e, d.seeds()));
                p.raw("</tr>\n");
            }
            p.raw("</tbody></table></div>\n");
        }
        p.element("p", "class=\"note\"", "χ₁, q*, c*, ξ_c from the length and correlation maps at their fixed points, by Gaussian quadrature "
                + "(org.initlab.theory.DepthScales); depth is the number of hidden layers. Deepest trained: the largest grid depth whose test "
                + "accuracy (the mean over the seeds that completed) reached the threshold; a cell where every seed diverged did not train. "
                + "A few epochs of training find a smaller trainable region than long training would.");
    }

    /** "; 3 cells where every seed diverged count as not trained", or "". */
    private static String divergedCells(PhaseDiagram d) {
        int n = d.allDivergedCells();
        return n == 0 ? "" : "; " + n + (n == 1 ? " cell where every seed diverged counts" : " cells where every seed diverged count") + " as not trained";
    }
}
