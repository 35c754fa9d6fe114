package org.initlab.study;

import org.initlab.UserError;
import org.initlab.optim.OptimizerSpec;
import org.initlab.optim.Optimizers;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Expands a study spec into its runs: full factorial per experiment, plus includes, minus excludes, times seeds. */
public final class Grid {
    private Grid() {}

    public static List<PlannedRun> expand(StudySpec study) {
        Map<String, PlannedRun> runs = new LinkedHashMap<>();
        Map<List<Component>, Component> critical = new java.util.HashMap<>(); // σ_w solved once per activation and bias
        for (Experiment exp : study.experiments()) {
            List<Map<Factor, Level>> assignments = new ArrayList<>();
            cross(exp, new ArrayList<>(exp.factors().keySet()), 0, new LinkedHashMap<>(exp.settings()), assignments);
            for (Map<Factor, Level> inc : exp.include()) {
                // an include fixes the factors it names and is crossed with the others
                Map<Factor, Level> start = new LinkedHashMap<>(exp.settings());
                start.putAll(inc);
                List<Factor> rest = new ArrayList<>(exp.factors().keySet());
                rest.removeAll(inc.keySet());
                cross(exp, rest, 0, start, assignments);
            }
            assignments.removeIf(a -> exp.exclude().stream().anyMatch(x -> matches(a, x)));
            for (Map<Factor, Level> a : assignments) {
                for (long seed : study.seeds()) {
                    RunSpec spec = runSpec(study, exp, a, seed, critical);
                    String id = RunSpecs.id(spec);
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

    private static void cross(Experiment exp, List<Factor> order, int i, Map<Factor, Level> current, List<Map<Factor, Level>> out) {
        if (i == order.size()) {
            out.add(new LinkedHashMap<>(current));
            return;
        }
        Factor f = order.get(i);
        for (Level level : exp.factors().get(f)) {
            current.put(f, level);
            cross(exp, order, i + 1, current, out);
        }
        current.remove(f);
    }

    private static boolean matches(Map<Factor, Level> a, Map<Factor, Level> pattern) {
        for (Map.Entry<Factor, Level> e : pattern.entrySet()) {
            Level l = a.get(e.getKey());
            if (l == null || !l.value().equals(e.getValue().value())) return false;
            if (e.getValue().bias() != null && !e.getValue().bias().equals(l.bias())) return false;
        }
        return true;
    }

    private static Map<String, String> labels(Map<Factor, Level> a, long seed) {
        Map<String, String> out = new LinkedHashMap<>();
        for (Factor f : Factor.values()) {
            Level l = a.get(f);
            if (l != null) out.put(f.key(), l.label());
        }
        Level init = a.get(Factor.INITIALIZER);
        if (init != null && init.bias() != null) out.put(Factor.BIAS_INITIALIZER.key(), init.bias().toString());
        out.put("seed", Long.toString(seed));
        return out;
    }

    @SuppressWarnings("unchecked")
    private static RunSpec runSpec(StudySpec study, Experiment exp, Map<Factor, Level> a, long seed, Map<List<Component>, Component> critical) {
        Level init = a.get(Factor.INITIALIZER);
        Component bias = init.bias() != null ? init.bias() : (Component) a.get(Factor.BIAS_INITIALIZER).value();
        Component optimizer = (Component) a.get(Factor.OPTIMIZER).value();
        Level lr = a.get(Factor.LEARNING_RATE);
        if (lr != null) {
            Map<String, Object> p = new TreeMap<>(optimizer.params());
            p.put("lr", lr.value());
            OptimizerSpec o = Optimizers.spec(optimizer.name(), p);
            optimizer = new Component(o.name(), o.params());
        }
        int batch = (Integer) a.get(Factor.BATCH_SIZE).value();
        Component initializer = (Component) init.value();
        if (CriticalInit.isAuto(initializer)) {
            Component activation = (Component) a.get(Factor.ACTIVATION).value();
            final Component b = bias;
            initializer = critical.computeIfAbsent(List.of(activation, bias), k -> CriticalInit.resolve(activation, b));
        }
        return new RunSpec(study.data().dataset(), study.data().validationSize(), study.data().preprocessing(),
                (List<Integer>) a.get(Factor.ARCHITECTURE).value(),
                (Component) a.get(Factor.ACTIVATION).value(),
                (Boolean) a.get(Factor.OUTPUT_ACTIVATION).value(),
                initializer, bias, optimizer,
                batch, (Integer) a.get(Factor.EPOCHS).value(), seed,
                exp.evaluation().forTrainingBatch(batch));
    }
}
