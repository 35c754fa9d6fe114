package org.initlab.train;

import org.initlab.data.Dataset;
import org.initlab.init.Initializers;
import org.initlab.nn.Activations;
import org.initlab.optim.Optimizers;
import org.initlab.train.probe.ActivationStatistics;
import org.initlab.train.probe.DeadUnits;
import org.initlab.train.probe.GradientNorms;
import org.initlab.train.probe.MinibatchLoss;
import org.initlab.train.probe.ProbeSet;
import org.initlab.train.probe.Saturation;
import org.initlab.train.probe.UpdateRatio;
import org.initlab.train.probe.WeightStatistics;
import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TrainerTest {
    static final Dataset DATA = SyntheticData.blobs(600, 200, 200, 36, 4);

    static final ProbeSettings PROBES = new ProbeSettings(3, 100, 4, 0.1);

    static TrainingPlan plan(String init, String activation, String optimizer, double lr, long seed, int epochs) {
        return new TrainingPlan(new int[]{24, 16}, Activations.create(activation), false,
                Initializers.weight(init, Map.of()), Initializers.bias("zeros", Map.of()),
                Optimizers.spec(optimizer, Map.of("lr", lr)), 50, epochs, seed,
                new Evaluation(true, true, 128, Evaluation.Aggregation.EXAMPLE_MEAN));
    }

    /** Trains with the registered probes. */
    static RunResult train(TrainingPlan plan) {
        return Trainer.run(plan, DATA, ProbeSet.of(PROBES, DATA), RunListener.NONE);
    }

    @Test
    void learnsAndRecordsEveryEpoch() {
        RunResult r = train(plan("xavier_uniform", "tanh", "sgd", 0.1, 0, 5));
        assertEquals(RunResult.COMPLETE, r.status());
        assertEquals(6, r.epochs().size(), "epoch 0 (init) and 5 epochs");
        assertNull(r.epochs().getFirst().trainLoss());
        assertTrue(r.epochs().getLast().testAccuracy() > 0.9, "blobs are easy: " + r.finalMetrics());
        assertTrue(r.epochs().getLast().trainLoss() < r.epochs().get(1).trainLoss());
        assertEquals(12 * 5, r.steps(), "600/50 steps per epoch");
        EpochRecord e1 = r.epochs().get(1);
        assertArrayEquals(new double[]{1, 3, 6, 9, 12}, e1.values().numbers(MinibatchLoss.STEP.name()).values(), "step 1, then every 3rd");
        assertArrayEquals(new double[]{15, 18, 21, 24}, r.epochs().get(2).values().numbers(MinibatchLoss.STEP.name()).values());
        assertEquals(5, e1.values().numbers(MinibatchLoss.LOSS.name()).size());
        assertEquals(3, e1.layers().size());
        NamedValues s = e1.layers().getFirst().values();
        assertEquals(36, e1.layers().getFirst().in());
        assertEquals(24, e1.layers().getFirst().out());
        assertNotNull(s.number(GradientNorms.FIRST_STEP.name()));
        assertNull(r.epochs().get(2).layers().getFirst().values().number(GradientNorms.FIRST_STEP.name()));
        assertTrue(s.number(UpdateRatio.RATIO.name()) > 0);
        assertEquals(36L * 24, s.summary(WeightStatistics.WEIGHT.name()).count());
        assertEquals(36L * 24, s.histogram(WeightStatistics.WEIGHT_HISTOGRAM.name()).total());
        assertEquals(100L * 24, s.summary(ActivationStatistics.ACT.name()).count(), "probe batch × units");
        assertNotNull(s.number(Saturation.SATURATED.name()), "tanh is squashing");
        assertNull(s.number(DeadUnits.DEAD.name()));
        assertTrue(r.epochs().getFirst().layers().getFirst().values().has(WeightStatistics.WEIGHT.name()), "epoch 0 records the initial weights");
        assertFalse(r.epochs().getFirst().layers().getFirst().values().has(GradientNorms.MEAN.name()), "no gradients before training");
        assertEquals(r.epochs().getLast().testAccuracy(), r.finalMetrics().testAccuracy());
    }

    @Test
    void sameSeedSameBitsDifferentSeedDifferentBits() {
        RunResult a = train(plan("kaiming_normal", "relu", "adam", 0.01, 7, 2));
        RunResult b = train(plan("kaiming_normal", "relu", "adam", 0.01, 7, 2));
        RunResult c = train(plan("kaiming_normal", "relu", "adam", 0.01, 8, 2));
        assertEquals(a.withoutTiming(), b.withoutTiming());
        assertNotEquals(a.withoutTiming(), c.withoutTiming());
    }

    /** Two runs on two threads at once give the bits each gives alone. */
    @Test
    void threadsDoNotChangeResults() throws Exception {
        TrainingPlan p1 = plan("xavier_normal", "sigmoid", "sgd", 0.5, 3, 2);
        TrainingPlan p2 = plan("orthogonal", "gelu", "rmsprop", 0.001, 4, 2);
        RunResult alone1 = train(p1);
        RunResult alone2 = train(p2);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            Future<RunResult> f1 = pool.submit(() -> train(p1));
            Future<RunResult> f2 = pool.submit(() -> train(p2));
            assertEquals(alone1.withoutTiming(), f1.get().withoutTiming());
            assertEquals(alone2.withoutTiming(), f2.get().withoutTiming());
        } finally {
            pool.shutdownNow();
        }
    }

    /**
     * Streams depend on the seed and their purpose only, not on the rest of the spec: two
     * differently named initializers that draw the same values (Xavier-uniform is Keras's
     * variance scaling with scale 1, fan_avg, uniform) see the same data order, hence the same bits.
     */
    @Test
    void pairedRunsShareTheDataOrderAndDraws() {
        TrainingPlan xavier = plan("xavier_uniform", "relu", "sgd", 0.05, 5, 2);
        TrainingPlan scaled = new TrainingPlan(xavier.hidden(), xavier.activation(), false,
                Initializers.weight("variance_scaling", Map.of("scale", 1.0, "mode", "fan_avg", "distribution", "uniform")),
                xavier.biasInit(), xavier.optimizer(), xavier.batchSize(), xavier.epochs(), xavier.seed(), xavier.evaluation());
        assertNotEquals(xavier.weightInit().name(), scaled.weightInit().name());
        assertEquals(train(xavier).withoutTiming(), train(scaled).withoutTiming());
    }

    @Test
    void divergenceEndsTheRunAndKeepsItsRecord() {
        RunResult r = train(plan("normal", "identity", "sgd", 1e6, 0, 5));
        assertEquals(RunResult.DIVERGED, r.status());
        assertNotNull(r.divergedEpoch());
        assertTrue(r.divergence().contains("step") || r.divergence().contains("weights"), r.divergence());
        assertTrue(r.epochs().size() >= 2, "epoch 0 and the epoch that diverged are kept");
    }

    @Test
    void zeroInitCannotBreakSymmetry() {
        TrainingPlan p = new TrainingPlan(new int[]{16}, Activations.create("tanh"), false,
                Initializers.weight("zeros", Map.of()), Initializers.bias("zeros", Map.of()),
                Optimizers.spec("sgd", Map.of("lr", 0.1)), 50, 3, 0, Evaluation.standard());
        RunResult r = Trainer.run(p, DATA, ProbeSet.of(new ProbeSettings(5, 50, 5, 0.1), DATA), RunListener.NONE);
        NamedValues first = r.epochs().getLast().layers().getFirst().values();
        assertEquals(0.0, first.summary(WeightStatistics.WEIGHT.name()).std(), "hidden units stay identical: every weight column equal, here all zero");
        assertNull(r.epochs().get(1).layers().getFirst().values().number(UpdateRatio.RATIO.name()), "‖W‖ = 0 at the sampled steps: no ratio");
    }

    /** Without probes the trainer trains the same bits and its records list the layers with no values. */
    @Test
    void probesDoNotChangeTraining() {
        TrainingPlan p = plan("xavier_uniform", "relu", "adam", 0.01, 2, 2);
        RunResult with = train(p), without = Trainer.run(p, DATA, RunObserver.NONE, RunListener.NONE);
        assertEquals(with.finalMetrics(), without.finalMetrics());
        assertEquals(with.epochs().getLast().trainLoss(), without.epochs().getLast().trainLoss());
        assertEquals(3, without.epochs().getLast().layers().size());
        assertTrue(without.epochs().getLast().layers().getFirst().values().isEmpty());
    }

    /** The benchmarks' step is the run's: the same steps from a fresh trainer give the same weights as run() after one epoch. */
    @Test
    void stepIsTheRunsStep() {
        TrainingPlan p = plan("xavier_uniform", "tanh", "sgd", 0.1, 4, 1);
        Trainer a = new Trainer(p, DATA, RunObserver.NONE, RunListener.NONE);
        a.run();
        Trainer b = new Trainer(p, DATA, RunObserver.NONE, RunListener.NONE);
        for (int i = 0; i < 12; i++) b.step();
        assertArrayEquals(a.network().layers().getLast().weight().data(), b.network().layers().getLast().weight().data());
    }
}
