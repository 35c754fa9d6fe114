package org.initlab.train;

import org.initlab.data.Dataset;
import org.initlab.init.Initializers;
import org.initlab.nn.Activations;
import org.initlab.optim.Optimizers;
import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TrainerTest {
    static final Dataset DATA = SyntheticData.blobs(600, 200, 200, 36, 4);

    static TrainingPlan plan(String init, String activation, String optimizer, double lr, long seed, int epochs) {
        return new TrainingPlan(new int[]{24, 16}, Activations.create(activation), false,
                Initializers.weight(init, Map.of()), Initializers.bias("zeros", Map.of()),
                Optimizers.spec(optimizer, Map.of("lr", lr)), 50, epochs, seed,
                new Evaluation(true, true, 128, Evaluation.Aggregation.EXAMPLE_MEAN), new ProbeSettings(3, 100, 4, 0.1));
    }

    @Test
    void learnsAndRecordsEveryEpoch() {
        RunResult r = Trainer.run(plan("xavier_uniform", "tanh", "sgd", 0.1, 0, 5), DATA, RunListener.NONE);
        assertEquals(RunResult.COMPLETE, r.status());
        assertEquals(6, r.epochs().size(), "epoch 0 (init) and 5 epochs");
        assertNull(r.epochs().getFirst().trainLoss());
        assertTrue(r.epochs().getLast().testAccuracy() > 0.9, "blobs are easy: " + r.finalMetrics());
        assertTrue(r.epochs().getLast().trainLoss() < r.epochs().get(1).trainLoss());
        assertEquals(12 * 5, r.steps(), "600/50 steps per epoch");
        assertEquals(1L, r.lossSteps()[0]);
        assertEquals(3L, r.lossSteps()[1]);
        EpochRecord e1 = r.epochs().get(1);
        assertEquals(3, e1.layers().size());
        assertEquals(3, e1.gradients().size());
        assertNotNull(e1.gradients().getFirst().firstStepNorm());
        assertNull(r.epochs().get(2).gradients().getFirst().firstStepNorm());
        assertTrue(e1.gradients().getFirst().updateRatio() > 0);
        LayerSnapshot s = e1.layers().getFirst();
        assertEquals(36L * 24, s.weights().count());
        assertEquals(36L * 24, s.weightHistogram().total());
        assertEquals(100L * 24, s.activations().count(), "probe batch × units");
        assertNotNull(s.saturatedFraction(), "tanh is squashing");
        assertNull(s.deadFraction());
        assertEquals(r.epochs().getLast().testAccuracy(), r.finalMetrics().testAccuracy());
    }

    @Test
    void sameSeedSameBitsDifferentSeedDifferentBits() {
        RunResult a = Trainer.run(plan("kaiming_normal", "relu", "adam", 0.01, 7, 2), DATA, RunListener.NONE);
        RunResult b = Trainer.run(plan("kaiming_normal", "relu", "adam", 0.01, 7, 2), DATA, RunListener.NONE);
        RunResult c = Trainer.run(plan("kaiming_normal", "relu", "adam", 0.01, 8, 2), DATA, RunListener.NONE);
        assertEquals(a.withoutTiming(), b.withoutTiming());
        assertNotEquals(a.withoutTiming(), c.withoutTiming());
    }

    /** Two runs on two threads at once give the bits each gives alone. */
    @Test
    void threadsDoNotChangeResults() throws Exception {
        TrainingPlan p1 = plan("xavier_normal", "sigmoid", "sgd", 0.5, 3, 2);
        TrainingPlan p2 = plan("orthogonal", "gelu", "rmsprop", 0.001, 4, 2);
        RunResult alone1 = Trainer.run(p1, DATA, RunListener.NONE);
        RunResult alone2 = Trainer.run(p2, DATA, RunListener.NONE);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            Future<RunResult> f1 = pool.submit(() -> Trainer.run(p1, DATA, RunListener.NONE));
            Future<RunResult> f2 = pool.submit(() -> Trainer.run(p2, DATA, RunListener.NONE));
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
                xavier.biasInit(), xavier.optimizer(), xavier.batchSize(), xavier.epochs(), xavier.seed(), xavier.evaluation(), xavier.probes());
        assertNotEquals(xavier.weightInit().name(), scaled.weightInit().name());
        assertEquals(Trainer.run(xavier, DATA, RunListener.NONE).withoutTiming(), Trainer.run(scaled, DATA, RunListener.NONE).withoutTiming());
    }

    @Test
    void divergenceEndsTheRunAndKeepsItsRecord() {
        RunResult r = Trainer.run(plan("normal", "identity", "sgd", 1e6, 0, 5), DATA, RunListener.NONE);
        assertEquals(RunResult.DIVERGED, r.status());
        assertNotNull(r.divergedEpoch());
        assertTrue(r.divergence().contains("step") || r.divergence().contains("weights"), r.divergence());
        assertTrue(r.epochs().size() >= 2, "epoch 0 and the epoch that diverged are kept");
    }

    @Test
    void zeroInitCannotBreakSymmetry() {
        TrainingPlan p = new TrainingPlan(new int[]{16}, Activations.create("tanh"), false,
                Initializers.weight("zeros", Map.of()), Initializers.bias("zeros", Map.of()),
                Optimizers.spec("sgd", Map.of("lr", 0.1)), 50, 3, 0, Evaluation.standard(), new ProbeSettings(5, 50, 5, 0.1));
        RunResult r = Trainer.run(p, DATA, RunListener.NONE);
        LayerSnapshot first = r.epochs().getLast().layers().getFirst();
        assertEquals(0.0, first.weights().std(), "hidden units stay identical: every weight column equal, here all zero");
        assertNull(r.epochs().get(1).gradients().getFirst().updateRatio(), "‖W‖ = 0 at the sampled steps: no ratio");
    }

    @Test
    void deadAndSaturatedFractions() {
        float[] z = {-1, 2, -3, -4, 5, -6}; // 2 rows × 3 units: unit 0 sees {-1, -4} (dead), unit 1 {2, 5}, unit 2 {-3, -6} (dead)
        assertEquals(2.0 / 3, Trainer.deadFraction(z, 2, 3), 1e-12);
        float[] t = {0f, 5f, -5f, 0.1f};
        // tanh′: 1, ~1.8e-4, ~1.8e-4, 0.99 → two below 0.1·1
        assertEquals(0.5, Trainer.saturatedFraction(Activations.create("tanh"), t, 4, 0.1), 1e-12);
    }
}
