package org.initlab.study;

import org.initlab.train.probe.ProbeSet;
import org.initlab.data.Dataset;
import org.initlab.data.DatasetShape;
import org.initlab.train.RunListener;
import org.initlab.train.SyntheticData;
import org.initlab.train.Trainer;
import org.junit.jupiter.api.Test;

import java.lang.management.ManagementFactory;
import java.util.Locale;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The estimate against what building a trainer really allocates, measured with
 * {@code ThreadMXBean.getThreadAllocatedBytes} (exact for the thread: every TLAB and outside
 * allocation). Agreement within {@value #TOLERANCE} of the measured bytes plus {@value #SLACK}
 * bytes (the handful of small objects the estimate does not list: random streams, parameter
 * records, lists).
 */
class MemoryEstimateTest {
    static final double TOLERANCE = 0.002;
    static final long SLACK = 32 * 1024;

    static final Dataset MNIST_SHAPED = SyntheticData.blobs(3000, 1000, 500, 784, 10);
    static final Dataset SMALL = SyntheticData.blobs(2000, 0, 300, 100, 5);

    static PlannedRun run(String settings) {
        String yaml = "name: m\nseeds: 1\nsettings:\n" + settings.indent(2);
        return Grid.expand(StudySpecParserTest.parse(yaml)).getFirst();
    }

    /** Bytes allocated building a trainer with the run's probes, as {@link RunTraining} does. */
    static long allocatedBuilding(PlannedRun run, Dataset data) {
        com.sun.management.ThreadMXBean bean = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        long id = Thread.currentThread().threadId();
        new Trainer(run.spec().plan(), data, ProbeSet.of(run.probes(), data), RunListener.NONE); // warm: classes loaded, constants built
        long before = bean.getThreadAllocatedBytes(id);
        Trainer t = new Trainer(run.spec().plan(), data, ProbeSet.of(run.probes(), data), RunListener.NONE);
        long after = bean.getThreadAllocatedBytes(id);
        assertTrue(t.network().layers().size() > 0);
        return after - before;
    }

    static void agrees(String settings, Dataset data) {
        PlannedRun spec = run(settings);
        MemoryEstimate e = MemoryEstimate.of(spec, DatasetShape.of(data));
        long measured = allocatedBuilding(spec, data);
        long estimated = e.building();
        System.out.printf(Locale.ROOT, "memory estimate %-70s estimated %,13d measured %,13d (%+.3f%%)%n",
                settings.replace('\n', ' '), estimated, measured, 100.0 * (estimated - measured) / measured);
        assertTrue(Math.abs(estimated - measured) <= TOLERANCE * measured + SLACK,
                settings + ": estimated " + estimated + ", measured " + measured);
    }

    @Test
    void theDefaultNetWithSgd() {
        agrees("architecture: [128, 64]\noptimizer: {name: sgd, lr: 0.01}", MNIST_SHAPED);
    }

    @Test
    void sgdWithMomentumKeepsOneCopy() {
        agrees("architecture: [300, 100]\noptimizer: {name: sgd, lr: 0.01, momentum: 0.9}\nbatch_size: 64", MNIST_SHAPED);
    }

    @Test
    void adamKeepsTwoCopiesAndAmsgradThree() {
        agrees("architecture: [1024, 1024]\noptimizer: {name: adam, lr: 0.001}", MNIST_SHAPED);
        agrees("architecture: [512]\noptimizer: {name: adam, lr: 0.001, amsgrad: true}\nbatch_size: 2000", MNIST_SHAPED);
    }

    @Test
    void rmspropCenteredWithMomentumAndAnActivatedOutput() {
        agrees("architecture: [256, 256, 256]\noptimizer: {name: rmsprop, lr: 0.001, centered: true, momentum: 0.5}\n"
                + "output_activation: true\nbatch_size: 500\nevaluation: {batch_size: 250}", SMALL);
    }

    @Test
    void linearWithAdagrad() {
        agrees("architecture: []\noptimizer: {name: adagrad, lr: 0.01}\nprobes: {probe_batch: 64}", MNIST_SHAPED);
    }

    /** Orthogonal init builds three m × n double matrices per layer, freed before the next layer. */
    @Test
    void orthogonalInitScratch() {
        agrees("architecture: [512]\ninitializer: orthogonal", MNIST_SHAPED);
    }

    @Test
    void aWideNetIsDominatedByItsWeights() {
        PlannedRun spec = run("architecture: [30000, 30000]");
        MemoryEstimate e = MemoryEstimate.of(spec, DatasetShape.catalogue("mnist"));
        long weights = 784L * 30000 + 30000L * 30000 + 30000L * 10;
        // weights, gradients, the weights before a sampled update, the trainer's scratch (largest layer)
        assertTrue(e.peak() > 4 * 4 * weights - 4 * 784L * 30000, "" + e.peak());
        assertTrue(e.peak() < 4 * 4 * weights + 2_000_000_000L, "" + e.peak());
        assertEquals("the weights of layer dense2 would be 46,341 × 46,341 = 2,147,488,281 numbers",
                MemoryEstimate.of(run("architecture: [46341, 46341]"), DatasetShape.catalogue("mnist")).tooLarge());
    }
}
