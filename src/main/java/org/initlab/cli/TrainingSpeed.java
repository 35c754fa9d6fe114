package org.initlab.cli;

import org.initlab.data.Dataset;
import org.initlab.data.DatasetShape;
import org.initlab.data.DatasetSource;
import org.initlab.data.Origin;
import org.initlab.data.Preprocessing;
import org.initlab.data.Split;
import org.initlab.math.RandomStreams;
import org.initlab.study.PlannedRun;
import org.initlab.study.RunSpec;
import org.initlab.study.StudyRunner;
import org.initlab.train.ProbeSettings;
import org.initlab.train.RunListener;
import org.initlab.train.Trainer;
import org.initlab.train.TrainingPlan;
import org.initlab.train.probe.ProbeSet;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.PriorityQueue;
import java.util.function.LongSupplier;
import java.util.random.RandomGenerator;

/**
 * How long a study's runs take on this machine as it is now, from real training steps: the
 * study's own most expensive net and a typical one (by multiply–adds per step), each built as
 * {@link PlannedRun#train} builds it — the run's plan, its probes, a {@link Trainer} — on random
 * inputs of the dataset's shape, and stepped on as many threads at once as the study will use, so
 * that memory bandwidth, shared caches and the machine's other work weigh on the measurement as
 * they will on the study.
 *
 * <p>A step's time is split in two, measured apart: the CPU time a step takes once the JIT has
 * compiled it (a property of the machine and the net), and the share of its cores the process gets
 * now (of the machine's load: the whole process's CPU time over the wall time of the stepping
 * threads, window by window of about 0.25 s). The whole process, not the stepping threads alone:
 * while the JIT still compiles, its compiler threads take the cores from the stepping threads,
 * which then get a tenth of a core on a machine where the study itself gets nearly all of two
 * (seen on a loaded machine: 9 % per thread and 8 min estimated, 34 s trained). The JIT needs
 * about 2 s of CPU time to compile a step's kernels, and until then a step runs several times
 * slower; on a loaded machine, where a thread may get a fifth of a core, a warm-up counted in wall
 * time ends before the compiler has run (which is how an earlier estimate, from 4 s of wall time,
 * said 5 h 26 min for a 23 min study). So the warm-up is judged in the thread's CPU time (three
 * blocks in a row within 10 %), and when the budget runs out before that, the compiled step is
 * taken as the 10th percentile of the last blocks' CPU time (the step is still getting faster,
 * never slower) and the estimate says so. The 10–90 % range of the estimate is that of the
 * share over the windows measured; "idle" is the compiled step at a whole core per thread.
 *
 * <p>A run's time is its multiply–adds ({@link StudyRunner#cost}: training steps, evaluations,
 * probe batches) times the measured time per multiply–add of a step of its size, interpolated
 * linearly in the multiply–adds per step between the two nets measured (a small net spends more of
 * its step outside the products); the study's time schedules the runs longest first on the
 * threads, as {@link StudyRunner} does, and takes the last to finish.
 */
final class TrainingSpeed {
    /** How long the timing may take, in wall time: the warm-up until the steps have settled, at most {@code warmUpSeconds}, then the measuring. */
    record Budget(double warmUpSeconds, double measureSeconds) {
        /**
         * A warm-up of at most 30 s, then 2.5 s of measuring. On an idle machine the JIT has compiled
         * the steps within 2 s; at load 5 on 2 cores (a thread gets about a third of a core) within
         * 6–8 s; at load 20 it needs 20–30 s. A warm-up capped at 7.5 s gave the seed study 21 min
         * and 44 min at a whole core in two calls a minute apart at load 14 (it took 23 min).
         */
        static final Budget DEFAULT = new Budget(30, 2.5);
    }

    /**
     * A net measured.
     *
     * @param what     "784-128-64-10 at batch 150, relu, sgd"
     * @param cpuStep  CPU seconds of a compiled step: its wall time at a whole core
     * @param blocks   the blocks of steps timed
     * @param settled  whether the CPU time per step had settled before measuring
     */
    record Net(String what, double macsPerStep, double cpuStep, int blocks, long steps, boolean settled) {}

    /**
     * The share of its cores (one per stepping thread) the process got, window by window: 10th,
     * 50th and 90th percentiles over {@code samples} windows.
     */
    record Share(double p10, double p50, double p90, int samples) {
        Share {
            if (!(0 < p10 && p10 <= p50 && p50 <= p90 && p90 <= 1)) throw new IllegalArgumentException("shares " + p10 + " " + p50 + " " + p90);
        }
    }

    /**
     * Seconds the study takes: {@code idle} at a whole core per thread; now, at the share measured:
     * idle / median share, and the 10–90 % range idle / share90 … idle / share10 (the schedule is
     * linear in the step times, so scaling every step scales the study).
     */
    record Estimate(double idle, Share share, List<Net> nets, int threads, double loadAverage, int cores) {
        double median() { return idle / share.p50(); }

        double p10() { return idle / share.p90(); }

        double p90() { return idle / share.p10(); }

        int samples() { return share.samples(); }

        boolean settled() {
            return nets.stream().allMatch(Net::settled);
        }
    }

    private final DatasetShape shape;
    private final int validation;
    private final Budget budget;
    private final LongSupplier cpuClock;

    TrainingSpeed(DatasetShape shape, int validation, Budget budget) {
        this.shape = shape;
        this.validation = validation;
        this.budget = budget;
        ThreadMXBean mx = ManagementFactory.getThreadMXBean();
        this.cpuClock = mx.isCurrentThreadCpuTimeSupported() ? mx::getCurrentThreadCpuTime : System::nanoTime;
    }

    /**
     * Starts measuring on a thread of its own (so that the JIT warms up while the dry run reads
     * the data and the folder) and gives the estimate of {@code runs} on {@code jobs} threads when
     * it is done.
     */
    java.util.concurrent.Future<Estimate> start(List<PlannedRun> runs, int jobs) {
        java.util.concurrent.FutureTask<Estimate> task = new java.util.concurrent.FutureTask<>(() -> estimate(runs, jobs));
        Thread t = new Thread(task, "initlab-speed");
        t.setDaemon(true);
        t.start();
        return task;
    }

    /** Measures and estimates the time of {@code runs} on {@code jobs} threads. */
    Estimate estimate(List<PlannedRun> runs, int jobs) {
        int threads = Math.max(1, Math.min(jobs, runs.size()));
        List<PlannedRun> chosen = references(runs);
        boolean settled = warmUp(chosen, System.nanoTime() + (long) (budget.warmUpSeconds() * 1e9));
        List<double[]> windows = new ArrayList<>();
        List<Net> nets = measure(chosen, threads, System.nanoTime() + (long) (budget.measureSeconds() * 1e9), settled, windows);
        double load = ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
        return new Estimate(makespan(runs, nets, threads), share(windows, threads), nets, threads, load, Runtime.getRuntime().availableProcessors());
    }

    /**
     * The warm-up, on one thread: the JIT compiles on threads of this process, and where the
     * operating system shares the CPU between sessions (Linux's autogroup) more stepping threads
     * would take their time. First small nets ({@link #warmUpSmall}), then the chosen nets a block
     * of about 0.1 s each in turn, until each one's CPU time per step has settled or {@code end}.
     * Whether all settled.
     */
    private boolean warmUp(List<PlannedRun> chosen, long end) {
        warmUpSmall(chosen, 1, System.nanoTime() + Math.min(5_000_000_000L, (end - System.nanoTime()) / 4));
        List<Trainer> trainers = new ArrayList<>();
        List<List<double[]>> records = new ArrayList<>();
        for (PlannedRun r : chosen) {
            Dataset d = synthetic(r.spec(), r.probes().probeBatch());
            trainers.add(new Trainer(r.spec().plan(), d, ProbeSet.of(r.probes(), d), RunListener.NONE));
            records.add(new ArrayList<>());
        }
        boolean[] done = new boolean[chosen.size()];
        Thread worker = new Thread(() -> {
            int left = chosen.size();
            for (int i = 0; left > 0 && System.nanoTime() < end; i++) {
                int n = i % chosen.size();
                if (done[n]) continue;
                block(trainers.get(n), records.get(n));
                if (settledFrom(records.get(n)) >= 0) {
                    done[n] = true;
                    left--;
                }
            }
        }, "initlab-speed");
        worker.setDaemon(true);
        worker.start();
        join(new Thread[]{worker});
        for (boolean d : done) if (!d) return false;
        return true;
    }

    /**
     * Steps small nets with the chosen runs' activations, initializers, optimizers and probes, in
     * turn, on {@code threads} threads until each has spent 0.5 s of CPU time or {@code end}: their
     * steps are about a thousand times cheaper than a study's, so the JIT meets its compile
     * thresholds for the step's methods (products, activation, loss, optimizer, probes) in a
     * fraction of the time, before the study's nets are stepped. Odd sizes (21 inputs, 19 and 13
     * units, batches of 7) take the vector loops' tails too, so that the compiled code has them.
     */
    private void warmUpSmall(List<PlannedRun> runs, int threads, long end) {
        RandomGenerator rng = RandomStreams.of(2);
        Thread[] workers = new Thread[threads];
        for (int t = 0; t < threads; t++) {
            List<Trainer> trainers = new ArrayList<>();
            for (PlannedRun run : runs) {
                TrainingPlan p = run.spec().plan();
                TrainingPlan small = new TrainingPlan(new int[]{19, 13}, p.activation(), p.activateOutput(), p.weightInit(), p.biasInit(),
                        p.optimizer(), 7, 1, p.seed(), p.evaluation());
                Dataset data = dataset(21, classes(run.spec()), 203, 7, rng);
                ProbeSettings probes = new ProbeSettings(run.probes().lossEvery(), 7, run.probes().ratioEvery(), run.probes().saturationThreshold());
                trainers.add(new Trainer(small, data, ProbeSet.of(probes, data), RunListener.NONE));
            }
            workers[t] = new Thread(() -> {
                long cpu0 = cpuClock.getAsLong();
                for (int i = 0; cpuClock.getAsLong() - cpu0 < 500_000_000L && System.nanoTime() < end; i++) {
                    trainers.get(i % trainers.size()).step();
                }
            }, "initlab-speed");
            workers[t].setDaemon(true);
            workers[t].start();
        }
        join(workers);
    }

    private static void join(Thread[] workers) {
        for (Thread w : workers) {
            try {
                w.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    /** Multiply–adds of one training step: forward and the two backward products, each batch × Σ in·out. */
    double macsPerStep(RunSpec s) {
        double macs = 0;
        int in = shape.features();
        for (int h : s.hidden()) {
            macs += (double) in * h;
            in = h;
        }
        macs += (double) in * classes(s);
        return 3.0 * s.batchSize() * macs;
    }

    private int classes(RunSpec s) {
        return s.classes() != null ? s.classes() : shape.classes();
    }

    private double cost(PlannedRun r) {
        int train = Math.max(1, shape.training() - validation);
        return StudyRunner.cost(r, shape.features(), classes(r.spec()), train, validation, shape.test());
    }

    /**
     * The most expensive run by multiply–adds per step, and, when it differs, a typical one: of the
     * runs whose step is the median run's size, one with the study's most common activation and
     * optimizer.
     */
    List<PlannedRun> references(List<PlannedRun> runs) {
        List<PlannedRun> sorted = new ArrayList<>(runs);
        sorted.sort(Comparator.comparingDouble(r -> macsPerStep(r.spec())));
        PlannedRun largest = sorted.getLast();
        double median = macsPerStep(sorted.get(sorted.size() / 2).spec());
        java.util.Map<String, Long> common = new java.util.HashMap<>();
        for (PlannedRun r : runs) common.merge(kind(r), 1L, Long::sum);
        PlannedRun typical = sorted.stream().filter(r -> macsPerStep(r.spec()) == median)
                .max(Comparator.comparingLong((PlannedRun r) -> common.get(kind(r)))).orElseThrow();
        boolean same = macsPerStep(typical.spec()) >= 0.9 * macsPerStep(largest.spec()) && kind(typical).equals(kind(largest));
        return same ? List.of(largest) : List.of(largest, typical);
    }

    /** A run's activation and optimizer: what besides its size changes what a step computes. */
    private static String kind(PlannedRun r) {
        return r.spec().activation() + " " + r.spec().optimizer().name();
    }

    /**
     * Steps the chosen nets on {@code threads} threads at once until {@code end}, recording blocks
     * of about 0.1 s: with as many threads as nets or more, thread t steps net t mod the number of
     * nets (the study mixes its nets too); one thread takes the nets in turn, a block each.
     */
    private List<Net> measure(List<PlannedRun> chosen, int threads, long end, boolean settled, List<double[]> windows) {
        List<Dataset> data = new ArrayList<>();
        for (PlannedRun r : chosen) data.add(synthetic(r.spec(), r.probes().probeBatch()));
        List<List<List<double[]>>> blocks = new ArrayList<>(); // net → thread → blocks {wall s/step, cpu s/step, steps}
        for (int n = 0; n < chosen.size(); n++) blocks.add(new ArrayList<>());
        Thread[] workers = new Thread[threads];
        for (int t = 0; t < threads; t++) {
            List<Integer> mine = new ArrayList<>();
            if (threads >= chosen.size()) mine.add(t % chosen.size());
            else for (int n = 0; n < chosen.size(); n++) mine.add(n);
            List<Trainer> trainers = new ArrayList<>();
            List<List<double[]>> records = new ArrayList<>();
            for (int n : mine) {
                PlannedRun r = chosen.get(n);
                trainers.add(new Trainer(r.spec().plan(), data.get(n), ProbeSet.of(r.probes(), data.get(n)), RunListener.NONE));
                List<double[]> record = new ArrayList<>();
                records.add(record);
                synchronized (blocks) {
                    blocks.get(n).add(record);
                }
            }
            workers[t] = new Thread(() -> {
                for (int i = 0; System.nanoTime() < end; i++) block(trainers.get(i % trainers.size()), records.get(i % trainers.size()));
            }, "initlab-speed");
            workers[t].setDaemon(true);
            workers[t].start();
        }
        sampleProcess(end, windows);
        join(workers);
        List<Net> nets = new ArrayList<>();
        for (int n = 0; n < chosen.size(); n++) nets.add(net(chosen.get(n), blocks.get(n), settled));
        return nets;
    }

    /** Steps for about 0.1 s of wall time (at least one step) and records {wall, cpu} seconds per step and the steps. */
    private void block(Trainer trainer, List<double[]> into) {
        long w0 = System.nanoTime(), c0 = cpuClock.getAsLong();
        int n = 0;
        do {
            trainer.step();
            n++;
        } while (System.nanoTime() - w0 < 100_000_000L);
        into.add(new double[]{(System.nanoTime() - w0) / 1e9 / n, (cpuClock.getAsLong() - c0) / 1e9 / n, n});
    }

    /**
     * Until {@code end}, the process's CPU time and the wall time, window by window of about
     * 0.25 s, into {@code windows} as {cpu seconds, wall seconds}. The process's CPU time counts
     * every thread of it (the stepping threads, the JIT's, the garbage collector's): what the
     * machine gives the process now, which the study's threads will have once the JIT is done.
     */
    private void sampleProcess(long end, List<double[]> windows) {
        LongSupplier process = processCpu();
        if (process == null) return; // the workers are joined after: no windows, a whole core
        long w0 = System.nanoTime(), c0 = process.getAsLong();
        while (System.nanoTime() < end) {
            try {
                Thread.sleep(Math.max(1, Math.min(250, (end - System.nanoTime()) / 1_000_000)));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
            long w = System.nanoTime(), c = process.getAsLong();
            if (w - w0 >= 100_000_000L) {
                windows.add(new double[]{(c - c0) / 1e9, (w - w0) / 1e9});
                w0 = w;
                c0 = c;
            }
        }
    }

    /** The process's CPU time in ns (every thread's), or null where Java cannot tell. */
    private static LongSupplier processCpu() {
        if (ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os && os.getProcessCpuTime() >= 0) {
            return os::getProcessCpuTime;
        }
        return null;
    }

    /**
     * The share of {@code threads} cores the process got in each window (its CPU over wall time ×
     * threads, at most 1), and their 10/50/90 % quantiles; a whole core when nothing was measured.
     */
    static Share share(List<double[]> windows, int threads) {
        double[] share = windows.stream().mapToDouble(w -> Math.max(1e-3, Math.min(1, w[0] / (w[1] * threads))))
                .sorted().toArray();
        if (share.length == 0) return new Share(1, 1, 1, 0);
        return new Share(quantile(share, 0.1), quantile(share, 0.5), quantile(share, 0.9), share.length);
    }

    /**
     * A net's measurement from each thread's blocks: the compiled step is the median CPU time per
     * step of the blocks when the warm-up settled, else their 10th percentile (the step is still
     * getting faster, never slower).
     */
    private Net net(PlannedRun run, List<List<double[]>> threads, boolean settled) {
        List<Double> cpus = new ArrayList<>();
        long steps = 0;
        for (List<double[]> blocks : threads) {
            for (double[] b : blocks) {
                steps += (long) b[2];
                cpus.add(b[1]);
            }
        }
        double[] cpu = cpus.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        double cpuStep = quantile(cpu, settled ? 0.5 : 0.1);
        RunSpec s = run.spec();
        String what = shape.features() + "-" + String.join("-", s.hidden().stream().map(String::valueOf).toList())
                + (s.hidden().isEmpty() ? "" : "-") + classes(s) + " at batch " + s.batchSize() + ", " + s.activation().name() + ", " + s.optimizer().name();
        return new Net(what, macsPerStep(s), cpuStep, cpu.length, steps, settled);
    }

    /** The first block of three in a row within 10 % of each other in CPU time per step, after 200 steps; -1 if none. */
    static int settledFrom(List<double[]> blocks) {
        long steps = 0;
        for (int i = 0; i + 2 < blocks.size(); i++) {
            steps += (long) blocks.get(i)[2];
            if (steps < 200) continue;
            double a = blocks.get(i)[1], b = blocks.get(i + 1)[1], c = blocks.get(i + 2)[1];
            if (Math.max(a, Math.max(b, c)) <= 1.1 * Math.min(a, Math.min(b, c))) return i;
        }
        return -1;
    }

    /**
     * Random inputs of the dataset's shape (the step's cost does not depend on the values): a
     * training split of a few batches, a validation split as large as the probe batch.
     */
    private Dataset synthetic(RunSpec s, int probeBatch) {
        int trainRows = Math.max(s.batchSize(), Math.min(Math.max(1, shape.training() - validation), Math.max(4 * s.batchSize(), 2048)));
        return dataset(shape.features(), classes(s), trainRows, Math.max(1, probeBatch), RandomStreams.of(1));
    }

    private static Dataset dataset(int features, int classes, int trainRows, int validationRows, RandomGenerator rng) {
        Split train = split("train", trainRows, features, classes, rng);
        Split val = split("validation", validationRows, features, classes, rng);
        Split test = split("test", 1, features, classes, rng);
        return new Dataset("timing", classes, train, val, test,
                new DatasetSource("timing", "synthetic", "memory", Origin.PATH, List.of(), false, Preprocessing.SCALE_01, 0, 1, val.size()));
    }

    private static Split split(String name, int rows, int features, int classes, RandomGenerator rng) {
        float[] x = new float[rows * features];
        for (int i = 0; i < x.length; i++) x[i] = rng.nextFloat();
        int[] y = new int[rows];
        for (int i = 0; i < rows; i++) y[i] = rng.nextInt(classes);
        return new Split(name, rows, features, x, y);
    }

    /** The q-quantile of sorted values, interpolated (0 for none). */
    static double quantile(double[] sorted, double q) {
        if (sorted.length == 0) return 0;
        double pos = q * (sorted.length - 1);
        int lo = (int) Math.floor(pos), hi = Math.min(sorted.length - 1, lo + 1);
        return sorted[lo] + (pos - lo) * (sorted[hi] - sorted[lo]);
    }

    /**
     * Seconds a step of {@code macs} multiply–adds takes: the line through the measured nets' per-step
     * times (through the origin when one net was measured, or when the line would give a small
     * step a negative time).
     */
    static double stepSeconds(double macs, List<Net> nets) {
        java.util.function.ToDoubleFunction<Net> time = Net::cpuStep;
        Net a = nets.getFirst();
        if (nets.size() == 1 || nets.get(1).macsPerStep() == a.macsPerStep()) return time.applyAsDouble(a) * macs / a.macsPerStep();
        Net b = nets.get(1);
        double slope = (time.applyAsDouble(a) - time.applyAsDouble(b)) / (a.macsPerStep() - b.macsPerStep());
        double intercept = time.applyAsDouble(a) - slope * a.macsPerStep();
        if (intercept < 0 || slope < 0) {
            // least squares through the origin
            double num = time.applyAsDouble(a) * a.macsPerStep() + time.applyAsDouble(b) * b.macsPerStep();
            double den = a.macsPerStep() * a.macsPerStep() + b.macsPerStep() * b.macsPerStep();
            return num / den * macs;
        }
        return intercept + slope * macs;
    }

    /** At a whole core per thread, longest first on {@code threads} workers, each run to the least loaded one: when the last one ends. */
    double makespan(List<PlannedRun> runs, List<Net> nets, int threads) {
        double[] seconds = new double[runs.size()];
        for (int i = 0; i < runs.size(); i++) {
            RunSpec s = runs.get(i).spec();
            double m = macsPerStep(s);
            seconds[i] = cost(runs.get(i)) * stepSeconds(m, nets) / m;
        }
        Arrays.sort(seconds);
        PriorityQueue<Double> workers = new PriorityQueue<>();
        for (int t = 0; t < threads; t++) workers.add(0.0);
        double end = 0;
        for (int i = seconds.length - 1; i >= 0; i--) {
            double free = workers.poll() + seconds[i];
            end = Math.max(end, free);
            workers.add(free);
        }
        return end;
    }

    /** "0.62 ms" or "2.9 ms" or "1.4 s": a step's time. */
    static String stepTime(double seconds) {
        if (seconds >= 1) return String.format(Locale.ROOT, "%.1f s", seconds);
        double ms = seconds * 1e3;
        return String.format(Locale.ROOT, ms >= 10 ? "%.0f ms" : ms >= 1 ? "%.1f ms" : "%.2f ms", ms);
    }
}
