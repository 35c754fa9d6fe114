package org.initlab.report.html;

import org.initlab.report.compare.StudyComparison;

import java.util.List;

/** What changes between the studies: the reference's conclusions that do not hold in the other study, then what holds in both. */
final class ChangesSection implements ComparisonSection {
    @Override
    public String id() {
        return "changes";
    }

    @Override
    public String heading(ComparisonInput in) {
        return "Which conclusions change?";
    }

    @Override
    public String tocEntry(ComparisonInput in) {
        return "What changes";
    }

    @Override
    public void write(Page p, ComparisonInput in, List<RenderedFigure> figures) {
        p.element("p", "class=\"note\"", "Computed from both studies' runs. A conclusion is one a study's own report draws: the best configuration of each"
                + " scenario (chosen on validation accuracy) and whether it is significantly ahead of the runner-up (paired t-test over seeds, Holm-corrected"
                + " within the scenario, 0.05), whether a configuration learns (above 1.5 × chance) and whether it diverges. Where the differences between the"
                + " studies are tested, each configuration's p-value is Holm-adjusted over all matched configurations.");
        for (int i = 0; i < in.comparisons().size(); i++) {
            ComparisonPage.pairHeading(p, in, i);
            StudyComparison c = in.comparisons().get(i);
            if (c.matching().pairs().isEmpty()) {
                p.element("p", "", "No configuration of " + c.nameB() + " matches one of " + c.nameA() + ": there is nothing to set side by side.");
                continue;
            }
            p.raw("<ul class=\"findings\">\n");
            for (StudyComparison.Change ch : c.changes()) {
                String cls = ch.changed() ? "ns" : "info";
                p.raw("<li class=\"" + cls + "\"><span class=\"badge " + cls + "\">").text(ch.changed() ? "changes" : "same").raw("</span>")
                        .text(ch.text()).raw("</li>\n");
            }
            p.raw("</ul>\n");
        }
    }
}
