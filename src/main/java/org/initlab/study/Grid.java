package org.initlab.study;

import org.initlab.UserError;
import org.initlab.study.factor.CriticalInit;
import org.initlab.study.factor.Factor;
import org.initlab.study.factor.Factors;
import org.initlab.study.factor.Level;
import org.initlab.study.factor.RunDraft;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Expands a study spec into its runs: full factorial per experiment, plus includes, minus excludes, times seeds. */
public final class Grid {
    /**
     * The most runs a grid may have unless the user raises it ({@code --max-runs}): a real study
     * has hundreds to a few thousand; expanding 2,000,000 took a minute and 5.8 GB before training
     * anything.
     */
    public static final long DEFAULT_MAX_RUNS = 100_000;

    private Grid() {}

    /** The limit {@code --max-runs N} sets ({@code null}: not given, the default); N below 1 is refused in one line. */
    public static long maxRuns(Long given) {
        if (given == null) return DEFAULT_MAX_RUNS;
        if (given < 1) throw new UserError("--max-runs must be 1 or more, got " + given);
        return given;
    }

    /** {@link #expand(StudySpec, long)} with the default limit. */
    public static List<PlannedRun> expand(StudySpec study) {
        return expand(study, DEFAULT_MAX_RUNS);
    }

    /**
     * The runs of {@code study}, refused before anything is built when {@link #size} exceeds
     * {@code maxRuns}.
     */
    public static List<PlannedRun> expand(StudySpec study, long maxRuns) {
        long size = size(study);
        if (size > maxRuns) {
            boolean excludes = study.experiments().stream().anyMatch(e -> !e.exclude().isEmpty());
            throw new UserError("study '" + study.name() + "': its grid would have " + (excludes ? "up to " : "")
                    + (size == Long.MAX_VALUE ? "more than " : "") + String.format("%,d", size) + " runs" + (excludes ? " (before excludes)" : "")
                    + ", more than the limit of " + String.format("%,d", maxRuns) + "; vary fewer factors or seeds, or raise the limit with --max-runs "
                    + (size == Long.MAX_VALUE ? "N" : Long.toString(size)));
        }
        return build(study);
    }

    /**
     * The number of runs the grid would have, from the level counts alone: per experiment the
     * product of its factors' level counts, plus for each include the product of the factors it
     * does not fix, times the seeds; summed over experiments. Excludes and runs shared between
     * experiments are not subtracted, so this is an upper bound (exact without them).
     * {@link Long#MAX_VALUE} when it overflows a long.
     */
    public static long size(StudySpec study) {
        try {
            long total = 0;
            for (Experiment exp : study.experiments()) {
                long combinations = levelProduct(exp, List.of());
                for (Map<Factor<?>, Level<?>> inc : exp.include()) combinations = Math.addExact(combinations, levelProduct(exp, inc.keySet()));
                total = Math.addExact(total, Math.multiplyExact(combinations, study.seeds().size()));
            }
            return total;
        } catch (ArithmeticException overflow) {
            return Long.MAX_VALUE;
        }
    }

    /** The product of the level counts of {@code exp}'s factors not in {@code fixed}. */
    private static long levelProduct(Experiment exp, java.util.Collection<Factor<?>> fixed) {
        long n = 1;
        for (Map.Entry<Factor<?>, List<Level<?>>> f : exp.factors().entrySet()) {
            if (!fixed.contains(f.getKey())) n = Math.multiplyExact(n, f.getValue().size());
        }
        return n;
    }

    private static List<PlannedRun> build(StudySpec study) {
        Map<String, PlannedRun> runs = new LinkedHashMap<>();
        CriticalInit critical = new CriticalInit(); // σ_w solved once per activation and bias
        for (Experiment exp : study.experiments()) {
            List<Map<Factor<?>, Level<?>>> assignments = new ArrayList<>();
            cross(exp, new ArrayList<>(exp.factors().keySet()), 0, new LinkedHashMap<>(exp.settings()), assignments);
            for (Map<Factor<?>, Level<?>> inc : exp.include()) {
                // an include fixes the factors it names and is crossed with the others
                Map<Factor<?>, Level<?>> start = new LinkedHashMap<>(exp.settings());
                start.putAll(inc);
                List<Factor<?>> rest = new ArrayList<>(exp.factors().keySet());
                rest.removeAll(inc.keySet());
                cross(exp, rest, 0, start, assignments);
            }
            assignments.removeIf(a -> exp.exclude().stream().anyMatch(x -> matches(a, x)));
            for (Map<Factor<?>, Level<?>> a : assignments) {
                for (long seed : study.seeds()) {
                    RunSpec spec = runSpec(study, exp, a, seed, critical);
                    String id = spec.id();
                    PlannedRun old = runs.get(id);
                    if (old == null) {
                        runs.put(id, new PlannedRun(id, spec, exp.probes(), labels(a, seed), List.of(exp.name())));
                    } else if (!old.experiments().contains(exp.name())) {
                        List<String> exps = new ArrayList<>(old.experiments());
                        exps.add(exp.name());
                        runs.put(id, new PlannedRun(id, spec, old.probes(), old.labels(), exps));
                    }
                }
            }
        }
        if (runs.isEmpty()) throw new UserError(study.name() + ": the grid is empty (every combination is excluded)");
        return List.copyOf(runs.values());
    }

    private static void cross(Experiment exp, List<Factor<?>> order, int i, Map<Factor<?>, Level<?>> current,
                              List<Map<Factor<?>, Level<?>>> out) {
        if (i == order.size()) {
            out.add(new LinkedHashMap<>(current));
            return;
        }
        Factor<?> f = order.get(i);
        for (Level<?> level : exp.factors().get(f)) {
            current.put(f, level);
            cross(exp, order, i + 1, current, out);
        }
        current.remove(f);
    }

    private static boolean matches(Map<Factor<?>, Level<?>> a, Map<Factor<?>, Level<?>> pattern) {
        for (Map.Entry<Factor<?>, Level<?>> e : pattern.entrySet()) {
            Level<?> l = a.get(e.getKey());
            if (l == null || !l.matchedBy(e.getValue())) return false;
        }
        return true;
    }

    /** Each factor's label in registry order (a level may label another factor's column too), then the seed. */
    private static Map<String, String> labels(Map<Factor<?>, Level<?>> a, long seed) {
        Map<String, String> out = new LinkedHashMap<>();
        for (Factor<?> f : Factors.all()) {
            Level<?> l = a.get(f);
            if (l != null) out.put(f.key(), l.label());
        }
        for (Factor<?> f : Factors.all()) {
            Level<?> l = a.get(f);
            if (l != null) out.putAll(l.otherLabels());
        }
        out.put("seed", Long.toString(seed));
        return out;
    }

    private static RunSpec runSpec(StudySpec study, Experiment exp, Map<Factor<?>, Level<?>> a, long seed, CriticalInit critical) {
        RunDraft draft = new RunDraft();
        for (Level<?> l : a.values()) l.applyTo(draft);
        RunDraft.Settled s = draft.settle(critical);
        return new RunSpec(study.data().dataset(), study.data().validationSize(), study.data().preprocessing(), study.data().classes(),
                s.hidden(), s.activation(), s.outputActivation(), s.initializer(), s.biasInitializer(), s.optimizer(),
                s.batchSize(), s.epochs(), seed, exp.evaluation().forTrainingBatch(s.batchSize()));
    }
}
