package org.initlab.report.text;

import org.initlab.report.model.Comparison;
import org.initlab.report.model.Ranking;
import org.initlab.report.model.RunGroup;
import org.initlab.report.model.Scenario;
import org.initlab.report.model.StudyAggregate;
import org.initlab.report.model.StudyDesign;
import org.initlab.report.model.TheoryView;
import org.initlab.report.stats.Estimate;

import java.util.ArrayList;
import java.util.List;

/**
 * The report's answers, one per research question (an experiment of the study: which level of its
 * primary factor is best, where, and why). Per scenario: the best member (chosen on validation as
 * in {@link Ranking}), its paired difference in final test accuracy to the runner-up with the 95%
 * interval of that mean difference and the Holm-adjusted p, and a "why" sentence built from what
 * the theory probe recorded at initialisation for the members: the pre-activation mean square
 * q¹ measured beside predicted, the per-layer gain χ = σ_w²·E[φ′(z)²] (Poole et al. 2016;
 * Schoenholz et al. 2017: χ = 1 is the critical line, below it gradients vanish with depth, above
 * it they explode), the dead (rectifier) or saturated (squashing) fraction of the worst hidden
 * layer measured beside predicted, and the first/last weight-gradient-norm ratio at the first
 * step measured beside predicted. No sentence is written by hand: every number is read from the
 * aggregate, and where the probe did not run (or the theory does not apply) the sentence says so.
 */
public final class Answers {
    private Answers() {}

    /** Members of a scenario described in its "why": all of them up to this many, else the best, the runner-up and the last. */
    static final int ALL_MEMBERS_UP_TO = 4;

    /** χ within this factor of 1 reads as "near critical". */
    static final double NEAR_CRITICAL = 1.15;

    /**
     * A research question and its answers.
     *
     * @param experiment the experiment's name
     * @param question   what it asks, from its description ("Initializer × activation (…)")
     * @param answers    one per scenario with two or more members, in the study's order
     */
    public record Question(String experiment, String question, List<Answer> answers) {
        public Question {
            answers = List.copyOf(answers);
        }
    }

    /**
     * The answer for one scenario.
     *
     * @param scenario    its title ("relu · sgd"), or the experiment's name when it has one scenario
     * @param best        the best member's level
     * @param verdict     "he is best: 1.23 points of test accuracy above xavier (95% CI 0.80 to 1.66, …)"
     * @param why         the mechanism from the recorded numbers and the theory ("" without the theory probe)
     * @param tested      whether there was a test (two or more paired seeds)
     * @param significant whether the best is significantly ahead of the runner-up (Holm within the scenario)
     */
    public record Answer(String scenario, String best, String verdict, String why, boolean tested, boolean significant) {}

    /** The questions of a study: its experiments with at least one scenario to rank, in order. */
    public static List<Question> of(StudyAggregate agg) {
        List<Question> out = new ArrayList<>();
        StudyDesign design = agg.design();
        for (StudyDesign.Experiment e : design.experiments()) {
            List<Answer> answers = new ArrayList<>();
            for (Ranking r : agg.rankings()) {
                if (r.scenario().experiments().contains(e.name())) answers.add(answer(design, r));
            }
            if (answers.isEmpty()) continue;
            String primary = e.primary().replace('_', ' ');
            String question = e.description() == null || e.description().isBlank()
                    ? "Which " + primary + " is best, where, and why?" : e.description();
            out.add(new Question(e.name(), question, answers));
        }
        return out;
    }

    /** The verdict and the why of one ranked scenario. */
    public static Answer answer(StudyDesign design, Ranking r) {
        Scenario s = r.scenario();
        String best = s.level(r.best().group());
        Comparison c = r.runnerUp();
        return new Answer(s.title(design), best, verdict(r), why(r), c != null && c.tested(), c != null && c.significant() && c.test().difference().mean() > 0);
    }

    /**
     * "he is best: 1.23 points of test accuracy above xavier, the runner-up (95% CI 0.80 to 1.66,
     * paired over 5 seeds; Holm-adjusted p = 0.003)". The difference is the mean over seeds of
     * best − runner-up, the interval Student's t on those differences ({@link org.initlab.report.stats.PairedTTest}).
     */
    static String verdict(Ranking r) {
        Comparison c = r.runnerUp();
        String best = r.scenario().level(r.best().group());
        String acc = " (" + Values.fixed(r.best().accuracy().mean(), 2) + "% test accuracy)";
        if (c == null) return best + " is the only member" + acc + ".";
        String other = r.scenario().level(c.other());
        String chosen = r.byValidation() ? " on validation" : "";
        Estimate d = c.test().difference();
        int pairs = c.test().pairs();
        if (pairs == 0) {
            return best + " is best" + chosen + acc + "; it shares no seed with " + other + ", the runner-up, so there is no paired difference.";
        }
        double margin = d.mean();
        String ahead = margin >= 0
                ? ": " + Values.points(margin) + " points of test accuracy above " + other + ", the runner-up"
                : ", but on test it is " + Values.points(-margin) + " points below " + other + ", the runner-up";
        String interval = d.hasInterval()
                ? "95% CI " + Values.points(d.low()) + " to " + Values.points(d.high()) + ", paired over " + pairs + " seeds; Holm-adjusted " + Values.p(c.adjustedP())
                : "one paired seed: no interval, no test";
        String conclusion;
        if (!c.tested()) conclusion = " Not a claim: run more seeds.";
        else if (c.significant() && margin > 0) conclusion = "";
        else conclusion = " Not significant: the runner-up may be as good.";
        return best + " is best" + chosen + acc + ahead + " (" + interval + ")." + conclusion;
    }

    /**
     * The mechanism, member by member, from the theory probe's numbers at initialisation, and
     * whether the best is also the member the theory favours (χ closest to 1 on a log scale).
     */
    static String why(Ranking r) {
        List<Ranking.Standing> order = r.order();
        List<Ranking.Standing> shown = new ArrayList<>();
        if (order.size() <= ALL_MEMBERS_UP_TO) shown.addAll(order);
        else {
            shown.add(order.getFirst());
            shown.add(order.get(1));
            shown.add(order.getLast());
        }
        List<String> parts = new ArrayList<>();
        for (Ranking.Standing st : shown) {
            String facts = facts(new TheoryView(st.group()));
            if (facts != null) parts.add(r.scenario().level(st.group()) + ": " + facts);
        }
        if (parts.isEmpty()) return "";
        String sentence = "at initialisation, " + String.join("; ", parts) + ".";
        Ranking.Standing favoured = favoured(r);
        if (favoured != null) {
            String name = r.scenario().level(favoured.group());
            sentence += favoured == r.best()
                    ? " The best is also the one the theory favours: its χ is closest to 1, so signals and gradients keep their scale through depth."
                    : " The theory favours " + name + " (χ closest to 1), not the best; it reached " + Values.fixed(favoured.accuracy().mean(), 2)
                            + "% test accuracy, " + Values.points(r.best().accuracy().mean() - favoured.accuracy().mean()) + " points below the best.";
        }
        return sentence;
    }

    /** Facts about one configuration at initialisation (means over its seeds), or null without the theory probe. */
    static String facts(TheoryView v) {
        if (!v.recorded()) return null;
        List<String> out = new ArrayList<>();
        boolean predicts = v.predicts();
        int hidden = Math.max(0, v.layers() - 1);
        Estimate q1 = v.measured(0, TheoryView.Quantity.PREACT_SECOND_MOMENT);
        if (!q1.isEmpty()) {
            out.add("q¹ = " + Values.significant(q1.mean()) + predicted(v.predicted(0, TheoryView.Quantity.PREACT_SECOND_MOMENT), false));
        }
        double chi = meanChi(v);
        if (hidden >= 2 && Double.isFinite(chi)) {
            String regime = chi < 1 / NEAR_CRITICAL ? "ordered: gradients shrink layer by layer"
                    : chi > NEAR_CRITICAL ? "chaotic: gradients grow backwards" : "near critical";
            out.add("χ ≈ " + Values.significant(chi) + " per layer (" + regime + ")");
        }
        String inactive = inactive(v, hidden, TheoryView.Quantity.SATURATED_FRACTION, "saturated");
        if (inactive == null) inactive = inactive(v, hidden, TheoryView.Quantity.DEAD_FRACTION, "dead");
        if (inactive != null) out.add(inactive);
        Estimate ratio = v.measured(TheoryView.RunQuantity.GRAD_NORM_RATIO);
        if (!ratio.isEmpty()) {
            String last = "layer " + v.layers();
            String measured = ratio.mean() == 0 ? "no gradient reaches layer 1's weights at the first step"
                    : "the gradient of layer 1's weights is " + Values.significant(ratio.mean()) + " × that of " + last + "'s at the first step";
            out.add(measured + predicted(v.predicted(TheoryView.RunQuantity.GRAD_NORM_RATIO), false));
        }
        if (!predicts) {
            String basis = v.basis();
            out.add("no prediction (" + (basis.startsWith("not applicable: ") ? basis.substring("not applicable: ".length()) : basis) + ")");
        }
        return out.isEmpty() ? null : String.join(", ", out);
    }

    /**
     * The hidden layer with the largest measured fraction of inactive units: "86% of layer-1
     * activations saturated (predicted 85%)". Only rectifier layers record dead units and only
     * squashing ones saturated activations, so at most one of the two is found.
     */
    private static String inactive(TheoryView v, int hidden, TheoryView.Quantity q, String word) {
        int worst = -1;
        double most = -1;
        for (int l = 0; l < hidden; l++) {
            Estimate m = v.measured(l, q);
            if (!m.isEmpty() && m.mean() > most) {
                most = m.mean();
                worst = l;
            }
        }
        if (worst < 0) return null;
        Estimate p = v.predicted(worst, q);
        return percent(most) + " of layer-" + (worst + 1) + (q == TheoryView.Quantity.DEAD_FRACTION ? " units " : " activations ") + word
                + predicted(p, true);
    }

    /** " (predicted 85%)" / " (predicted 78.2)", or "" without a prediction. */
    private static String predicted(Estimate p, boolean fraction) {
        if (p.isEmpty()) return "";
        return " (predicted " + (fraction ? percent(p.mean()) : Values.significant(p.mean())) + ")";
    }

    /** "86%", "0.7%", "< 0.1%", "0%". */
    static String percent(double f) {
        double pc = 100 * f;
        if (pc > 0 && pc < 0.05) return "< 0.1%";
        return (pc > 0 && pc < 1 ? Values.fixed(pc, 1) : Values.fixed(pc, 0)) + "%";
    }

    /** The geometric mean of the predicted χ over the hidden-to-hidden layers (2 … L−1), NaN without predictions. */
    static double meanChi(TheoryView v) {
        double logs = 0;
        int n = 0;
        for (int l = 1; l < v.layers() - 1; l++) {
            double c = v.chi(l).mean();
            if (!(c > 0) || !Double.isFinite(c)) continue;
            logs += Math.log(c);
            n++;
        }
        return n == 0 ? Double.NaN : Math.exp(logs / n);
    }

    /** The member whose mean χ is closest to 1 on a log scale, or null when fewer than two members have one or the networks are too shallow. */
    static Ranking.Standing favoured(Ranking r) {
        Ranking.Standing best = null;
        double closest = Double.POSITIVE_INFINITY;
        int with = 0;
        for (Ranking.Standing st : r.order()) {
            double chi = meanChi(new TheoryView(st.group()));
            if (!Double.isFinite(chi)) continue;
            with++;
            double d = Math.abs(Math.log(chi));
            if (d < closest) {
                closest = d;
                best = st;
            }
        }
        return with >= 2 ? best : null;
    }

    /** Whether any configuration of the study was watched by the theory probe. */
    public static boolean theoryRecorded(StudyAggregate agg) {
        for (RunGroup g : agg.groups()) if (new TheoryView(g).recorded()) return true;
        return false;
    }
}
