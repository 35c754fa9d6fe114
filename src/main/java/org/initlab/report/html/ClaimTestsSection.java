package org.initlab.report.html;

import org.initlab.io.Escape;
import org.initlab.report.model.ClaimResult;
import org.initlab.report.model.Ranking;
import org.initlab.report.stats.Estimate;
import org.initlab.report.text.Values;
import org.initlab.study.Claim;
import org.initlab.study.ClaimMetric;

import java.util.List;

/**
 * The spec's claims, each tested on the runs: for every part (a pair of levels, or a bound) the
 * mean paired difference over seeds with its 95% interval, n, p and the Holm-adjusted p across all
 * the study's claims, and the verdict — supported, contradicted, inconclusive, or not evaluable
 * where the study has no runs for it.
 */
final class ClaimTestsSection implements Section {
    @Override
    public String id() {
        return "claims";
    }

    @Override
    public String heading(ReportInput in) {
        return "Claims tested";
    }

    @Override
    public String tocEntry(ReportInput in) {
        return "Claims";
    }

    @Override
    public boolean appliesTo(ReportInput in) {
        return !in.agg().data().manifest().claims().isEmpty();
    }

    @Override
    public void write(Page p, ReportInput in, List<RenderedFigure> figures) {
        List<ClaimResult> results = ClaimResult.of(in.agg());
        long supported = results.stream().filter(r -> r.verdict() == ClaimResult.Verdict.SUPPORTED).count();
        long contradicted = results.stream().filter(r -> r.verdict() == ClaimResult.Verdict.CONTRADICTED).count();
        long open = results.stream().filter(r -> r.verdict() == ClaimResult.Verdict.INCONCLUSIVE).count();
        long none = results.stream().filter(r -> r.verdict() == ClaimResult.Verdict.NOT_EVALUABLE).count();
        p.element("p", "", "The study's spec states " + results.size() + (results.size() == 1 ? " claim" : " claims") + " about its results. "
                + "Each comparison “A better than B” is tested on every configuration pair that differs only in that level, runs paired by "
                + "seed (same data order and random draws): per seed the differences are averaged over the pairs, and a paired t-test runs over "
                + "the seeds; a bound is a one-sample t-test of the per-seed values against it. All p-values of all claims are Holm-adjusted "
                + "together; a part is supported when its adjusted p ≤ " + Ranking.ALPHA + " and the difference points the claimed way. "
                + "Here: " + supported + " supported, " + contradicted + " contradicted, " + open + " inconclusive, " + none + " not evaluable.");
        if (in.agg().maxSeeds() < 2) p.element("p", "class=\"note\"", "One seed: no test is possible, so every claim is inconclusive. Run with --seeds 3 or more.");
        p.raw("<div class=\"table-wrap\"><table id=\"claims-table\">\n<thead><tr>");
        for (String h : List.of("claim", "metric", "test", "pairs", "n", "difference (95% CI)", "p", "Holm p", "verdict")) {
            p.element("th", h.equals("claim") || h.equals("metric") || h.equals("test") || h.equals("verdict") ? "class=\"text\"" : "", h);
        }
        p.raw("</tr></thead>\n");
        for (ClaimResult r : results) {
            Claim c = r.claim();
            p.raw("<tbody>\n<tr>");
            int span = Math.max(1, r.parts().size());
            p.raw("<td class=\"wrap\" rowspan=\"" + span + "\">").raw(badge(r.verdict())).text(c.text())
                    .raw("<br><span class=\"note\">").text(scope(c)).raw("</span></td>");
            p.raw("<td class=\"text\" rowspan=\"" + span + "\">").text(c.metric()).raw("</td>");
            if (r.parts().isEmpty()) {
                p.raw("<td class=\"text\" colspan=\"7\">").text(r.metric() == null ? "unknown metric " + c.metric() : "nothing to test").raw("</td></tr>\n");
            }
            for (int i = 0; i < r.parts().size(); i++) {
                ClaimResult.Part part = r.parts().get(i);
                if (i > 0) p.raw("<tr>");
                p.element("td", "class=\"text\"", part.than() != null ? part.better() + " vs " + part.than()
                        : part.better() + (part.atMost() ? " ≤ " : " ≥ ") + bound(part.bound(), r.metric()));
                SummarySection.cell(p, part.configurations(), Integer.toString(part.configurations()));
                SummarySection.cell(p, part.test().pairs(), Integer.toString(part.test().pairs()));
                Estimate d = part.test().difference();
                p.raw("<td>").text(difference(d, r.metric())).raw("</td>");
                SummarySection.cell(p, part.test().p(), part.test().tested() ? Values.p(part.test().p()).replace("p = ", "") : Values.NONE);
                SummarySection.cell(p, part.adjustedP(), Double.isNaN(part.adjustedP()) ? Values.NONE : Values.p(part.adjustedP()).replace("p = ", ""));
                p.raw("<td class=\"text\">").raw(badge(part.verdict()));
                if (!part.note().isEmpty()) p.raw("<span class=\"note\">").text(part.note()).raw("</span>");
                p.raw("</td></tr>\n");
            }
            p.raw("</tbody>\n");
        }
        p.raw("</table></div>\n");
        p.element("p", "class=\"note\"", "Difference: the mean over seeds of (better − than), or of (value − bound) for a bound, in percentage points "
                + "for fractions; its 95% t interval. Pairs: configuration pairs (configurations, for a bound) that entered; n: seeds. Metrics: "
                + String.join("; ", java.util.Arrays.stream(ClaimMetric.values()).map(m -> m.key() + " = " + m.description()
                        + (m.higherIsBetter() ? " (higher is better)" : " (lower is better)")).toList()) + ".");
    }

    private static String badge(ClaimResult.Verdict v) {
        String cls = switch (v) {
            case SUPPORTED -> "sig";
            case CONTRADICTED -> "fail";
            case INCONCLUSIVE -> "ns";
            case NOT_EVALUABLE -> "info";
        };
        return "<span class=\"badge " + cls + "\">" + Escape.html(v.word()) + "</span>";
    }

    /** "where activation tanh" or "everywhere". */
    private static String scope(Claim c) {
        if (c.where().isEmpty()) return "across the whole study";
        StringBuilder sb = new StringBuilder("where ");
        c.where().forEach((k, v) -> {
            if (sb.length() > 6) sb.append(", ");
            sb.append(k.replace('_', ' ')).append(' ').append(String.join(" or ", v));
        });
        return sb.toString();
    }

    private static String bound(double b, ClaimMetric m) {
        return m != null && m.isFraction() ? Values.fixed(100 * b, 1) + "%" : Values.significant(b);
    }

    private static String difference(Estimate d, ClaimMetric m) {
        if (d.isEmpty()) return Values.NONE;
        boolean fraction = m != null && m.isFraction();
        Estimate e = fraction ? d.scaled(100) : d;
        String unit = fraction ? " pts" : "";
        String mean = fraction ? Values.fixed(e.mean(), 2) : Values.significant(e.mean());
        if (!e.hasInterval()) return mean + unit;
        String lo = fraction ? Values.fixed(e.low(), 2) : Values.significant(e.low());
        String hi = fraction ? Values.fixed(e.high(), 2) : Values.significant(e.high());
        return mean + unit + " (" + lo + " to " + hi + ")";
    }
}
