package org.initlab.peer;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.NDScope;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Activation;
import ai.djl.nn.core.Linear;
import ai.djl.pytorch.jni.JniUtils;
import ai.djl.training.GradientCollector;
import ai.djl.training.optimizer.Optimizer;
import ai.djl.training.tracker.Tracker;

import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.function.UnaryOperator;
import java.util.zip.GZIPInputStream;

/**
 * The DJL peer of bench/peer: initlab's training step and its seed-activations study in PyTorch
 * 2.7.1 (libtorch) through DJL's NDArray API, one thread. Same modes, arguments and one-line JSON
 * output as bench/torch_peer.py:
 *
 * <pre>
 *   info
 *   step --net 784-128-64-10/150 --optimizer sgd|adam --warmup S --iterations N --iteration-time S
 *   study --data MNIST_DIR --runs 0,2,4 --epochs E
 * </pre>
 *
 * The step: gather a minibatch of 784 float32 inputs from 50,000 random examples in one fixed
 * shuffled order (keeping the short last batch, as initlab's Trainer.trainSteps), forward
 * (torch.nn.functional.linear + ReLU, linear output), log-softmax cross-entropy (mean), backward
 * (libtorch autograd through DJL's GradientCollector), DJL's SGD or Adam update (libtorch kernels,
 * lr 0.01; Adam β = (0.9, 0.999), ε = 1e-8); Kaiming-uniform weights U(±√(6/fan_in)), zero biases.
 * NDArrays of a step are freed by an NDScope, the way DJL documents for loops.
 */
public final class DjlPeer {
    private static final String[] INITIALIZERS = {"zero", "random", "xavier", "he"};
    private static final String[] ACTIVATIONS = {"relu", "tanh", "sigmoid"};

    private DjlPeer() {}

    public static void main(String[] args) throws Exception {
        if (args.length == 0) usage("a mode: info, step or study");
        Arguments a = new Arguments(args);
        // loads libtorch; the engine sets one intra-op and one inter-op thread from the system properties
        // ai.djl.pytorch.num_threads / num_interop_threads, which bench/peer gives; the intra-op count again here
        Engine.getEngine("PyTorch");
        JniUtils.setNumThreads(1);
        String out;
        switch (args[0]) {
            case "info" -> out = "{" + info() + "}";
            case "step" -> out = step(a);
            case "study" -> out = study(a);
            default -> { usage("unknown mode " + args[0]); return; }
        }
        System.out.println(out);
    }

    private static void usage(String why) {
        System.err.println("djl-peer: " + why + "; usage: info | step --net W-W-W/B --optimizer sgd|adam ... | study --data DIR --runs I,J --epochs E");
        System.exit(2);
    }

    private static String info() {
        return String.format(Locale.ROOT,
                "\"djl\": \"%s\", \"libtorch\": \"%s\", \"java\": \"%s\", \"torch_threads\": %d, \"torch_interop_threads\": %d",
                Engine.getDjlVersion(), Engine.getEngine("PyTorch").getVersion(), Runtime.version(),
                JniUtils.getNumThreads(), JniUtils.getNumInteropThreads());
    }

    /** A net's parameters: weights [out, in] as torch.nn.Linear holds them, and biases. */
    private record Net(List<NDArray> weights, List<NDArray> biases, UnaryOperator<NDArray> activation) {
        NDArray forward(NDArray x) {
            int last = weights.size() - 1;
            for (int i = 0; i <= last; i++) {
                x = Linear.linear(x, weights.get(i), biases.get(i)).singletonOrThrow();
                if (i < last) x = activation.apply(x);
            }
            return x;
        }

        List<NDArray> parameters() {
            List<NDArray> p = new ArrayList<>();
            for (int i = 0; i < weights.size(); i++) {
                p.add(weights.get(i));
                p.add(biases.get(i));
            }
            return p;
        }
    }

    private static Net build(NDManager m, int[] widths, String init, String activation) {
        List<NDArray> w = new ArrayList<>(), b = new ArrayList<>();
        for (int i = 0; i + 1 < widths.length; i++) {
            int fanIn = widths[i], fanOut = widths[i + 1];
            Shape shape = new Shape(fanOut, fanIn);
            NDArray weight = switch (init) {
                case "zero" -> m.zeros(shape);
                case "random" -> m.randomNormal(0f, 1f, shape, DataType.FLOAT32);
                // U(±gain·√(6/(fan_in+fan_out))), gain 1 (Glorot & Bengio 2010; nn.init.xavier_uniform_)
                case "xavier" -> uniform(m, Math.sqrt(6.0 / (fanIn + fanOut)), shape);
                // nn.init.kaiming_uniform_ defaults (a=0, fan_in, leaky_relu): U(±√(6/fan_in))
                case "he" -> uniform(m, Math.sqrt(6.0 / fanIn), shape);
                default -> throw new IllegalArgumentException(init);
            };
            NDArray bias = m.zeros(new Shape(fanOut));
            weight.setRequiresGradient(true);
            bias.setRequiresGradient(true);
            w.add(weight);
            b.add(bias);
        }
        UnaryOperator<NDArray> f = switch (activation) {
            case "relu" -> Activation::relu;
            case "tanh" -> NDArray::tanh;
            case "sigmoid" -> Activation::sigmoid;
            default -> throw new IllegalArgumentException(activation);
        };
        return new Net(w, b, f);
    }

    private static NDArray uniform(NDManager m, double bound, Shape shape) {
        return m.randomUniform((float) -bound, (float) bound, shape, DataType.FLOAT32);
    }

    private static Optimizer optimizer(String name) {
        return switch (name) {
            case "sgd" -> Optimizer.sgd().setLearningRateTracker(Tracker.fixed(0.01f)).build();
            case "adam" -> Optimizer.adam().optLearningRateTracker(Tracker.fixed(0.01f)).build();
            default -> throw new IllegalArgumentException("unknown optimizer " + name);
        };
    }

    /** One step on rows {@code idx}: forward, mean cross-entropy, backward, update; returns the loss. */
    private static NDArray trainStep(NDManager m, Net net, Optimizer opt, NDArray x, NDArray y, long[] idx) {
        NDArray rows = m.create(idx);
        NDArray xb = x.get(rows), yb = y.get(rows);
        NDArray loss;
        try (GradientCollector gc = Engine.getInstance().newGradientCollector()) {
            loss = crossEntropy(net.forward(xb), yb);
            gc.backward(loss);
        }
        List<NDArray> params = net.parameters();
        for (int i = 0; i < params.size(); i++) {
            NDArray p = params.get(i);
            NDArray grad = p.getGradient();
            opt.update("p" + i, p, grad);
            JniUtils.zeroGrad((ai.djl.pytorch.engine.PtNDArray) p); // PyTorch accumulates gradients
        }
        return loss;
    }

    /** Mean over the batch of −log softmax(logits)[label]. */
    private static NDArray crossEntropy(NDArray logits, NDArray labels) {
        return logits.logSoftmax(1).gather(labels.reshape(-1, 1), 1).neg().mean();
    }

    private static double cpuSeconds() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime() / 1e9;
    }

    private static String step(Arguments a) {
        String[] parts = a.get("--net").split("/");
        String[] ws = parts[0].split("-");
        int[] widths = new int[ws.length];
        for (int i = 0; i < ws.length; i++) widths[i] = Integer.parseInt(ws[i]);
        int batch = Integer.parseInt(parts[1]);
        double warmup = a.number("--warmup", 2), iterationTime = a.number("--iteration-time", 1);
        int iterations = (int) a.number("--iterations", 5);
        int n = 50_000;
        Engine.getInstance().setRandomSeed(1);
        try (NDManager m = NDManager.newBaseManager()) {
            NDArray x = m.randomUniform(0f, 1f, new Shape(n, widths[0]), DataType.FLOAT32);
            NDArray y = m.randomInteger(0, widths[widths.length - 1], new Shape(n), DataType.INT64);
            long[] order = permutation(n, new Random(1));
            Net net = build(m, widths, "he", "relu");
            Optimizer opt = optimizer(a.get("--optimizer"));
            StepLoop loop = new StepLoop(m, net, opt, x, y, order, batch);
            loop.run(1, false); // outside a scope: the optimizer's state (Adam's moments) is created here and must live on
            loop.timed(warmup);
            StringBuilder us = new StringBuilder(), cpu = new StringBuilder();
            for (int i = 0; i < iterations; i++) {
                double c0 = cpuSeconds(), t0 = System.nanoTime();
                double u = loop.timed(iterationTime);
                double ratio = (cpuSeconds() - c0) / ((System.nanoTime() - t0) / 1e9);
                us.append(i == 0 ? "" : ", ").append(String.format(Locale.ROOT, "%.3f", u));
                cpu.append(i == 0 ? "" : ", ").append(String.format(Locale.ROOT, "%.4f", ratio));
            }
            float loss = loop.run(1, false);
            return String.format(Locale.ROOT, "{\"us_per_step\": [%s], \"cpu_over_wall\": [%s], \"steps\": %d, \"loss\": %.6f, %s}",
                    us, cpu, loop.steps, loss, info());
        }
    }

    /** initlab's Trainer.trainSteps walk: one fixed order, batches of {@code batch}, the short last batch kept. */
    private static final class StepLoop {
        final NDManager m; final Net net; final Optimizer opt; final NDArray x, y; final long[] order; final int batch;
        int pos;
        long steps;

        StepLoop(NDManager m, Net net, Optimizer opt, NDArray x, NDArray y, long[] order, int batch) {
            this.m = m; this.net = net; this.opt = opt; this.x = x; this.y = y; this.order = order; this.batch = batch;
        }

        /** {@code count} steps; the last loss (read from the native tensor only then). */
        float run(int count, boolean scoped) {
            float last = Float.NaN;
            for (int s = 0; s < count; s++) {
                if (pos >= order.length) pos = 0;
                int rows = Math.min(batch, order.length - pos);
                long[] idx = java.util.Arrays.copyOfRange(order, pos, pos + rows);
                pos += rows;
                if (scoped) {
                    try (NDScope scope = new NDScope()) {
                        NDArray loss = trainStep(m, net, opt, x, y, idx);
                        if (s == count - 1) last = loss.getFloat();
                    }
                } else {
                    last = trainStep(m, net, opt, x, y, idx).getFloat();
                }
                steps++;
            }
            return last;
        }

        /** Steps in chunks of 10 until {@code seconds} have passed; µs per step. */
        double timed(double seconds) {
            long t0 = System.nanoTime();
            long done = 0;
            while (true) {
                run(10, true);
                done += 10;
                double t = (System.nanoTime() - t0) / 1e9;
                if (t >= seconds) return t / done * 1e6;
            }
        }
    }

    private static long[] permutation(int n, Random r) {
        long[] p = new long[n];
        for (int i = 0; i < n; i++) p[i] = i;
        for (int i = n - 1; i > 0; i--) { // Fisher–Yates
            int j = r.nextInt(i + 1);
            long t = p[i]; p[i] = p[j]; p[j] = t;
        }
        return p;
    }

    // ---- the study ----

    /** IDX (LeCun's MNIST format): magic 0,0,type,ndim; ndim big-endian int32 sizes; uint8 data. */
    private static byte[] idx(Path file, int[] dimsOut) throws IOException {
        try (InputStream raw = Files.newInputStream(file); DataInputStream in = new DataInputStream(new GZIPInputStream(raw, 1 << 16))) {
            int magic = in.readInt();
            int ndim = magic & 0xff;
            long size = 1;
            for (int i = 0; i < ndim; i++) {
                int d = in.readInt();
                if (i < dimsOut.length) dimsOut[i] = d;
                size *= d;
            }
            byte[] data = new byte[(int) size];
            in.readFully(data);
            return data;
        }
    }

    /** Images as pixel/255 float32 rows [from, to) and their labels. */
    private static NDArray[] split(NDManager m, byte[] pixels, byte[] labels, int from, int to) {
        float[] x = new float[(to - from) * 784];
        long[] y = new long[to - from];
        for (int i = from; i < to; i++) {
            for (int j = 0; j < 784; j++) x[(i - from) * 784 + j] = (pixels[i * 784 + j] & 0xff) / 255f;
            y[i - from] = labels[i] & 0xff;
        }
        return new NDArray[] {m.create(x, new Shape(to - from, 784)), m.create(y)};
    }

    /** Mean cross-entropy and accuracy in batches of 1000 (initlab's evaluation batch). */
    private static double[] evaluate(NDManager m, Net net, NDArray[] split) {
        long n = split[1].size();
        double loss = 0, correct = 0;
        try (NDScope scope = new NDScope()) {
            for (long s = 0; s < n; s += 1000) {
                long e = Math.min(n, s + 1000);
                NDArray x = split[0].get(s + ":" + e), y = split[1].get(s + ":" + e);
                NDArray logits = net.forward(x);
                loss += crossEntropy(logits, y).getFloat() * (e - s);
                correct += logits.argMax(1).eq(y).sum().toType(DataType.FLOAT64, false).getDouble();
            }
        }
        return new double[] {loss / n, correct / n};
    }

    private static String study(Arguments a) throws IOException {
        long tStart = System.nanoTime();
        Path dir = Path.of(a.get("--data"));
        int epochs = (int) a.number("--epochs", 35);
        int[] dims = new int[3];
        byte[] trainX = idx(dir.resolve("train-images-idx3-ubyte.gz"), dims), trainY = idx(dir.resolve("train-labels-idx1-ubyte.gz"), dims);
        byte[] testX = idx(dir.resolve("t10k-images-idx3-ubyte.gz"), dims), testY = idx(dir.resolve("t10k-labels-idx1-ubyte.gz"), dims);
        StringBuilder runs = new StringBuilder();
        try (NDManager m = NDManager.newBaseManager()) {
            NDArray[] train = split(m, trainX, trainY, 0, 50_000);
            NDArray[] val = split(m, trainX, trainY, 50_000, 60_000);
            NDArray[] test = split(m, testX, testY, 0, 10_000);
            for (String r : a.get("--runs").split(",")) {
                int run = Integer.parseInt(r.trim());
                String init = INITIALIZERS[run / 3], act = ACTIVATIONS[run % 3];
                long t0 = System.nanoTime();
                Engine.getInstance().setRandomSeed(run);
                Random shuffle = new Random(run);
                try (NDManager rm = m.newSubManager()) {
                    Net net = build(rm, new int[] {784, 128, 64, 10}, init, act);
                    Optimizer opt = optimizer("sgd");
                    double[] v = evaluate(rm, net, val), t = evaluate(rm, net, test);
                    for (int epoch = 1; epoch <= epochs; epoch++) {
                        long[] order = permutation(50_000, shuffle);
                        for (int s = 0; s < order.length; s += 150) {
                            long[] idx = java.util.Arrays.copyOfRange(order, s, Math.min(order.length, s + 150));
                            if (epoch == 1 && s == 0) trainStep(rm, net, opt, train[0], train[1], idx); // unscoped: see step()
                            else try (NDScope scope = new NDScope()) {
                                trainStep(rm, net, opt, train[0], train[1], idx);
                            }
                        }
                        v = evaluate(rm, net, val);
                        t = evaluate(rm, net, test);
                    }
                    if (!runs.isEmpty()) runs.append(", ");
                    runs.append(String.format(Locale.ROOT,
                            "{\"run\": %d, \"initializer\": \"%s\", \"activation\": \"%s\", \"epochs\": %d, \"val_loss\": %.6f, \"val_accuracy\": %.4f, \"test_loss\": %.6f, \"test_accuracy\": %.4f, \"seconds\": %.3f}",
                            run, init, act, epochs, v[0], v[1], t[0], t[1], (System.nanoTime() - t0) / 1e9));
                }
            }
        }
        return String.format(Locale.ROOT, "{\"runs\": [%s], \"seconds\": %.3f, %s}", runs, (System.nanoTime() - tStart) / 1e9, info());
    }

    /** {@code --name value} pairs after the mode. */
    private record Arguments(String[] args) {
        String get(String name) {
            for (int i = 1; i + 1 < args.length; i++) if (args[i].equals(name)) return args[i + 1];
            usage("missing " + name);
            return null;
        }

        double number(String name, double fallback) {
            for (int i = 1; i + 1 < args.length; i++) if (args[i].equals(name)) return Double.parseDouble(args[i + 1]);
            return fallback;
        }
    }
}
