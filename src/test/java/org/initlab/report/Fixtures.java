package org.initlab.report;

import org.initlab.catalog.Component;
import org.initlab.study.RunRecord;
import org.initlab.study.RunSpec;
import org.initlab.study.StudyManifest;
import org.initlab.study.StudySpec;
import org.initlab.train.EpochRecord;
import org.initlab.train.Evaluation;
import org.initlab.train.Histogram;
import org.initlab.train.LayerRecord;
import org.initlab.train.NamedValues;
import org.initlab.train.ProbeSettings;
import org.initlab.train.RunResult;
import org.initlab.train.Summary;
import org.initlab.train.Value;
import org.initlab.train.probe.ActivationStatistics;
import org.initlab.train.probe.DeadUnits;
import org.initlab.train.probe.GradientNorms;
import org.initlab.train.probe.MeanFieldTheory;
import org.initlab.train.probe.MinibatchLoss;
import org.initlab.train.probe.Probes;
import org.initlab.train.probe.UpdateRatio;
import org.initlab.train.probe.WeightStatistics;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Hand-made run records with chosen numbers, for tests that must know the right answer: a
 * 784-8-4-10 net whose per-epoch accuracies and losses are given, and whose layers are summarised
 * from a fixed draw.
 */
public final class Fixtures {
    private Fixtures() {}

    public static final List<Integer> HIDDEN = List.of(8, 4);

    /** A run's labels: the given factors plus seed. */
    public static Map<String, String> labels(String initializer, String activation, long seed) {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("initializer", initializer);
        m.put("activation", activation);
        m.put("architecture", "8-4");
        m.put("seed", Long.toString(seed));
        return m;
    }

    /**
     * A finished run: validation and test accuracy per epoch (index 0 = initialisation), losses
     * derived from them; {@code divergedAt} &gt; 0 makes it diverge in that epoch (its last record).
     */
    public static RunRecord run(String id, Map<String, String> labels, List<String> experiments, double[] validationAccuracy,
                                double[] testAccuracy, int divergedAt) {
        SplittableRandom rng = new SplittableRandom(Long.parseLong(labels.get("seed")) * 31 + id.hashCode());
        List<List<LayerRecord>> layers = new ArrayList<>();
        for (int e = 0; e < validationAccuracy.length; e++) layers.add(layers(rng, 0.05 * (1 + e * 0.1)));
        return run(id, labels, experiments, validationAccuracy, testAccuracy, divergedAt, layers);
    }

    /** The same with the layers of each epoch given (shared between runs to build big studies fast); gradient values are added. */
    public static RunRecord run(String id, Map<String, String> labels, List<String> experiments, double[] validationAccuracy,
                                double[] testAccuracy, int divergedAt, List<List<LayerRecord>> layers) {
        long seed = Long.parseLong(labels.get("seed"));
        int epochs = validationAccuracy.length - 1;
        RunSpec spec = new RunSpec("mnist", 10_000, "scale01", null, HIDDEN, Component.of(labels.get("activation")), false,
                Component.of(labels.get("initializer")), Component.of("zeros"), new Component(labels.getOrDefault("optimizer", "sgd"), Map.of("lr", 0.01)),
                150, epochs, seed, Evaluation.standard());
        List<EpochRecord> records = new ArrayList<>();
        String init = labels.get("initializer");
        for (int e = 0; e < validationAccuracy.length; e++) {
            if (divergedAt > 0 && e == divergedAt) {
                records.add(diverged(e, layers.get(e), init, seed));
                break;
            }
            double va = validationAccuracy[e], ta = testAccuracy[e];
            Double trainLoss = e == 0 ? null : -Math.log(Math.max(0.05, va - 0.01));
            Map<String, Value> runValues = new LinkedHashMap<>();
            if (e > 0) {
                runValues.put(MinibatchLoss.STEP.name(), new Value.Numbers(new double[]{100.0 * e}));
                runValues.put(MinibatchLoss.LOSS.name(), new Value.Numbers(new double[]{trainLoss}));
            }
            List<LayerRecord> ls = e == 0 ? layers.get(e) : withGradients(layers.get(e), e);
            if (e == 1) {
                ls = withFirstStep(ls, init, seed);
                runValues.put(MeanFieldTheory.MEASURED_RATIO.name(), new Value.Scalar(firstStepRatio(init, seed)));
            }
            records.add(new EpochRecord(e, trainLoss, e == 0 ? null : va, -Math.log(Math.max(0.05, va)), va,
                    -Math.log(Math.max(0.05, ta)), ta, new NamedValues(runValues), ls));
        }
        EpochRecord last = records.getLast();
        RunResult.Metrics fin = new RunResult.Metrics(last.validationLoss(), last.validationAccuracy(), last.testLoss(), last.testAccuracy());
        long steps = divergedAt > 0 ? 100L * (divergedAt - 1) + DIVERGED_STEP : 100L * epochs;
        RunResult result = new RunResult(divergedAt > 0 ? RunResult.DIVERGED : RunResult.COMPLETE, divergedAt > 0 ? divergedAt : null,
                divergedAt > 0 ? "the minibatch loss became NaN at step " + steps : null, steps,
                records, fin, new RunResult.Timing(new double[records.size()], 12.5, 1000));
        Map<String, String> machine = Map.of("java", "Test VM 25", "os", "Linux", "arch", "amd64", "processors", "2", "vector_bits", "512");
        return new RunRecord(id, "test", spec, ProbeSettings.defaults(), Probes.describe(ProbeSettings.defaults()), labels, experiments, result, "2026-01-02T03:04:05Z", "2026-01-02T03:05:05Z", machine,
                Map.of("dataset", "mnist", "files", List.of(Map.of("name", "train-images-idx3-ubyte.gz", "bytes", 9912422, "sha256", "440fcabf"))));
    }

    /**
     * A tanh run for a phase diagram: critical(σ_w) weights, critical(σ_b) biases, {@code depth}
     * hidden layers of 16, one epoch ending at test accuracy {@code acc}; {@code diverged} makes it
     * diverge in that epoch instead (its record then holds the poison values, {@link #diverged}).
     */
    public static RunRecord criticalRun(double sigmaW, double sigmaB, int depth, long seed, double acc, boolean diverged) {
        Map<String, String> labels = new LinkedHashMap<>();
        labels.put("initializer", "σ_w " + sigmaW);
        labels.put("activation", "tanh");
        labels.put("architecture", depth + "×16");
        labels.put("seed", Long.toString(seed));
        RunRecord r = run("r" + sigmaW + "-" + depth + "-" + seed, labels, List.of("grid"), new double[]{0.1, acc}, new double[]{0.1, acc}, diverged ? 1 : 0);
        List<Integer> hidden = new ArrayList<>();
        for (int i = 0; i < depth; i++) hidden.add(16);
        RunSpec s = r.spec();
        RunSpec spec = new RunSpec(s.dataset(), s.validationSize(), s.preprocessing(), s.classes(), hidden, Component.of("tanh"), false,
                new Component("critical", Map.of("sigma_w", sigmaW)), new Component("critical", Map.of("sigma_b", sigmaB)),
                s.optimizer(), s.batchSize(), s.epochs(), s.seed(), s.evaluation());
        return new RunRecord(r.id(), r.initlab(), spec, r.probeSettings(), r.probes(), r.labels(), r.experiments(), r.result(),
                r.started(), r.finished(), r.machine(), r.data());
    }

    /**
     * A phase diagram's runs with diverged cells: σ_w 1.0 and 2.5 × depth 2 and 40, σ_b² = 0.05,
     * seeds 0 and 1; (1.0, 2) diverges in both seeds, (2.5, 2) in seed 1.
     */
    public static List<RunRecord> phaseGridWithDivergedCells() {
        double sigmaB = Math.sqrt(0.05);
        List<RunRecord> runs = new ArrayList<>();
        for (long seed = 0; seed < 2; seed++) {
            runs.add(criticalRun(1.0, sigmaB, 2, seed, 0.95, true));
            runs.add(criticalRun(2.5, sigmaB, 2, seed, 0.93, seed == 1));
            runs.add(criticalRun(1.0, sigmaB, 40, seed, 0.11, false));
            runs.add(criticalRun(2.5, sigmaB, 40, seed, 0.12, false));
        }
        return runs;
    }

    /** The step within its epoch at which a diverging fixture run's loss becomes NaN (100 steps per epoch). */
    public static final long DIVERGED_STEP = 7;

    /**
     * What the trainer records of the epoch a run diverged in, with values a report must never show
     * (each is unlike any valid value of the fixtures): the mean of the minibatch losses before the
     * divergent step ({@link #POISON_LOSS}), evaluations of the broken network ({@link #POISON_ACCURACY}:
     * an argmax of NaN outputs), its layers' statistics ({@link #POISON_WEIGHT} weights), and the
     * minibatch losses: one finite before the divergent step, NaN at it. In epoch 1 (where it
     * diverges at step {@link #DIVERGED_STEP} &gt; 1) also what the probes measured at the first
     * step, as the completed runs record it: valid, shown.
     */
    static EpochRecord diverged(int epoch, List<LayerRecord> layers, String initializer, long seed) {
        List<LayerRecord> broken = new ArrayList<>();
        long[] scratch = new long[Histogram.BINS];
        for (LayerRecord l : layers) {
            float[] w = new float[l.in() * l.out()];
            java.util.Arrays.fill(w, (float) POISON_WEIGHT);
            Map<String, Value> v = new LinkedHashMap<>(l.values().asMap());
            v.put(WeightStatistics.WEIGHT.name(), Summary.of(w, 0, w.length, new float[w.length]));
            v.put(WeightStatistics.WEIGHT_HISTOGRAM.name(), Histogram.of(w, 0, w.length, scratch));
            v.put(ActivationStatistics.ACT_HISTOGRAM.name(), Histogram.of(w, 0, w.length, scratch));
            v.put(DeadUnits.DEAD.name(), new Value.Scalar(POISON_ACCURACY));
            v.put(GradientNorms.MEAN.name(), new Value.Scalar(POISON_LOSS));
            v.put(UpdateRatio.RATIO.name(), new Value.Scalar(POISON_LOSS));
            broken.add(new LayerRecord(l.layer(), l.in(), l.out(), new NamedValues(v)));
        }
        double before = 100.0 * (epoch - 1) + 1, at = 100.0 * (epoch - 1) + DIVERGED_STEP;
        Map<String, Value> runValues = new LinkedHashMap<>();
        runValues.put(MinibatchLoss.STEP.name(), new Value.Numbers(new double[]{before, at}));
        runValues.put(MinibatchLoss.LOSS.name(), new Value.Numbers(new double[]{PRE_DIVERGENCE_LOSS, Double.NaN}));
        if (epoch == 1) {
            broken = withFirstStep(broken, initializer, seed);
            runValues.put(MeanFieldTheory.MEASURED_RATIO.name(), new Value.Scalar(firstStepRatio(initializer, seed)));
        }
        return new EpochRecord(epoch, POISON_LOSS, null, null, POISON_ACCURACY, null, POISON_ACCURACY, new NamedValues(runValues), broken);
    }

    /** The first-step gradient norm of layer l, in every run that got past its first step. */
    static final double[] FIRST_STEP_NORMS = {0.5, 0.3, 0.0};

    /**
     * The theory probe's measured Σ‖δ¹‖² over the output layer's at the first step: near 1 for
     * every initializer but "random", whose backward signal fades to about 10⁻² (the gradient flow
     * claims are judged on it); it varies with the seed.
     */
    public static double firstLayerBackwardSquare(String initializer, long seed) {
        return initializer.equals("random") ? 0.01 * (1 + 0.5 * seed) : 0.8 + 0.05 * seed;
    }

    /** The theory probe's measured first/last gradient-norm ratio at the first step. */
    public static double firstStepRatio(String initializer, long seed) {
        return Math.sqrt(firstLayerBackwardSquare(initializer, seed)) * 2;
    }

    /** These layers (of epoch 1) with what the probes measure at the first step. */
    static List<LayerRecord> withFirstStep(List<LayerRecord> layers, String initializer, long seed) {
        double first = firstLayerBackwardSquare(initializer, seed);
        List<LayerRecord> out = new ArrayList<>();
        for (int l = 0; l < layers.size(); l++) {
            LayerRecord r = layers.get(l);
            Map<String, Value> v = new LinkedHashMap<>(r.values().asMap());
            v.put(GradientNorms.FIRST_STEP.name(), new Value.Scalar(FIRST_STEP_NORMS[l]));
            int last = layers.size() - 1;
            v.put(MeanFieldTheory.MEASURED_BACKWARD.name(), new Value.Scalar(Math.pow(first, (double) (last - l) / last)));
            out.add(new LayerRecord(r.layer(), r.in(), r.out(), new NamedValues(v)));
        }
        return out;
    }

    /** Values a diverged fixture run records in its last, partial epoch: none may appear in a report. */
    public static final double POISON_LOSS = 6.89e19, POISON_ACCURACY = 0.0123, POISON_WEIGHT = 4.5e12;
    /** The finite minibatch loss a diverged fixture run records before its divergent step: valid, shown. */
    public static final double PRE_DIVERGENCE_LOSS = 3.75;

    /** Three layers (784→8, 8→4, 4→10) summarised from a fixed draw with weight scale {@code std}. */
    public static List<LayerRecord> layers(SplittableRandom rng, double std) {
        int[] in = {784, 8, 4}, out = {8, 4, 10};
        List<LayerRecord> out2 = new ArrayList<>();
        long[] scratch = new long[Histogram.BINS];
        for (int l = 0; l < 3; l++) {
            float[] w = new float[in[l] * out[l]];
            for (int i = 0; i < w.length; i++) w[i] = (float) (std * rng.nextGaussian());
            float[] a = new float[64 * out[l]];
            for (int i = 0; i < a.length; i++) a[i] = (float) Math.max(0, rng.nextGaussian());
            float[] b = new float[out[l]];
            Summary as = Summary.of(a, 0, a.length, new float[a.length]);
            Map<String, Value> v = new LinkedHashMap<>();
            v.put(WeightStatistics.WEIGHT.name(), Summary.of(w, 0, w.length, new float[w.length]));
            v.put(WeightStatistics.WEIGHT_HISTOGRAM.name(), Histogram.of(w, 0, w.length, scratch));
            v.put(WeightStatistics.BIAS.name(), Summary.of(b, 0, b.length, new float[b.length]));
            v.put(ActivationStatistics.PREACT.name(), as);
            v.put(ActivationStatistics.PREACT_HISTOGRAM.name(), Histogram.of(a, 0, a.length, scratch));
            v.put(ActivationStatistics.ACT.name(), as);
            v.put(ActivationStatistics.ACT_HISTOGRAM.name(), Histogram.of(a, 0, a.length, scratch));
            if (l < 2) v.put(DeadUnits.DEAD.name(), new Value.Scalar(0.1 * l));
            out2.add(new LayerRecord("dense" + (l + 1), in[l], out[l], new NamedValues(v)));
        }
        return out2;
    }

    /** These layers with the gradient values of an epoch (≥ 1) summarised over its steps added. */
    static List<LayerRecord> withGradients(List<LayerRecord> layers, int epoch) {
        double[][] g = {{0.4, 0.9, 1e-3}, {0.3, 0.7, 2e-3}, {0.2, 0.5, Double.NaN}};
        List<LayerRecord> out = new ArrayList<>();
        for (int l = 0; l < layers.size(); l++) {
            LayerRecord r = layers.get(l);
            Map<String, Value> v = new LinkedHashMap<>(r.values().asMap());
            v.put(GradientNorms.MEAN.name(), new Value.Scalar(g[l][0] / epoch));
            v.put(GradientNorms.MAX.name(), new Value.Scalar(g[l][1]));
            if (!Double.isNaN(g[l][2])) v.put(UpdateRatio.RATIO.name(), new Value.Scalar(g[l][2]));
            out.add(new LayerRecord(r.layer(), r.in(), r.out(), new NamedValues(v)));
        }
        return out;
    }

    public static final double[] HE_RELU = {0.980, 0.981, 0.979, 0.982, 0.980};
    public static final double[] XAVIER_RELU = {0.976, 0.977, 0.976, 0.978, 0.975};
    public static final double[] HE_TANH = {0.970, 0.972, 0.968, 0.971, 0.969};
    public static final double[] XAVIER_TANH = {0.971, 0.970, 0.970, 0.972, 0.968};
    public static final double[] RANDOM = {0.90, 0.91, 0.89, 0.90, 0.92};

    /**
     * he, xavier, random × relu, tanh × 5 seeds with the final accuracies below; random diverges
     * with seed 1 in epoch 2; the relu runs also belong to a second experiment, "relu-only".
     */
    public static org.initlab.report.model.StudyAggregate initializerByActivation() {
        List<RunRecord> runs = new ArrayList<>();
        Map<String, double[]> finals = new LinkedHashMap<>();
        finals.put("he/relu", HE_RELU);
        finals.put("xavier/relu", XAVIER_RELU);
        finals.put("random/relu", RANDOM);
        finals.put("he/tanh", HE_TANH);
        finals.put("xavier/tanh", XAVIER_TANH);
        finals.put("random/tanh", RANDOM);
        finals.forEach((key, acc) -> {
            String init = key.split("/")[0], act = key.split("/")[1];
            for (int seed = 0; seed < 5; seed++) {
                double a = acc[seed];
                double[] val = {0.1, 0.85, seed == 4 ? 0.89 : 0.95, a};
                double[] test = {0.1, 0.86, 0.94, a};
                List<String> exps = act.equals("relu") ? List.of("activations", "relu-only") : List.of("activations");
                int diverge = init.equals("random") && seed == 1 ? 2 : 0;
                runs.add(run(key + seed, labels(init, act, seed), exps, val, test, diverge));
            }
        });
        Map<String, Map<String, List<String>>> experiments = new LinkedHashMap<>();
        experiments.put("activations", Map.of("initializer", List.of("xavier", "he", "random"), "activation", List.of("relu", "tanh")));
        experiments.put("relu-only", Map.of("initializer", List.of("xavier", "he", "random"), "activation", List.of("relu")));
        StudyManifest m = manifest("test study", experiments, runs);
        return org.initlab.report.model.StudyAggregate.of(new org.initlab.report.model.StudyData(java.nio.file.Path.of("unused"), m, "name: test\n", runs));
    }

    /**
     * Writes a study folder as 'initlab run' leaves it: study.yaml, study.json, runs/ID/result.json,
     * each run under the id its spec hashes to (as initlab names runs; the manifest's entries follow),
     * so that the commands take its results for finished runs.
     */
    public static java.nio.file.Path write(java.nio.file.Path dir, StudyManifest m, List<RunRecord> runs, String yaml) throws java.io.IOException {
        Map<String, String> ids = new java.util.HashMap<>();
        List<RunRecord> named = new ArrayList<>();
        for (RunRecord r : runs) {
            String id = r.spec().id();
            if (ids.containsValue(id)) throw new IllegalArgumentException("two fixture runs have one spec: " + r.spec());
            ids.put(r.id(), id);
            named.add(new RunRecord(id, r.initlab(), r.spec(), r.probeSettings(), r.probes(), r.labels(), r.experiments(), r.result(),
                    r.started(), r.finished(), r.machine(), r.data()));
        }
        StudyManifest stored = new StudyManifest(m.name(), m.description(), m.protocol(), m.data(), m.seeds(), m.experiments(),
                m.runs().stream().map(e -> new StudyManifest.RunEntry(ids.getOrDefault(e.id(), e.id()), e.labels(), e.experiments())).toList(),
                m.fingerprint(), m.initlab(), m.created(), m.commandLine(), m.claims());
        java.nio.file.Files.createDirectories(dir.resolve("runs"));
        java.nio.file.Files.writeString(dir.resolve(org.initlab.study.StudyStore.SPEC), yaml);
        java.nio.file.Files.write(dir.resolve(org.initlab.study.StudyStore.MANIFEST), org.initlab.io.JsonFormat.PRETTY.writeValueAsBytes(stored));
        org.initlab.study.StudyStore store = new org.initlab.study.StudyStore(dir);
        for (RunRecord r : named) store.writeResult(r);
        return dir;
    }

    /** A manifest for these runs: one experiment per entry of {@code experiments} (name → factor → levels). */
    public static StudyManifest manifest(String name, Map<String, Map<String, List<String>>> experiments, List<RunRecord> runs) {
        List<StudyManifest.ExperimentInfo> infos = new ArrayList<>();
        experiments.forEach((exp, factors) -> infos.add(new StudyManifest.ExperimentInfo(exp, "experiment " + exp, factors, Map.of("architecture", "8-4"))));
        List<StudyManifest.RunEntry> entries = runs.stream().map(r -> new StudyManifest.RunEntry(r.id(), r.labels(), r.experiments())).toList();
        List<Long> seeds = runs.stream().map(r -> r.spec().seed()).distinct().sorted().toList();
        return new StudyManifest(name, "a test study", "default", new StudySpec.DataChoice("mnist", 10_000, "scale01"), seeds, infos, entries,
                "0123456789abcdef", "test", "2026-01-02T03:00:00Z", null, List.of());
    }
}
