package org.initlab.serve;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The time left to train a study, from what its folder shows. A run still to do is expected to
 * take what the finished runs of its configuration (its labels but the seed) took on average,
 * else those of its first experiment, else all finished runs, else what the runs in training are
 * on course to take (their seconds per epoch so far × the epochs planned). A run in training has
 * left what it is on course to take minus what it has had. The runs in training now share the
 * work:
 * <pre>ETA = max(the longest time left of a run in training, total time left ÷ runs in training)</pre>
 * With no run in training there is no ETA (nothing is being trained).
 */
final class Eta {
    private Eta() {}

    /** Seconds left, or null; and in words what they rest on. */
    record Estimate(Double seconds, String basis) {}

    static Estimate of(List<RunState> runs, long nowMillis) {
        Map<String, double[]> byConfig = new HashMap<>(), byExperiment = new HashMap<>();
        double[] all = new double[2];
        int running = 0;
        double[] onCourse = new double[2];
        for (RunState r : runs) {
            if (r.status() == RunStatus.RUNNING) running++;
            if (r.status() == RunStatus.DONE && r.seconds() != null && !r.diverged()) {
                add(byConfig.computeIfAbsent(configuration(r), k -> new double[2]), r.seconds());
                add(byExperiment.computeIfAbsent(experiment(r), k -> new double[2]), r.seconds());
                add(all, r.seconds());
            }
            Double projected = projected(r);
            if (r.status() == RunStatus.RUNNING && projected != null) add(onCourse, projected);
        }
        if (running == 0) return new Estimate(null, "no run is training");
        if (all[1] == 0 && onCourse[1] == 0) return new Estimate(null, "no epoch timed yet");
        double total = 0, longest = 0;
        for (RunState r : runs) {
            double left;
            if (r.status() == RunStatus.RUNNING) {
                Double projected = projected(r);
                double expected = projected != null ? projected : expected(r, byConfig, byExperiment, all, onCourse);
                double had = r.seconds() == null ? 0 : r.seconds() + Math.max(0, nowMillis - r.updated()) / 1000.0;
                left = Math.max(0, expected - had);
                longest = Math.max(longest, left);
            } else if (r.status().toDo()) {
                left = expected(r, byConfig, byExperiment, all, onCourse);
            } else {
                continue;
            }
            total += left;
        }
        String basis = all[1] > 0 ? "from " + (long) all[1] + " finished run" + (all[1] == 1 ? "" : "s") + "' times"
                : "from the epochs timed so far";
        return new Estimate(Math.max(longest, total / running), basis);
    }

    /** Seconds a run in training is on course to take: seconds per epoch so far × epochs planned (epoch 0 is the start). */
    static Double projected(RunState r) {
        if (r.epoch() == null || r.epoch() < 1 || r.epochs() == null || r.seconds() == null) return null;
        return r.seconds() / r.epoch() * r.epochs();
    }

    private static double expected(RunState r, Map<String, double[]> byConfig, Map<String, double[]> byExperiment, double[] all,
                                   double[] onCourse) {
        double[] c = byConfig.get(configuration(r));
        if (c == null) c = byExperiment.get(experiment(r));
        if (c == null) c = all[1] > 0 ? all : onCourse;
        return c[0] / c[1];
    }

    private static void add(double[] sumCount, double v) {
        sumCount[0] += v;
        sumCount[1]++;
    }

    private static String configuration(RunState r) {
        TreeMap<String, String> labels = new TreeMap<>(r.labels());
        labels.remove("seed");
        return labels.toString();
    }

    private static String experiment(RunState r) {
        return r.experiments().isEmpty() ? "" : r.experiments().getFirst();
    }
}
