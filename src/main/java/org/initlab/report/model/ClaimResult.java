package org.initlab.report.model;

import org.initlab.report.stats.Holm;
import org.initlab.report.stats.PairedTTest;
import org.initlab.study.Claim;
import org.initlab.study.ClaimMetric;
import org.initlab.study.RunRecord;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A study's claim tested on its runs. A comparison "b better than t" is one part per pair of
 * levels (b, t): every configuration with level b within {@code where} is paired with the
 * configuration that differs from it only in that level (and in factors that follow it, such as a
 * bias initializer an initializer brings), and runs are paired by seed, which fixes data order
 * and random draws. Per seed the differences b − t are averaged over the configuration pairs, and
 * Student's paired t-test runs over the seeds. A bound "level at most/at least B" is the one-sample
 * t-test of the per-seed mean (over the level's configurations) against B. The p-values of every
 * part of every claim of the study are Holm-adjusted together; a part is supported when its
 * adjusted p ≤ {@link Ranking#ALPHA} and the difference points the claimed way, contradicted when
 * it is significant the other way, and inconclusive otherwise.
 *
 * @param verdict supported when every part is, contradicted when any part is, not evaluable when
 *                no part could be tested on runs, else inconclusive
 */
public record ClaimResult(Claim claim, ClaimMetric metric, List<Part> parts, Verdict verdict) {
    public enum Verdict {
        SUPPORTED("supported"), CONTRADICTED("contradicted"), INCONCLUSIVE("inconclusive"), NOT_EVALUABLE("not evaluable");

        private final String word;

        Verdict(String word) { this.word = word; }

        public String word() { return word; }
    }

    /**
     * One test of a claim.
     *
     * @param better         the level claimed better, or the bounded level
     * @param than           the level it is claimed better than (null for a bound)
     * @param bound          the bound (NaN for a comparison)
     * @param atMost         for a bound: at most (else at least)
     * @param configurations configuration pairs (or configurations, for a bound) that entered
     * @param test           the paired test over seeds: mean of better − than (or of value − bound)
     * @param adjustedP      Holm-adjusted over the study's claims (NaN untested)
     * @param note           why it was not tested, or "" when it was
     */
    public record Part(String better, String than, double bound, boolean atMost, int configurations, PairedTTest test,
                       double adjustedP, Verdict verdict, String note) {
        Part withAdjusted(double p, ClaimMetric metric) {
            if (!test.tested() || Double.isNaN(p)) {
                String why = !note.isEmpty() ? note : test.pairs() == 1 ? "one seed: no test" : "no seed with both";
                return new Part(better, than, bound, atMost, configurations, test, Double.NaN,
                        configurations == 0 || test.pairs() == 0 ? Verdict.NOT_EVALUABLE : Verdict.INCONCLUSIVE, why);
            }
            double d = test.difference().mean();
            boolean claimedWay = than != null ? (metric.higherIsBetter() ? d > 0 : d < 0) : (atMost ? d < 0 : d > 0);
            Verdict v = p > Ranking.ALPHA ? Verdict.INCONCLUSIVE : claimedWay ? Verdict.SUPPORTED : Verdict.CONTRADICTED;
            return new Part(better, than, bound, atMost, configurations, test, p, v, note);
        }
    }

    /** Every claim of the study, tested, in the spec's order. */
    public static List<ClaimResult> of(StudyAggregate agg) {
        List<Claim> claims = agg.data().manifest().claims();
        List<List<Part>> raw = new ArrayList<>();
        List<Double> ps = new ArrayList<>();
        for (Claim c : claims) {
            ClaimMetric m = ClaimMetric.find(c.metric());
            List<Part> parts = m == null ? List.of() : parts(c, m, agg);
            raw.add(parts);
            for (Part p : parts) ps.add(p.test().tested() ? p.test().p() : Double.NaN);
        }
        double[] adjusted = Holm.adjust(ps.stream().mapToDouble(Double::doubleValue).toArray());
        List<ClaimResult> out = new ArrayList<>();
        int k = 0;
        for (int i = 0; i < claims.size(); i++) {
            Claim c = claims.get(i);
            ClaimMetric m = ClaimMetric.find(c.metric());
            List<Part> parts = new ArrayList<>();
            for (Part p : raw.get(i)) parts.add(p.withAdjusted(adjusted[k++], m));
            out.add(new ClaimResult(c, m, parts, verdict(parts)));
        }
        return out;
    }

    private static Verdict verdict(List<Part> parts) {
        if (parts.isEmpty() || parts.stream().allMatch(p -> p.verdict() == Verdict.NOT_EVALUABLE)) return Verdict.NOT_EVALUABLE;
        if (parts.stream().anyMatch(p -> p.verdict() == Verdict.CONTRADICTED)) return Verdict.CONTRADICTED;
        if (parts.stream().allMatch(p -> p.verdict() == Verdict.SUPPORTED)) return Verdict.SUPPORTED;
        return Verdict.INCONCLUSIVE;
    }

    private static List<Part> parts(Claim c, ClaimMetric m, StudyAggregate agg) {
        List<RunGroup> within = agg.groups().stream().filter(g -> matches(g.configuration(), c.where())).toList();
        List<Part> parts = new ArrayList<>();
        if (c.comparesLevels()) {
            List<String> followers = followers(c.factor(), agg.groups());
            for (String b : c.better()) for (String t : c.than()) parts.add(comparison(c, m, b, t, within, followers));
        } else {
            if (c.atMost() != null) parts.add(bound(c, m, c.atMost(), true, within));
            if (c.atLeast() != null) parts.add(bound(c, m, c.atLeast(), false, within));
        }
        return parts;
    }

    private static Part comparison(Claim c, ClaimMetric m, String b, String t, List<RunGroup> within, List<String> followers) {
        Map<Map<String, String>, RunGroup> others = new LinkedHashMap<>();
        for (RunGroup g : within) if (t.equals(g.configuration().get(c.factor()))) others.put(key(g.configuration(), c.factor(), followers), g);
        // per seed: sums of the better and the other's values over the configuration pairs that have both
        Map<String, double[]> bySeed = new TreeMap<>();
        int pairs = 0;
        boolean anyBetter = false;
        for (RunGroup g : within) {
            if (!b.equals(g.configuration().get(c.factor()))) continue;
            anyBetter = true;
            RunGroup o = others.get(key(g.configuration(), c.factor(), followers));
            if (o == null) continue;
            pairs++;
            Map<String, RunRecord> theirs = o.bySeed();
            g.bySeed().forEach((seed, run) -> {
                RunRecord other = theirs.get(seed);
                double x = m.of(run), y = other == null ? Double.NaN : m.of(other);
                if (!Double.isFinite(x) || !Double.isFinite(y)) return;
                double[] acc = bySeed.computeIfAbsent(seed, s -> new double[3]);
                acc[0] += x;
                acc[1] += y;
                acc[2]++;
            });
        }
        String note = !anyBetter ? "no runs with " + c.factor() + " " + b + where(c)
                : pairs == 0 ? "no runs with " + c.factor() + " " + t + " to pair with " + b + where(c)
                : bySeed.isEmpty() ? "no seed has " + m.key() + " for both" : "";
        return new Part(b, t, Double.NaN, false, pairs, test(bySeed, null), Double.NaN, Verdict.INCONCLUSIVE, note);
    }

    private static Part bound(Claim c, ClaimMetric m, double bound, boolean atMost, List<RunGroup> within) {
        Map<String, double[]> bySeed = new TreeMap<>();
        int configurations = 0;
        for (RunGroup g : within) {
            if (!c.level().equals(g.configuration().get(c.factor()))) continue;
            configurations++;
            g.bySeed().forEach((seed, run) -> {
                double x = m.of(run);
                if (!Double.isFinite(x)) return;
                double[] acc = bySeed.computeIfAbsent(seed, s -> new double[3]);
                acc[0] += x;
                acc[1] += bound;
                acc[2]++;
            });
        }
        String note = configurations == 0 ? "no runs with " + c.factor() + " " + c.level() + where(c)
                : bySeed.isEmpty() ? "no run has " + m.key() : "";
        return new Part(c.level(), null, bound, atMost, configurations, test(bySeed, bound), Double.NaN, Verdict.INCONCLUSIVE, note);
    }

    /** The paired test of the per-seed means. */
    private static PairedTTest test(Map<String, double[]> bySeed, Double bound) {
        double[] a = new double[bySeed.size()], b = new double[bySeed.size()];
        int i = 0;
        for (double[] acc : bySeed.values()) {
            a[i] = acc[0] / acc[2];
            b[i++] = bound != null ? bound : acc[1] / acc[2];
        }
        return PairedTTest.of(a, b);
    }

    private static boolean matches(Configuration c, Map<String, List<String>> where) {
        for (Map.Entry<String, List<String>> e : where.entrySet()) {
            String label = c.get(e.getKey());
            if (label == null || !e.getValue().contains(label)) return false;
        }
        return true;
    }

    /** The labels that pair two configurations: all but the claim's factor and the factors that follow it. */
    private static Map<String, String> key(Configuration c, String factor, List<String> followers) {
        Map<String, String> k = new TreeMap<>(c.labels());
        k.remove(factor);
        for (String f : followers) k.remove(f);
        return k;
    }

    /**
     * Factors whose level is fixed by the claim factor's level throughout the study and that take
     * more than one level: they change with it, so configurations are paired across them.
     */
    static List<String> followers(String factor, List<RunGroup> groups) {
        Map<String, Map<String, String>> seen = new LinkedHashMap<>();
        Map<String, java.util.Set<String>> levels = new LinkedHashMap<>();
        java.util.Set<String> broken = new java.util.HashSet<>();
        for (RunGroup g : groups) {
            String f = g.configuration().get(factor);
            if (f == null) continue;
            g.configuration().labels().forEach((k, v) -> {
                if (k.equals(factor)) return;
                levels.computeIfAbsent(k, x -> new java.util.HashSet<>()).add(v);
                String old = seen.computeIfAbsent(k, x -> new LinkedHashMap<>()).putIfAbsent(f, v);
                if (old != null && !old.equals(v)) broken.add(k);
            });
        }
        List<String> out = new ArrayList<>();
        levels.forEach((k, ls) -> {
            if (ls.size() > 1 && !broken.contains(k)) out.add(k);
        });
        return out;
    }

    private static String where(Claim c) {
        if (c.where().isEmpty()) return "";
        List<String> parts = new ArrayList<>();
        c.where().forEach((k, v) -> parts.add(k + " " + String.join("/", v)));
        return " where " + String.join(", ", parts);
    }
}
