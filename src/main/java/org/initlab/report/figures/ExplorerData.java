package org.initlab.report.figures;

import org.initlab.io.JsonFormat;
import org.initlab.report.model.Curve;
import org.initlab.report.model.HistogramSum;
import org.initlab.report.model.LayerView;
import org.initlab.report.model.Metric;
import org.initlab.report.model.Ranking;
import org.initlab.report.model.RunGroup;
import org.initlab.report.model.Scenario;
import org.initlab.report.model.StudyAggregate;
import org.initlab.report.plot.LinePanel;
import org.initlab.report.stats.Estimate;
import org.initlab.study.RunRecord;
import org.initlab.train.EpochRecord;
import org.initlab.train.Histogram;
import org.initlab.train.RunResult;
import org.initlab.train.Value;
import org.initlab.train.probe.ActivationStatistics;
import org.initlab.train.probe.MinibatchLoss;
import org.initlab.train.probe.WeightStatistics;

import java.math.BigDecimal;
import java.math.MathContext;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The data of the page's interactive curves, as JSON: per scenario and member, each metric per
 * epoch (mean and 95% interval over seeds, and every seed), the minibatch losses of every seed,
 * the paired difference from the scenario's best, and the layers' weight and activation
 * histograms at every epoch (seeds summed). Scenarios are added in the spec's order while they
 * fit the byte budget; the page says how many did. Numbers keep four significant digits.
 */
public final class ExplorerData {
    private ExplorerData() {}

    /** Bytes of JSON the page embeds at most (with the figures and the library it stays under 10 MB). */
    public static final long BUDGET = 1_500_000;
    /** Minibatch losses per run at most: past it, consecutive recorded losses are averaged in blocks. */
    static final int MAX_STEPS = 800;
    /** Bars per layer histogram at most (the stored bins merged). */
    static final int MAX_BINS = 60;

    /** The JSON and how many scenarios it holds of how many. */
    public record Result(String json, int shown, int scenarios, long bytes) {}

    public static Result of(FigureInput in, long budget) {
        StudyAggregate agg = in.agg();
        List<String> parts = new ArrayList<>();
        long bytes = 0;
        int shown = 0, all = 0;
        boolean full = false;
        for (Scenario s : agg.scenarios()) {
            all++;
            if (full) continue;
            String part = JsonFormat.inOrder(scenario(agg, in.colours(), s));
            long size = part.getBytes(StandardCharsets.UTF_8).length + 1;
            // scenarios in order: the first that does not fit ends the list
            if (bytes + size > budget) {
                full = true;
                continue;
            }
            parts.add(part);
            bytes += size;
            shown++;
        }
        Map<String, Object> head = new LinkedHashMap<>();
        head.put("shown", shown);
        head.put("of", all);
        head.put("maxSteps", MAX_STEPS);
        head.put("histogramBase", Histogram.SCALE);
        String json = JsonFormat.inOrder(head);
        json = json.substring(0, json.length() - 1) + ",\"scenarios\":[" + String.join(",", parts) + "]}";
        return new Result(json, shown, all, json.getBytes(StandardCharsets.UTF_8).length);
    }

    private static Map<String, Object> scenario(StudyAggregate agg, SeriesColours colours, Scenario s) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("title", String.join(", ", s.experiments()) + ": " + s.title(agg.design()));
        List<Metric> metrics = TrainingCurves.metrics(List.of(s));
        Metric accuracy = metrics.stream().filter(Metric::isAccuracy).findFirst().orElse(Metric.TEST_ACCURACY);
        out.put("accuracy", accuracy.title());
        Ranking r = agg.rankings().stream().filter(rk -> rk.scenario().equals(s)).findFirst().orElse(null);
        RunGroup best = r == null ? null : r.best().group();
        out.put("best", best == null ? null : s.level(best));
        List<LinePanel.Line> differences = best == null ? List.of() : TrainingCurves.differences(s, best, accuracy, colours);
        List<Object> members = new ArrayList<>();
        // steps per epoch from any run of the scenario that completed (its members share data and batch size)
        double scenarioSteps = stepsPerEpoch(s.members().stream().flatMap(g -> g.runs().stream()).toList());
        for (int k = 0; k < s.members().size(); k++) {
            RunGroup g = s.members().get(k);
            String level = s.level(g);
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("level", level);
            m.put("colour", colours.colour(s.primary(), level).hex());
            m.put("dash", colours.dash(s.primary(), level));
            m.put("marker", colours.marker(s.primary(), level).name().toLowerCase(java.util.Locale.ROOT));
            m.put("seeds", g.runs().stream().map(run -> run.labels().getOrDefault("seed", Long.toString(run.spec().seed()))).toList());
            m.put("diverged", g.runs().stream().map(run -> run.result().diverged()).toList());
            // where seeds diverged: the epoch (per-epoch charts: the mean is over fewer seeds from it) and the step as training progress (minibatch chart)
            double perEpoch = scenarioSteps;
            List<Object> where = new ArrayList<>();
            g.divergences().forEach((seed, d) -> where.add(Map.of("seed", seed, "epoch", d.epoch(),
                    "progress", perEpoch > 0 ? Math.max(0, d.step() / perEpoch) : d.epoch(), "text", "seed " + seed + " diverged " + d.where())));
            m.put("divergences", where);
            Map<String, Object> curves = new LinkedHashMap<>();
            for (Metric metric : List.of(Metric.TRAIN_LOSS, Metric.VALIDATION_LOSS, Metric.TEST_LOSS, accuracy)) {
                Curve c = Curve.reported(metric, g.runs());
                curves.put(key(metric), curve(c.epochs(), c.values(), g.runs(), metric));
            }
            if (!differences.isEmpty()) {
                LinePanel.Line d = differences.get(k);
                curves.put("difference", Map.of("x", round(d.x()), "m", round(d.y()), "l", d.low() == null ? round(d.y()) : round(d.low()),
                        "h", d.high() == null ? round(d.y()) : round(d.high())));
            }
            m.put("curves", curves);
            m.put("steps", steps(g.runs(), scenarioSteps));
            m.put("layers", layers(g));
            members.add(m);
        }
        out.put("members", members);
        return out;
    }

    static String key(Metric m) {
        return m.isAccuracy() ? "accuracy" : m.name().toLowerCase(java.util.Locale.ROOT);
    }

    /** x, mean, low, high, n (the seeds behind each mean), and per seed its value at each x (null where it has none). */
    private static Map<String, Object> curve(double[] x, Estimate[] e, List<RunRecord> runs, Metric metric) {
        int n = x.length;
        double[] m = new double[n], l = new double[n], h = new double[n];
        for (int i = 0; i < n; i++) {
            m[i] = e[i].mean();
            l[i] = e[i].low();
            h[i] = e[i].high();
        }
        List<Object> seeds = new ArrayList<>();
        for (RunRecord r : runs) {
            double[] v = new double[n];
            for (int i = 0; i < n; i++) {
                v[i] = Double.NaN;
                for (EpochRecord rec : r.result().epochs()) if (rec.epoch() == (int) x[i]) v[i] = metric.of(rec);
            }
            seeds.add(round(v));
        }
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("x", round(x));
        out.put("m", round(m));
        out.put("l", round(l));
        out.put("h", round(h));
        out.put("n", java.util.Arrays.stream(e).map(Estimate::n).toList());
        out.put("seeds", seeds);
        return out;
    }

    /**
     * Each seed's recorded minibatch losses against training progress in epochs (step / steps
     * per epoch); past {@link #MAX_STEPS}, blocks of consecutive ones averaged (stated as "every").
     */
    private static Map<String, Object> steps(List<RunRecord> runs, double stepsPerEpoch) {
        double perEpoch = stepsPerEpoch > 0 ? stepsPerEpoch : Math.max(1, runs.getFirst().result().steps());
        List<Object> seeds = new ArrayList<>();
        int every = 1;
        for (RunRecord r : runs) {
            List<Double> atList = new ArrayList<>(), lossList = new ArrayList<>();
            for (EpochRecord rec : r.result().epochs()) {
                Value.Numbers st = rec.values().numbers(MinibatchLoss.STEP.name()), lo = rec.values().numbers(MinibatchLoss.LOSS.name());
                if (st == null || lo == null) continue;
                for (double v : st.values()) atList.add(v);
                for (double v : lo.values()) lossList.add(v);
            }
            double[] at = atList.stream().mapToDouble(Double::doubleValue).toArray();
            Double[] loss = lossList.toArray(Double[]::new);
            int n = at == null ? 0 : at.length, k = Math.max(1, (n + MAX_STEPS - 1) / MAX_STEPS);
            every = Math.max(every, k);
            int m = (n + k - 1) / k;
            double[] x = new double[m], y = new double[m];
            for (int j = 0; j < m; j++) {
                double sx = 0, sy = 0;
                int c = 0;
                for (int i = j * k; i < Math.min(n, (j + 1) * k); i++) {
                    sx += at[i];
                    if (loss[i] != null && Double.isFinite(loss[i])) {
                        sy += loss[i];
                        c++;
                    }
                }
                x[j] = sx / Math.min(k, n - j * k) / perEpoch;
                y[j] = c == 0 ? Double.NaN : sy / c;
            }
            seeds.add(Map.of("x", round(x), "y", round(y)));
        }
        return Map.of("every", every, "seeds", seeds);
    }

    /** Optimizer steps per epoch, from the runs that completed (0 when none did). */
    static double stepsPerEpoch(List<RunRecord> runs) {
        double perEpoch = 0;
        for (RunRecord r : runs) {
            RunResult res = r.result();
            int epochs = res.epochs().getLast().epoch();
            if (!res.diverged() && epochs > 0) perEpoch = Math.max(perEpoch, (double) res.steps() / epochs);
        }
        return perEpoch;
    }

    /** Per layer: its name, the bar edges, and at each epoch the weights' and activations' shares per bar (seeds summed). */
    private static List<Object> layers(RunGroup g) {
        LayerView v = new LayerView(g);
        List<Object> out = new ArrayList<>();
        int last = 0;
        for (RunRecord r : g.runs()) last = Math.max(last, r.result().epochs().getLast().epoch());
        for (int l = 0; l < v.layers().size(); l++) {
            Map<String, Object> layer = new LinkedHashMap<>();
            layer.put("name", LayerFigures.layerTitle(v, l));
            for (var kind : List.of(Map.entry("weights", WeightStatistics.WEIGHT_HISTOGRAM.name()),
                    Map.entry("activations", ActivationStatistics.ACT_HISTOGRAM.name()))) {
                List<Integer> epochs = new ArrayList<>();
                List<HistogramSum> sums = new ArrayList<>();
                for (int e = 0; e <= last; e++) {
                    List<Histogram> hs = new ArrayList<>();
                    for (RunRecord r : g.runs()) {
                        for (EpochRecord rec : r.result().epochs()) {
                            Histogram h = rec.epoch() == e && l < rec.layers().size() ? rec.layers().get(l).values().histogram(kind.getValue()) : null;
                            if (h != null) hs.add(h);
                        }
                    }
                    if (hs.isEmpty()) continue;
                    epochs.add(e);
                    sums.add(HistogramSum.of(hs));
                }
                int lo = Integer.MAX_VALUE, hi = -1;
                for (HistogramSum h : sums) {
                    int[] r = h.range();
                    if (r == null) continue;
                    lo = Math.min(lo, r[0]);
                    hi = Math.max(hi, r[1]);
                }
                if (hi < 0) continue;
                List<Object> shares = new ArrayList<>();
                double[] edges = null;
                for (HistogramSum h : sums) {
                    HistogramSum.Binned b = h.coarse(lo, hi, MAX_BINS);
                    edges = b.edges();
                    shares.add(round(b.shares()));
                }
                layer.put(kind.getKey(), Map.of("epochs", epochs, "edges", round(edges), "shares", shares));
            }
            out.add(layer);
        }
        return out;
    }

    private static final MathContext FOUR_DIGITS = new MathContext(4);

    /** Four significant digits; NaN and infinities as null. */
    static List<Double> round(double[] v) {
        List<Double> out = new ArrayList<>(v.length);
        for (double x : v) out.add(Double.isFinite(x) ? (x == 0 ? 0.0 : new BigDecimal(x).round(FOUR_DIGITS).doubleValue()) : null);
        return out;
    }
}
