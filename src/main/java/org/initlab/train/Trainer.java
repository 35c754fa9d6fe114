package org.initlab.train;

import org.initlab.data.Dataset;
import org.initlab.data.Split;
import org.initlab.init.DataDependentInitializer;
import org.initlab.math.RandomStreams;
import org.initlab.nn.Dense;
import org.initlab.nn.Mlp;
import org.initlab.nn.SoftmaxCrossEntropy;
import org.initlab.optim.Optimizer;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CancellationException;

/**
 * Trains one MLP as a {@link TrainingPlan} says; a {@link RunObserver} (the probes) watches.
 *
 * <pre>
 * init:   build the net; each layer's weight and bias from its own random stream; refine
 *         data-dependent initializers (LSUV) on a training batch; record epoch 0
 * epoch:  for each minibatch: step = batch → forward → loss → backward → update
 *         evaluate, record
 * </pre>
 * Random streams depend only on the seed and their purpose, so runs that differ in initializer,
 * activation or optimizer see the same data order: paired by design.
 *
 * <p>Divergence is the trainer's: a minibatch loss that is not finite ends the run at once (that
 * step updates nothing); weights or biases that are not finite at initialisation or after an
 * epoch end it after that epoch's record.
 *
 * <p>A trainer belongs to one thread. Everything a step touches is allocated up front. The
 * listener saying {@link RunListener#cancelled()}, or an interrupt, abandons the run at its next
 * step with a {@link CancellationException}.
 */
public final class Trainer {
    /** Steps between the listener's progress calls. */
    private static final int PROGRESS_EVERY = 10;

    private final TrainingPlan plan;
    private final Dataset data;
    private final RunObserver observer;
    private final RunListener listener;
    private final Mlp net;
    private final MlpView view;
    private final Optimizer optimizer;
    private final Minibatches batches;
    private final int classes;
    private final float[] x;
    private final int[] y;
    private final float[] dOut;

    private long step;
    private double epochLossSum;
    private int epochLosses;
    private long epochCorrect;

    public Trainer(TrainingPlan plan, Dataset data, RunObserver observer, RunListener listener) {
        this.plan = plan;
        this.data = data;
        this.observer = observer;
        this.listener = listener;
        Split train = data.train();
        if (train.size() == 0) throw new IllegalArgumentException("the training split is empty");
        this.classes = data.classes();
        int maxBatch = Math.max(Math.max(plan.batchSize(), plan.evaluation().batchSize()), observer.forwardRows());
        this.net = new Mlp(plan.widths(data.features(), classes), plan.activation(), plan.activateOutput(), maxBatch);
        initialise(train);
        this.optimizer = plan.optimizer().bind(net.parameters());
        this.batches = new Minibatches(train, plan.batchSize(), RandomStreams.stream(plan.seed(), "shuffle"));
        this.view = new MlpView(net, plan, batches.perPass());
        this.x = new float[maxBatch * data.features()];
        this.y = new int[maxBatch];
        this.dOut = new float[maxBatch * classes];
        observer.start(view);
    }

    /** Trains and returns the run's record. */
    public static RunResult run(TrainingPlan plan, Dataset data, RunObserver observer, RunListener listener) {
        return new Trainer(plan, data, observer, listener).run();
    }

    public Mlp network() { return net; }

    private void initialise(Split train) {
        List<Dense> layers = net.layers();
        for (int l = 0; l < layers.size(); l++) {
            Dense d = layers.get(l);
            plan.weightInit().initialize(d.weight(), RandomStreams.stream(plan.seed(), "init/weight/" + l));
            plan.biasInit().initialize(d.bias(), d.in(), d.out(), RandomStreams.stream(plan.seed(), "init/bias/" + l));
        }
        if (plan.weightInit() instanceof DataDependentInitializer ddi) ddi.refine(new InitBatch(net, train, plan.batchSize(), plan.seed()));
    }

    /** Trains the run (once, on a fresh trainer): epoch 0's record, then each epoch's; returns its result. */
    public RunResult run() {
        long t0 = System.nanoTime();
        int epochs = plan.epochs();
        long steps = batches.perPass();
        List<EpochRecord> records = new ArrayList<>();
        double[] seconds = new double[epochs + 1];

        long te = System.nanoTime();
        Divergence diverged = parametersFinite() ? null : new Divergence(0, "the initial weights are not finite");
        records.add(record(0, null, null, diverged != null || epochs == 0));
        seconds[0] = seconds(te);
        listener.epochFinished(records.getLast(), epochs);

        for (int epoch = 1; epoch <= epochs && diverged == null; epoch++) {
            te = System.nanoTime();
            epochLossSum = 0;
            epochLosses = 0;
            epochCorrect = 0;
            for (long s = 1; s <= steps && diverged == null; s++) {
                if (listener.cancelled() || Thread.currentThread().isInterrupted()) throw new CancellationException("run stopped");
                double loss = step();
                if (!Double.isFinite(loss)) diverged = new Divergence(epoch, "the minibatch loss became " + loss + " at step " + step);
                else if (s % PROGRESS_EVERY == 0) listener.progress(epoch, epochs, s, steps);
            }
            boolean lossDiverged = diverged != null;
            if (!lossDiverged && !parametersFinite()) diverged = new Divergence(epoch, "the weights became non-finite during epoch " + epoch);
            Double trainLoss = epochLosses > 0 ? epochLossSum / epochLosses : null;
            Double trainAccuracy = lossDiverged ? null : (double) epochCorrect / data.train().size();
            records.add(record(epoch, trainLoss, trainAccuracy, diverged != null || epoch == epochs));
            seconds[epoch] = seconds(te);
            listener.epochFinished(records.getLast(), epochs);
        }

        RunResult.Metrics fin = finalMetrics(records.getLast());
        double total = seconds(t0);
        RunResult.Timing timing = new RunResult.Timing(Arrays.copyOf(seconds, records.size()), total,
                step * (double) plan.batchSize() / Math.max(1e-9, total));
        return diverged == null ? new RunResult(RunResult.COMPLETE, null, null, step, records, fin, timing)
                : new RunResult(RunResult.DIVERGED, diverged.epoch(), diverged.what(), step, records, fin, timing);
    }

    /** Where and how a run diverged. */
    private record Divergence(int epoch, String what) {}

    /**
     * One optimizer step on the next minibatch (a new shuffled epoch's first when the last one is
     * used up): batch → forward → loss → backward → update, the observer looking in between.
     * Returns the minibatch loss; when it is not finite nothing is updated. Allocates nothing.
     * {@link #run()} takes its steps with this; benchmarks call it alone.
     */
    public double step() {
        int rows = batches.next(x, y);
        step++;
        float[] out = view.forward(x, rows);
        double loss = SoftmaxCrossEntropy.lossAndGradient(out, y, rows, classes, dOut);
        epochCorrect += SoftmaxCrossEntropy.correct(out, y, rows, classes);
        view.at(step, batches.passes(), loss);
        observer.afterLoss(view);
        if (!Double.isFinite(loss)) return loss;
        epochLossSum += loss;
        epochLosses++;
        net.backward(dOut);
        observer.beforeUpdate(view);
        optimizer.step();
        observer.afterUpdate(view);
        return loss;
    }

    /** Evaluates as the plan says, lets the observer record, and makes the epoch's record. */
    private EpochRecord record(int epoch, Double trainLoss, Double trainAccuracy, boolean last) {
        Evaluation ev = plan.evaluation();
        boolean end = epoch == plan.epochs();
        double[] val = ev.validationEachEpoch() || end ? evaluate(data.validation()) : null;
        double[] test = ev.testEachEpoch() || end ? evaluate(data.test()) : null;
        view.at(step, epoch, view.loss());
        RunObserver.Observations seen = observer.observe(view, last);
        List<LayerRecord> layers = new ArrayList<>();
        for (int l = 0; l < view.layers(); l++) layers.add(new LayerRecord(view.name(l), view.fanIn(l), view.fanOut(l), seen.layer(l)));
        return new EpochRecord(epoch, finite(trainLoss), trainAccuracy,
                val == null ? null : finite(val[0]), val == null ? null : val[1],
                test == null ? null : finite(test[0]), test == null ? null : test[1],
                seen.run(), layers);
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
        int features = data.features();
        boolean batchMean = plan.evaluation().aggregation() == Evaluation.Aggregation.BATCH_MEAN;
        double lossTotal = 0;
        long correct = 0;
        int count = 0;
        for (int start = 0; start < split.size(); start += eb) {
            int rows = Math.min(eb, split.size() - start);
            System.arraycopy(split.x(), start * features, x, 0, rows * features);
            System.arraycopy(split.y(), start, y, 0, rows);
            float[] out = view.forward(x, rows);
            double sum = SoftmaxCrossEntropy.lossSum(out, y, rows, classes);
            lossTotal += batchMean ? sum / rows : sum;
            correct += SoftmaxCrossEntropy.correct(out, y, rows, classes);
            count++;
        }
        double loss = batchMean ? lossTotal / count : lossTotal / split.size();
        return new double[]{loss, (double) correct / split.size()};
    }

    /** Whether every weight and bias is finite: divergence shows there first. */
    private boolean parametersFinite() {
        for (Dense d : net.layers()) {
            for (float w : d.weight().data()) if (!Float.isFinite(w)) return false;
            for (float b : d.bias()) if (!Float.isFinite(b)) return false;
        }
        return true;
    }

    private static Double finite(Double v) {
        return v == null || !Double.isFinite(v) ? null : v;
    }

    private static double seconds(long since) {
        return (System.nanoTime() - since) / 1e9;
    }
}
