package org.initlab.report.html;

import org.initlab.report.figures.FigureSet;
import org.initlab.report.figures.TheoryFigure;
import org.initlab.report.model.RunGroup;
import org.initlab.report.model.StudyAggregate;
import org.initlab.report.model.TheoryView;
import org.initlab.report.stats.Estimate;
import org.initlab.report.text.Values;

import java.util.List;

/**
 * Mean-field theory beside measurement, for every configuration at initialisation: a table of the
 * network-level predictions against the measurements (the worst layer's variance, the Jacobian's
 * mean square, the first/last gradient-norm ratio) with what each prediction rests on or why
 * there is none, then per scenario the layer-by-layer figures.
 */
final class TheorySection implements Section {
    @Override
    public String id() {
        return "theory";
    }

    @Override
    public String heading(ReportInput in) {
        return "Theory beside measurement";
    }

    @Override
    public String tocEntry(ReportInput in) {
        return "Theory";
    }

    @Override
    public boolean appliesTo(ReportInput in) {
        return in.agg().groups().stream().anyMatch(g -> new TheoryView(g).recorded());
    }

    @Override
    public List<FigureSet> figureSets() {
        return List.of(new TheoryFigure());
    }

    @Override
    public void write(Page p, ReportInput in, List<RenderedFigure> figures) {
        StudyAggregate agg = in.agg();
        p.element("p", "", "What mean-field signal propagation (Poole et al. 2016; Schoenholz et al. 2017) predicts for each network at "
                + "initialisation, from its initializers' laws and the probe batch's input statistics (q⁰, c⁰), beside the same quantity "
                + "measured on the run: the pre-activation variance of every layer on the probe batch, the input–output Jacobian's mean "
                + "squared singular value Π χ_l (Pennington et al. 2017), and at the first step the ratio of the first to the last layer's "
                + "weight-gradient norm for that minibatch (with its measured output-gradient correlation ρ). Predictions assume wide "
                + "layers: expect a few per cent at width 512, more at the 10-unit output layer and in narrow or very deep nets.");
        boolean experiments = agg.design().experiments().size() > 1;
        p.raw("<div class=\"table-wrap\"><table class=\"sortable\" id=\"theory-table\">\n<thead><tr>");
        p.element("th", "class=\"text\"", "configuration");
        for (String h : List.of("largest variance gap (hidden layers)", "Jacobian ‖J‖²/n, predicted", "measured",
                "gradient ratio first/last, predicted", "measured", "ρ")) {
            p.element("th", "", h);
        }
        p.element("th", "class=\"text\"", "prediction from");
        p.raw("</tr></thead>\n<tbody>\n");
        for (RunGroup g : agg.groups()) {
            TheoryView v = new TheoryView(g);
            if (!v.recorded()) continue;
            p.raw("<tr>");
            p.element("td", "class=\"text\"", label(g, agg.design().varying(), experiments));
            double gap = v.largestVarianceGap();
            SummarySection.cell(p, gap, Double.isNaN(gap) ? Values.NONE : Values.fixed(100 * gap, 1) + "%");
            Estimate pj = v.predictedGeometric(TheoryView.RunQuantity.JACOBIAN_MEAN_SQUARE);
            Estimate mj = v.measuredGeometric(TheoryView.RunQuantity.JACOBIAN_MEAN_SQUARE);
            SummarySection.cell(p, pj.mean(), pj.isEmpty() ? Values.NONE : Values.significant(pj.mean()));
            SummarySection.cell(p, mj.mean(), Values.geometric(mj));
            Estimate pr = v.predicted(TheoryView.RunQuantity.GRAD_NORM_RATIO), mr = v.measured(TheoryView.RunQuantity.GRAD_NORM_RATIO);
            SummarySection.cell(p, pr.mean(), pr.isEmpty() ? Values.NONE : Values.significant(pr.mean()));
            SummarySection.cell(p, mr.mean(), mr.isEmpty() ? Values.NONE : Values.significant(mr.mean())
                    + (mr.hasInterval() ? " ± " + Values.significant(mr.halfWidth()) : ""));
            Estimate rho = v.outputCorrelation();
            SummarySection.cell(p, rho.mean(), rho.isEmpty() ? Values.NONE : Values.fixed(rho.mean(), 3));
            p.element("td", "class=\"wrap\"", String.join(" | ", v.bases()));
            p.raw("</tr>\n");
        }
        p.raw("</tbody></table></div>\n");
        p.element("p", "class=\"note\"", "Largest variance gap: the largest |measured/predicted − 1| of the hidden layers' pre-activation variance "
                + "(pooled over the probe batch's examples and units, exactly as predicted), means over seeds. Jacobian: ‖∂(logits)/∂x‖²_F over "
                + "the number of outputs, at the first probe inputs, geometric mean over seeds. Gradient ratio: ‖∂L/∂W₁‖/‖∂L/∂W_L‖ at the first "
                + "step; the prediction gives every pair of examples the probe batch's mean correlation, so it is weakest where images of one "
                + "class are both alike and share their output gradients (about 20% off for He/ReLU on MNIST). "
                + "“Not applicable”: the Gaussian mean-field recursion does not describe identity or non-zero constant weights, and LSUV is "
                + "predicted from the weights it refined. Every value is in result.json and export --csv (predicted_* and measured_* columns).");
        FigureHtml.introAndFigures(p, "Per scenario, layer by layer: predicted (dotted) beside measured (solid)." + FigureHtml.cappedNote(in), figures);
    }

    /** The labels of the factors the study varies: "he · relu · sgd". */
    static String label(RunGroup g, List<String> varying, boolean experiments) {
        StringBuilder sb = new StringBuilder();
        for (String k : varying) {
            String v = g.configuration().get(k);
            if (v == null) continue;
            if (!sb.isEmpty()) sb.append(" · ");
            sb.append(v);
        }
        if (experiments) sb.append(" (").append(String.join(", ", g.experiments())).append(")");
        return sb.toString();
    }
}
