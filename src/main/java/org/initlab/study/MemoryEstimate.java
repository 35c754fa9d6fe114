package org.initlab.study;

import org.initlab.train.ProbeSettings;
import org.initlab.data.DatasetShape;
import org.initlab.init.DataDependentInitializer;
import org.initlab.init.Initializer;
import org.initlab.init.Initializers;
import org.initlab.math.ArrayBytes;
import org.initlab.math.Gemm;
import org.initlab.nn.Activations;
import org.initlab.nn.Identity;
import org.initlab.optim.Optimizers;
import org.initlab.train.Histogram;

import java.util.List;

import static org.initlab.math.ArrayBytes.doubles;
import static org.initlab.math.ArrayBytes.floats;
import static org.initlab.math.ArrayBytes.ints;
import static org.initlab.math.ArrayBytes.longs;
import static org.initlab.math.ArrayBytes.references;

/**
 * The heap one run takes, counted array by array from what its trainer allocates
 * ({@code train.Trainer}, {@code nn.Mlp}, {@code nn.Dense}, the optimizer's {@code bind}, the
 * initializer), with B = the largest batch the network sees: max(training batch, evaluation
 * batch, probe rows), probe rows = min(probe_batch, validation examples, or training examples
 * without validation). Sizes are in {@link ArrayBytes}; every product is a long, so nothing here
 * overflows for any spec the parser accepts.
 *
 * @param network      per layer (in → out): weights and biases and their gradients; at batch B the
 *                     pre-activations z, the activations a (z itself for a linear output layer),
 *                     their gradient dz and, after the first layer, the input gradient dx; the GEMM
 *                     workspace
 * @param optimizer    its state: {@code OptimizerSpec.stateBuffers()} copies of the parameters
 *                     (SGD with momentum 1, Adam 2, AMSGrad 3, ...)
 * @param trainer      the trainer's buffers: the batch (B × features inputs, B labels, B × classes
 *                     output gradients), the data order (an int per training example), the probe
 *                     inputs (probe rows × features), the statistics scratch (the largest weight
 *                     matrix or probe rows × widest layer), the weights before a sampled update (a
 *                     copy of every weight matrix), the histogram scratch
 * @param initializer  the initializer's temporaries ({@code Initializer.scratchBytes}: orthogonal
 *                     builds three m × n double matrices per layer) and LSUV's probe batch; dropped
 *                     before the optimizer is bound
 * @param records      what the run keeps until it ends: the recorded minibatch losses (a step and a
 *                     loss each) and, per epoch and layer, its probe record and that record's JSON
 *                     text when the result is written
 * @param largestArray the elements of the longest array
 * @param largestWhat  what that array is, for a message
 */
public record MemoryEstimate(long network, long optimizer, long trainer, long initializer, long records,
                             long largestArray, String largestWhat) {
    /**
     * An epoch's record of one layer: three histograms of at most {@link Histogram#BINS} counts
     * (weights, pre-activations, activations; 8 bytes a count), four summaries (seven quantiles and
     * four boxed moments each), the layer's gradient record; then about as much again as JSON text.
     */
    static final long RECORD_PER_LAYER_EPOCH = 2 * (3 * (longs(Histogram.BINS) + 40) + 4 * (doubles(7) + 4 * 16 + 56) + 56 + 112);

    /** The estimate for {@code run} on data of shape {@code data}. */
    public static MemoryEstimate of(PlannedRun planned, DatasetShape data) {
        RunSpec run = planned.spec();
        ProbeSettings probes = planned.probes();
        int features = data.features();
        int classes = run.classes() != null ? run.classes() : data.classes();
        long trainExamples = Math.max(1, (long) data.training() - run.validationSize());
        long probeSource = run.validationSize() > 0 ? run.validationSize() : trainExamples;
        long probeRows = Math.min(probes.probeBatch(), probeSource);
        long batch = Math.max(Math.max(run.batchSize(), run.evaluation().batchSize()), probeRows);

        List<Integer> hidden = run.hidden();
        int[] widths = new int[hidden.size() + 2];
        widths[0] = features;
        for (int i = 0; i < hidden.size(); i++) widths[i + 1] = hidden.get(i);
        widths[widths.length - 1] = classes;
        int layers = widths.length - 1;

        Largest largest = new Largest();
        largest.check(batch, features, "the inputs of a batch");
        long network = Gemm.workspaceBytes() + references(layers);
        long parameters = 0, weightCopies = 0, biggestWeight = 0;
        int widest = 0;
        Initializer init = Initializers.weight(run.initializer().name(), run.initializer().params());
        // a linear layer's activations are its pre-activations (Dense shares the array)
        boolean linearHidden = Activations.create(run.activation().name(), run.activation().params()) instanceof Identity;
        long initializer = 0;
        for (int l = 0; l < layers; l++) {
            long in = widths[l], out = widths[l + 1];
            String layer = "layer dense" + (l + 1);
            largest.check(in, out, "the weights of " + layer);
            largest.check(batch, out, "the activations of " + layer + " at batch " + String.format("%,d", batch));
            boolean linear = linearHidden || l == layers - 1 && !run.outputActivation();
            long weight = floats(in * out), bias = floats(out), activation = floats(batch * out);
            parameters += weight + bias;
            weightCopies += weight;
            network += 2 * (weight + bias) + (linear ? 2 : 3) * activation + (l > 0 ? floats(batch * in) : 0);
            biggestWeight = Math.max(biggestWeight, in * out);
            widest = Math.max(widest, (int) out);
            initializer += init.scratchBytes((int) in, (int) out);
        }
        if (init instanceof DataDependentInitializer) {
            // LSUV's probe batch (a training batch), its shuffled indices, one layer's output copy at a time
            long rows = Math.min(run.batchSize(), trainExamples);
            int widestOut = 0;
            for (int l = 1; l < widths.length; l++) widestOut = Math.max(widestOut, widths[l]);
            initializer += floats(rows * features) + ints(trainExamples) + floats(rows * widestOut);
        }
        int buffers = Optimizers.spec(run.optimizer().name(), run.optimizer().params()).stateBuffers();
        long optimizer = references(2L * layers) + (buffers == 0 ? 0 : buffers * (references(2L * layers) + parameters));

        long stepsPerEpoch = (trainExamples + run.batchSize() - 1) / run.batchSize();
        long lossesPerEpoch = Math.min(Integer.MAX_VALUE - 8, stepsPerEpoch / probes.lossEvery() + 2);
        // the trainer's batch, labels, output gradient and data order; the probe batch; the probes'
        // state: weight statistics' scratch (largest layer) and histogram scratch, activation
        // statistics' histogram scratch, the weights before a sampled update, per-layer sums, and
        // the minibatch losses of one epoch
        long trainer = floats(batch * features) + ints(batch) + floats(batch * classes) + ints(trainExamples)
                + floats(probeRows * features) + floats(biggestWeight) + 2 * longs(Histogram.BINS)
                + references(layers) + weightCopies + 4 * doubles(layers) + ints(layers) + 2 * doubles(lossesPerEpoch);

        // the activation statistics' scratch (at the first record), then every epoch's record
        long losses = Math.min(Integer.MAX_VALUE - 8, (long) run.epochs() * stepsPerEpoch / probes.lossEvery() + 2);
        long records = floats(probeRows * widest) + 2 * doubles(losses) + (run.epochs() + 1L) * layers * RECORD_PER_LAYER_EPOCH;
        return new MemoryEstimate(network, optimizer, trainer, initializer, records, largest.elements, largest.what);
    }

    /**
     * What the estimate of a run depends on: every part of its spec but the seed (a field added
     * to {@link RunSpec} that changes what a run allocates belongs here too). Runs with equal keys
     * need the same memory.
     */
    public static List<Object> sameFor(PlannedRun r) {
        RunSpec s = r.spec();
        return java.util.Arrays.asList(s.dataChoice(), s.hidden(), s.activation(), s.outputActivation(), s.initializer(), s.optimizer(),
                s.batchSize(), s.epochs(), s.evaluation(), r.probes());
    }

    /** The most the run holds at once: the network, then the initializer's scratch or (after it) the optimizer and buffers, and its records. */
    public long peak() {
        return network + Math.max(initializer, optimizer + trainer) + records;
    }

    /** What building the run's trainer allocates, scratch included (what a measurement of the construction sees). */
    public long building() {
        return network + initializer + optimizer + trainer;
    }

    /** Null when every array fits in a Java array, else which one does not. */
    public String tooLarge() {
        return largestArray <= ArrayBytes.MAX_LENGTH ? null : largestWhat;
    }

    /** The longest array seen, and what it is. */
    private static final class Largest {
        long elements;
        String what = "";

        void check(long rows, long cols, String name) {
            long n = rows * cols; // below 2^37: widths ≤ 2^16, batches ≤ 2^20
            if (n > elements) {
                elements = n;
                what = name + " would be " + String.format("%,d", rows) + " × " + String.format("%,d", cols) + " = "
                        + String.format("%,d", n) + " numbers";
            }
        }
    }
}
