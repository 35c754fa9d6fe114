package org.initlab.train;

import org.initlab.data.Dataset;
import org.initlab.data.Split;
import org.initlab.init.DataDependentInitializer;
import org.initlab.init.LayerwiseNetwork;
import org.initlab.math.Matrix;
import org.initlab.math.Norms;
import org.initlab.math.RandomStreams;
import org.initlab.nn.Activation;
import org.initlab.nn.Dense;
import org.initlab.nn.Mlp;
import org.initlab.nn.SoftmaxCrossEntropy;
import org.initlab.optim.Optimizer;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.random.RandomGenerator;

/**
 * Trains one MLP as a {@link TrainingPlan} says and records what the probes see.
 *
 * <p>Order of events: build the net; initialise each layer's weight and bias from its own random
 * stream; refine data-dependent initializers (LSUV) on a training batch; record epoch 0; then per
 * epoch: shuffle, step through the minibatches (forward, loss, backward, gradient norms,
 * optimizer step), evaluate, record. Random streams depend only on the seed and their purpose, so
 * runs that differ in initializer, activation or optimizer see the same data order: paired by
 * design.
 *
 * <p>A trainer belongs to one thread. Everything a step touches is allocated up front.
 * The listener saying {@link RunListener#cancelled()}, or an interrupt, abandons the run at its
 * next step with a {@link CancellationException}.
 */
public final class Trainer {
    private final TrainingPlan plan;
    private final Dataset data;
    private final RunListener listener;
    private final Split train;
    private final int features;
    private final int classes;
    private final Mlp net;
    private final List<Dense> layers;
    private final Optimizer optimizer;

    private final float[] xBatch;
    private final int[] yBatch;
    private final float[] dOut;
    private final int[] order;
    private final float[] probeX;
    private final int probeRows;
    private final float[] scratch;
    private final long[] histogramScratch = new long[Histogram.BINS];
    private final float[][] previousWeights;

    // per-epoch gradient statistics, per layer
    private final double[] normSum;
    private final double[] normMax;
    private final double[] firstNorm;
    private final double[] ratioSum;
    private final int[] ratioCount;
    private int lastCorrect;
    private int benchStart;
    private long benchStep;

    public Trainer(TrainingPlan plan, Dataset data, RunListener listener) {
        this.plan = plan;
        this.data = data;
        this.listener = listener;
        this.train = data.train();
        this.features = data.features();
        this.classes = data.classes();
        if (train.size() == 0) throw new IllegalArgumentException("the training split is empty");
        Split probeSource = data.validation().size() > 0 ? data.validation() : train;
        this.probeRows = Math.min(plan.probes().probeBatch(), probeSource.size());
        int maxBatch = Math.max(Math.max(plan.batchSize(), plan.evaluation().batchSize()), probeRows);
        this.net = new Mlp(plan.widths(features, classes), plan.activation(), plan.activateOutput(), maxBatch);
        this.layers = net.layers();

        initialise();
        this.optimizer = plan.optimizer().bind(net.parameters());

        this.xBatch = new float[maxBatch * features];
        this.yBatch = new int[maxBatch];
        this.dOut = new float[maxBatch * classes];
        this.order = new int[train.size()];
        for (int i = 0; i < order.length; i++) order[i] = i;
        this.probeX = Arrays.copyOf(probeSource.x(), probeRows * features);
        int widest = 0;
        long biggest = 0;
        for (Dense d : layers) {
            widest = Math.max(widest, d.out());
            biggest = Math.max(biggest, (long) d.in() * d.out());
        }
        this.scratch = new float[(int) Math.max(biggest, (long) probeRows * widest)];
        this.previousWeights = new float[layers.size()][];
        for (int l = 0; l < layers.size(); l++) previousWeights[l] = new float[layers.get(l).weight().size()];
        int n = layers.size();
        normSum = new double[n];
        normMax = new double[n];
        firstNorm = new double[n];
        ratioSum = new double[n];
        ratioCount = new int[n];
    }

    /** Trains and returns the run's record. */
    public static RunResult run(TrainingPlan plan, Dataset data, RunListener listener) {
        return new Trainer(plan, data, listener).run();
    }

    public Mlp network() { return net; }

    private void initialise() {
        for (int l = 0; l < layers.size(); l++) {
            Dense d = layers.get(l);
            plan.weightInit().initialize(d.weight(), RandomStreams.stream(plan.seed(), "init/weight/" + l));
            plan.biasInit().initialize(d.bias(), d.in(), d.out(), RandomStreams.stream(plan.seed(), "init/bias/" + l));
        }
        if (plan.weightInit() instanceof DataDependentInitializer ddi) ddi.refine(new BatchView());
    }

    public RunResult run() {
        long t0 = System.nanoTime();
        int epochs = plan.epochs();
        int n = train.size();
        int b = plan.batchSize();
        long stepsPerEpoch = (n + b - 1) / b;
        RandomGenerator shuffle = RandomStreams.stream(plan.seed(), "shuffle");
        int lossEvery = plan.probes().lossEvery();

        List<EpochRecord> records = new ArrayList<>();
        double[] epochSeconds = new double[epochs + 1];
        long[] lossSteps = new long[(int) Math.min(Integer.MAX_VALUE - 8, epochs * stepsPerEpoch / lossEvery + 2)];
        double[] losses = new double[lossSteps.length];
        int recorded = 0;
        String status = RunResult.COMPLETE;
        Integer divergedEpoch = null;
        String divergence = null;
        long step = 0;

        long te = System.nanoTime();
        EpochRecord initial = epochRecord(0, null, null, List.of());
        records.add(initial);
        epochSeconds[0] = seconds(te);
        listener.epochFinished(initial, epochs);
        if (hasNonFiniteWeights(initial)) {
            status = RunResult.DIVERGED;
            divergedEpoch = 0;
            divergence = "the initial weights are not finite";
        }

        epochLoop:
        for (int epoch = 1; epoch <= epochs && divergence == null; epoch++) {
            te = System.nanoTime();
            shuffle(order, shuffle);
            Arrays.fill(normSum, 0);
            Arrays.fill(normMax, 0);
            Arrays.fill(ratioSum, 0);
            Arrays.fill(ratioCount, 0);
            double lossSum = 0;
            long correct = 0;
            long stepInEpoch = 0;
            for (int start = 0; start < n; start += b) {
                if (listener.cancelled() || Thread.currentThread().isInterrupted()) throw new CancellationException("run stopped");
                int rows = Math.min(b, n - start);
                step++;
                stepInEpoch++;
                double loss = step(start, rows, step);
                correct += lastCorrect;
                if (step == 1 || step % lossEvery == 0) {
                    lossSteps[recorded] = step;
                    losses[recorded++] = loss;
                }
                if (!Double.isFinite(loss)) {
                    status = RunResult.DIVERGED;
                    divergedEpoch = epoch;
                    divergence = "the minibatch loss became " + loss + " at step " + step;
                    epochSeconds[epoch] = seconds(te);
                    records.add(epochRecord(epoch, stepInEpoch > 1 ? lossSum / (stepInEpoch - 1) : null, null, gradientRecords(epoch, stepInEpoch - 1)));
                    break epochLoop;
                }
                lossSum += loss;
                if (stepInEpoch % lossEvery == 0) listener.progress(epoch, epochs, stepInEpoch, stepsPerEpoch);
            }
            EpochRecord rec = epochRecord(epoch, lossSum / stepInEpoch, (double) correct / n, gradientRecords(epoch, stepInEpoch));
            records.add(rec);
            epochSeconds[epoch] = seconds(te);
            listener.epochFinished(rec, epochs);
            if (hasNonFiniteWeights(rec)) {
                status = RunResult.DIVERGED;
                divergedEpoch = epoch;
                divergence = "the weights became non-finite during epoch " + epoch;
            }
        }

        RunResult.Metrics fin = finalMetrics(records.getLast());
        double total = seconds(t0);
        RunResult.Timing timing = new RunResult.Timing(Arrays.copyOf(epochSeconds, records.size()), total,
                step * (double) b / Math.max(1e-9, total));
        Double[] recordedLosses = new Double[recorded];
        for (int i = 0; i < recorded; i++) recordedLosses[i] = finite(losses[i]);
        return new RunResult(status, divergedEpoch, divergence, step, Arrays.copyOf(lossSteps, recorded),
                recordedLosses, records, fin, timing);
    }

    /**
     * One optimizer step on rows [start, start + rows) of the current data order: gather, forward,
     * loss, backward, gradient probes, update. Returns the minibatch loss; when it is not finite
     * nothing is updated. Sets {@link #lastCorrect}.
     */
    private double step(int start, int rows, long step) {
        gather(start, rows);
        float[] out = net.forward(xBatch, rows);
        double loss = SoftmaxCrossEntropy.lossAndGradient(out, yBatch, rows, classes, dOut);
        lastCorrect = SoftmaxCrossEntropy.correct(out, yBatch, rows, classes);
        if (!Double.isFinite(loss)) return loss;
        net.backward(dOut);
        recordGradientNorms(step);
        boolean sampleRatio = step % plan.probes().ratioEvery() == 0;
        if (sampleRatio) saveWeights();
        optimizer.step();
        if (sampleRatio) recordUpdateRatios();
        return loss;
    }

    /**
     * Takes {@code count} training steps exactly as {@link #run()} does (same data order, probes
     * and updates) but records nothing: for benchmarks of the step itself. Returns the last loss.
     */
    public double trainSteps(int count) {
        int n = train.size(), b = plan.batchSize();
        double loss = Double.NaN;
        for (int i = 0; i < count; i++) {
            if (benchStart >= n) benchStart = 0;
            int rows = Math.min(b, n - benchStart);
            loss = step(benchStart, rows, ++benchStep);
            benchStart += rows;
        }
        return loss;
    }

    /** Fisher–Yates with the run's shuffle stream (PyTorch's DataLoader reshuffles every epoch too). */
    static void shuffle(int[] a, RandomGenerator rng) {
        for (int i = a.length - 1; i > 0; i--) {
            int j = rng.nextInt(i + 1);
            int t = a[i];
            a[i] = a[j];
            a[j] = t;
        }
    }

    private void gather(int start, int rows) {
        float[] x = train.x();
        int[] y = train.y();
        for (int i = 0; i < rows; i++) {
            int idx = order[start + i];
            System.arraycopy(x, idx * features, xBatch, i * features, features);
            yBatch[i] = y[idx];
        }
    }

    private void recordGradientNorms(long step) {
        for (int l = 0; l < layers.size(); l++) {
            Dense d = layers.get(l);
            double norm = Math.sqrt(Norms.squaredNorm(d.weightGrad(), d.weightGrad().length));
            normSum[l] += norm;
            normMax[l] = Math.max(normMax[l], norm);
            if (step == 1) firstNorm[l] = norm;
        }
    }

    private void saveWeights() {
        for (int l = 0; l < layers.size(); l++) {
            float[] w = layers.get(l).weight().data();
            System.arraycopy(w, 0, previousWeights[l], 0, w.length);
        }
    }

    private void recordUpdateRatios() {
        for (int l = 0; l < layers.size(); l++) {
            float[] w = layers.get(l).weight().data();
            double before = Norms.squaredNorm(previousWeights[l], w.length);
            if (before == 0) continue;
            ratioSum[l] += Math.sqrt(Norms.squaredDistance(w, previousWeights[l], w.length) / before);
            ratioCount[l]++;
        }
    }

    private List<LayerGradients> gradientRecords(int epoch, long steps) {
        List<LayerGradients> out = new ArrayList<>();
        if (steps <= 0) return out;
        for (int l = 0; l < layers.size(); l++) {
            out.add(new LayerGradients(layers.get(l).name(), epoch == 1 ? finite(firstNorm[l]) : null,
                    finite(normSum[l] / steps), finite(normMax[l]),
                    ratioCount[l] == 0 ? null : finite(ratioSum[l] / ratioCount[l])));
        }
        return out;
    }

    private EpochRecord epochRecord(int epoch, Double trainLoss, Double trainAccuracy, List<LayerGradients> gradients) {
        Evaluation ev = plan.evaluation();
        boolean last = epoch == plan.epochs();
        double[] val = ev.validationEachEpoch() || last ? evaluate(data.validation()) : null;
        double[] test = ev.testEachEpoch() || last ? evaluate(data.test()) : null;
        return new EpochRecord(epoch, finite(trainLoss), trainAccuracy,
                val == null ? null : finite(val[0]), val == null ? null : val[1],
                test == null ? null : finite(test[0]), test == null ? null : test[1],
                snapshots(), gradients);
    }

    private RunResult.Metrics finalMetrics(EpochRecord last) {
        Double vl = last.validationLoss(), va = last.validationAccuracy(), tl = last.testLoss(), ta = last.testAccuracy();
        if (va == null && data.validation().size() > 0) {
            double[] v = evaluate(data.validation());
            vl = finite(v[0]);
            va = v[1];
        }
        if (ta == null) {
            double[] t = evaluate(data.test());
            tl = finite(t[0]);
            ta = t[1];
        }
        return new RunResult.Metrics(vl, va, tl, ta);
    }

    /** {loss, accuracy} of the current network on a split, aggregated as the plan says. */
    double[] evaluate(Split split) {
        if (split.size() == 0) return new double[]{Double.NaN, Double.NaN};
        int eb = plan.evaluation().batchSize();
        boolean batchMean = plan.evaluation().aggregation() == Evaluation.Aggregation.BATCH_MEAN;
        double lossTotal = 0;
        long correct = 0;
        int batches = 0;
        for (int start = 0; start < split.size(); start += eb) {
            int rows = Math.min(eb, split.size() - start);
            System.arraycopy(split.x(), start * features, xBatch, 0, rows * features);
            System.arraycopy(split.y(), start, yBatch, 0, rows);
            float[] out = net.forward(xBatch, rows);
            double sum = SoftmaxCrossEntropy.lossSum(out, yBatch, rows, classes);
            lossTotal += batchMean ? sum / rows : sum;
            correct += SoftmaxCrossEntropy.correct(out, yBatch, rows, classes);
            batches++;
        }
        double loss = batchMean ? lossTotal / batches : lossTotal / split.size();
        return new double[]{loss, (double) correct / split.size()};
    }

    private List<LayerSnapshot> snapshots() {
        net.forward(probeX, probeRows);
        double threshold = plan.probes().saturationThreshold();
        List<LayerSnapshot> out = new ArrayList<>();
        for (Dense d : layers) {
            float[] w = d.weight().data();
            Summary ws = Summary.of(w, 0, w.length, scratch);
            Histogram wh = Histogram.of(w, 0, w.length, histogramScratch);
            Summary bs = Summary.of(d.bias(), 0, d.bias().length, scratch);
            int m = probeRows * d.out();
            Summary zs = Summary.of(d.preActivations(), 0, m, scratch);
            Histogram zh = Histogram.of(d.preActivations(), 0, m, histogramScratch);
            Summary as = Summary.of(d.activations(), 0, m, scratch);
            Histogram ah = Histogram.of(d.activations(), 0, m, histogramScratch);
            Activation act = d.activation();
            Double dead = act.family() == Activation.Family.RECTIFIER ? deadFraction(d.preActivations(), probeRows, d.out()) : null;
            Double saturated = act.family() == Activation.Family.SQUASHING
                    ? saturatedFraction(act, d.preActivations(), m, threshold) : null;
            out.add(new LayerSnapshot(d.name(), ws, wh, bs, zs, zh, as, ah, dead, saturated));
        }
        return out;
    }

    /**
     * Units whose pre-activation is ≤ 0 for every probe row: "dead" ReLUs, which pass no gradient
     * for that data (Lu, Shin, Su, Karniadakis 2019, "Dying ReLU and initialization"); for leaky and
     * exponential variants, units that never leave their flat, small-gradient side.
     */
    static double deadFraction(float[] z, int rows, int units) {
        int dead = 0;
        for (int j = 0; j < units; j++) {
            boolean alive = false;
            for (int i = 0; i < rows && !alive; i++) alive = z[i * units + j] > 0;
            if (!alive) dead++;
        }
        return (double) dead / units;
    }

    /**
     * Activations in the flat part of φ, |φ′(z)| &lt; threshold · max|φ′|: the saturation Glorot &amp;
     * Bengio (2010, §3) watch in sigmoid and tanh layers, where gradients hardly pass.
     */
    static double saturatedFraction(Activation act, float[] z, int count, double threshold) {
        double limit = threshold * act.maxDerivative();
        int flat = 0;
        for (int i = 0; i < count; i++) if (Math.abs(act.derivative(z[i])) < limit) flat++;
        return (double) flat / count;
    }

    private static boolean hasNonFiniteWeights(EpochRecord r) {
        for (LayerSnapshot s : r.layers()) if (s.weights().nonFinite() > 0 || s.biases().nonFinite() > 0) return true;
        return false;
    }

    private static Double finite(Double v) {
        return v == null || !Double.isFinite(v) ? null : v;
    }

    private static double seconds(long since) {
        return (System.nanoTime() - since) / 1e9;
    }

    /** The network as LSUV sees it: forward passes of a fixed batch of training examples. */
    private final class BatchView implements LayerwiseNetwork {
        private final float[] x;
        private final int rows;

        BatchView() {
            rows = Math.min(plan.batchSize(), train.size());
            int[] idx = new int[train.size()];
            for (int i = 0; i < idx.length; i++) idx[i] = i;
            RandomGenerator rng = RandomStreams.stream(plan.seed(), "lsuv");
            x = new float[rows * features];
            for (int i = 0; i < rows; i++) {
                int j = i + rng.nextInt(idx.length - i);
                int t = idx[i];
                idx[i] = idx[j];
                idx[j] = t;
                System.arraycopy(train.x(), idx[i] * features, x, i * features, features);
            }
        }

        public int layerCount() { return layers.size(); }

        public Matrix weight(int layer) { return layers.get(layer).weight(); }

        public float[] forwardTo(int layer) {
            net.forward(x, rows);
            Dense d = layers.get(layer);
            return Arrays.copyOf(d.preActivations(), rows * d.out());
        }
    }
}
