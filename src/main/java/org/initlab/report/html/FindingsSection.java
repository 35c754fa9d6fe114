package org.initlab.report.html;

import org.initlab.report.model.StudyAggregate;
import org.initlab.report.text.Finding;
import org.initlab.report.text.Findings;

import java.util.ArrayList;
import java.util.List;

/**
 * The findings, as computed sentences: the interactions, what fails and what diverged, and, when
 * there are no {@link AnswersSection answers} above (which give each scenario's best), the strongest
 * per-scenario claims. Each appears once on the page; the sections below show the numbers.
 */
final class FindingsSection implements Section {
    /** Significant per-scenario claims shown; every comparison is in the ranking section's table. */
    static final int TOP_CLAIMS = 10;

    @Override
    public String id() {
        return "findings";
    }

    @Override
    public String heading(ReportInput in) {
        return "Findings";
    }

    @Override
    public void write(Page p, ReportInput in, List<RenderedFigure> figures) {
        boolean answered = new AnswersSection().appliesTo(in);
        p.element("p", "class=\"note\"", "Every sentence below is computed from the runs. A claim is significant when the paired t-test across seeds, Holm-corrected"
                + " within its scenario, gives p ≤ 0.05; the interval given with it is that of the paired difference (seed by seed), which can exclude 0 while"
                + " the two configurations' own intervals overlap. Means are over the seeds that completed: a run that diverged has no final accuracy and is"
                + " counted apart." + (answered ? " Each scenario's best, with its paired difference to the runner-up, is in the answers above; it is not"
                + " repeated here." : ""));
        List<Finding> ordered = new ArrayList<>(in.findings(Finding.Kind.INTERACTION));
        List<Finding> best = in.findings(Finding.Kind.BEST);
        List<Finding> claims = best.stream().filter(Finding::significant).toList();
        List<Finding> unclaimed = best.stream().filter(f -> !f.significant()).toList();
        if (!answered) {
            ordered.addAll(claims.subList(0, Math.min(TOP_CLAIMS, claims.size())));
            // a few unclaimed comparisons are listed; many are summed up in one sentence
            if (unclaimed.size() <= 3) ordered.addAll(unclaimed);
            else ordered.add(Findings.unclaimed(unclaimed, primary(in.agg())));
        }
        ordered.addAll(in.findings(Finding.Kind.FAILURE));
        ordered.addAll(in.findings(Finding.Kind.DIVERGENCE));
        if (ordered.isEmpty()) {
            p.element("p", "", answered ? "Nothing beyond the answers above: no interaction, failure or divergence to report."
                    : "No comparison is possible: every scenario has a single configuration.");
        } else FindingList.write(p, ordered);
        if (answered || claims.size() > TOP_CLAIMS || unclaimed.size() > 3) {
            p.raw("<p class=\"note\">").text("Every scenario's comparison, member by member, is in the table of ").raw("<a href=\"#rq3\">")
                    .text(new RankingSection().heading(in)).raw("</a>.</p>\n");
        }
    }

    /** The primary factor of the first experiment, as words ("initializer"). */
    private static String primary(StudyAggregate agg) {
        return agg.design().experiments().isEmpty() ? "initializer" : agg.design().experiments().getFirst().primary().replace('_', ' ');
    }
}
