package org.initlab.report.html;

import org.initlab.report.text.Finding;
import org.initlab.report.text.Findings;

import java.util.ArrayList;
import java.util.List;

/** The findings: computed sentences, each badged significant, not significant, untested, fails or diverged. */
final class FindingsHtml {
    private FindingsHtml() {}

    /** Significant per-scenario claims shown at the top; all comparisons are in section 3. */
    static final int TOP_CLAIMS = 10;

    static void section(Page p, List<Finding> findings, String primary) {
        p.raw("<section id=\"findings\">\n<h2>Findings</h2>\n");
        p.element("p", "class=\"note\"", "Every sentence below is computed from the runs. A claim is significant when the paired t-test across seeds, Holm-corrected within its scenario, gives p ≤ 0.05.");
        List<Finding> best = findings.stream().filter(f -> f.kind() == Finding.Kind.BEST).toList();
        List<Finding> claims = best.stream().filter(Finding::significant).toList();
        List<Finding> unclaimed = best.stream().filter(f -> !f.significant()).toList();
        List<Finding> ordered = new ArrayList<>(findings.stream().filter(f -> f.kind() == Finding.Kind.INTERACTION).toList());
        ordered.addAll(claims.subList(0, Math.min(TOP_CLAIMS, claims.size())));
        // a few unclaimed comparisons are listed; many are summed up in one sentence
        if (unclaimed.size() <= 3) ordered.addAll(unclaimed);
        else ordered.add(Findings.unclaimed(unclaimed, primary));
        for (Finding.Kind k : List.of(Finding.Kind.FAILURE, Finding.Kind.DIVERGENCE)) {
            for (Finding f : findings) if (f.kind() == k) ordered.add(f);
        }
        if (ordered.isEmpty()) p.element("p", "", "No comparison is possible: every scenario has a single configuration.");
        else list(p, ordered);
        if (claims.size() > TOP_CLAIMS || unclaimed.size() > 3) {
            p.raw("<p class=\"note\">").text("Every scenario's comparison is in ").raw("<a href=\"#rq3\">").text("section 3").raw("</a>.</p>\n");
        }
        p.raw("</section>\n");
    }

    static void list(Page p, List<Finding> findings) {
        p.raw("<ul class=\"findings\">\n");
        for (Finding f : findings) {
            String cls, badge;
            switch (f.kind()) {
                case FAILURE -> { cls = "fail"; badge = "fails"; }
                case DIVERGENCE -> { cls = "fail"; badge = "diverged"; }
                default -> {
                    if (!f.tested()) { cls = "info"; badge = "no test"; }
                    else if (f.significant()) { cls = "sig"; badge = "significant"; }
                    else { cls = "ns"; badge = "not significant"; }
                }
            }
            p.raw("<li class=\"" + cls + "\"><span class=\"badge " + cls + "\">").text(badge).raw("</span>").text(f.text()).raw("</li>\n");
        }
        p.raw("</ul>\n");
    }
}
