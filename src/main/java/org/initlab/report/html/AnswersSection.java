package org.initlab.report.html;

import org.initlab.report.model.ClaimResult;
import org.initlab.report.model.Ranking;
import org.initlab.report.text.Answers;

import java.util.List;

/**
 * The answers, first on the page: per research question (experiment), per scenario the best
 * member with its paired difference to the runner-up and that difference's 95% interval, and why,
 * from the theory probe's numbers ({@link Answers}); then how the spec's claims fared. Reads the
 * report model only; the findings, rankings and claims sections below give the detail.
 */
final class AnswersSection implements Section {
    @Override
    public String id() {
        return "answers";
    }

    @Override
    public String heading(ReportInput in) {
        return "Answers";
    }

    @Override
    public boolean appliesTo(ReportInput in) {
        return !in.agg().rankings().isEmpty();
    }

    @Override
    public void write(Page p, ReportInput in, List<RenderedFigure> figures) {
        p.element("p", "class=\"note\"", "Per research question and scenario: the best member (chosen on validation accuracy), its mean paired "
                + "difference in final test accuracy to the runner-up over the seeds both have, with that difference's 95% interval and the "
                + "Holm-adjusted p within the scenario (significant at p ≤ " + Ranking.ALPHA + "); then why, from what the theory probe "
                + "recorded at initialisation: q¹ the first layer's pre-activation mean square, χ the per-layer gain on squared gradient "
                + "norms (1 is critical), the most inactive hidden layer, and the first/last weight-gradient-norm ratio at the first step, "
                + "each measured with the mean-field prediction in brackets. Means over seeds.");
        for (Answers.Question q : Answers.of(in.agg())) {
            p.element("h3", "", q.experiment() + ": " + q.question());
            p.raw("<ul class=\"findings\">\n");
            for (Answers.Answer a : q.answers()) {
                String cls = a.significant() ? "sig" : a.tested() ? "ns" : "info";
                String badge = a.significant() ? "significant" : a.tested() ? "not significant" : "no test";
                p.raw("<li class=\"" + cls + "\"><span class=\"badge " + cls + "\">").text(badge).raw("</span><strong>").text(a.scenario())
                        .raw("</strong> — ").text(a.verdict());
                if (!a.why().isEmpty()) p.raw("<br><span class=\"why\">").text("Why: " + a.why()).raw("</span>");
                p.raw("</li>\n");
            }
            p.raw("</ul>\n");
        }
        if (!Answers.theoryRecorded(in.agg())) {
            p.element("p", "class=\"note\"", "No run has the theory probe's numbers (runs made before initlab had it), so there is no “why” "
                    + "from theory: run the study again to get it.");
        }
        List<ClaimResult> claims = ClaimResult.of(in.agg());
        if (!claims.isEmpty()) {
            long supported = claims.stream().filter(r -> r.verdict() == ClaimResult.Verdict.SUPPORTED).count();
            long contradicted = claims.stream().filter(r -> r.verdict() == ClaimResult.Verdict.CONTRADICTED).count();
            long inconclusive = claims.stream().filter(r -> r.verdict() == ClaimResult.Verdict.INCONCLUSIVE).count();
            long none = claims.size() - supported - contradicted - inconclusive;
            p.raw("<p>").text("The spec's " + claims.size() + (claims.size() == 1 ? " claim: " : " claims: ") + supported + " supported, "
                    + contradicted + " contradicted, " + inconclusive + " inconclusive" + (none > 0 ? ", " + none + " not evaluable" : "")
                    + " (paired by seed, Holm across the claims; ").raw("<a href=\"#claims\">").text("each with its numbers").raw("</a>).</p>\n");
        }
    }
}
