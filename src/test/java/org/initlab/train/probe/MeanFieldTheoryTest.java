package org.initlab.train.probe;

import org.initlab.init.Initializers;
import org.initlab.nn.Activations;
import org.initlab.optim.Optimizers;
import org.initlab.train.EpochRecord;
import org.initlab.train.Evaluation;
import org.initlab.train.NamedValues;
import org.initlab.train.RunResult;
import org.initlab.train.TrainingPlan;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.initlab.train.probe.ProbesTest.DATA;
import static org.initlab.train.probe.ProbesTest.SETTINGS;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** What the theory probe records for networks the theory describes, for LSUV after its refinement, and where it does not apply. */
class MeanFieldTheoryTest {
    static RunResult train(String activation, String init, Map<String, ?> params) {
        TrainingPlan plan = new TrainingPlan(new int[]{32, 32}, Activations.create(activation), false,
                Initializers.weight(init, params), Initializers.bias("zeros", Map.of()),
                Optimizers.spec("sgd", Map.of("lr", 0.05)), 30, 1, 3, new Evaluation(false, false, 50, Evaluation.Aggregation.EXAMPLE_MEAN));
        return ProbesTest.train(plan, ProbeSet.of(SETTINGS, DATA));
    }

    @Test
    void predictionsBesideMeasurementsAtInitAndAtTheFirstStep() {
        RunResult r = train("relu", "kaiming_normal", Map.of());
        EpochRecord init = r.epochs().getFirst(), first = r.epochs().get(1);
        assertEquals("the initializers' laws: σ_w² = 2 in every layer, biases β = 0, σ_b² = 0", init.values().text("theory_basis"));
        assertEquals(MeanFieldTheory.JACOBIAN_INPUTS * 3, init.values().numbers("jacobian_singular_values").size(), "3 classes per input");
        assertNotNull(init.values().number("predicted_jacobian_mean_square"));
        for (int l = 0; l < 3; l++) {
            NamedValues v = init.layers().get(l).values();
            for (String name : List.of("predicted_preact_variance", "measured_preact_variance", "predicted_chi")) assertNotNull(v.number(name), name);
            assertEquals(l < 2, v.has("predicted_dead_fraction"), "rectifier layers only: layer " + l);
            assertFalse(v.has("predicted_saturated_fraction"));
            NamedValues g = first.layers().get(l).values();
            assertNotNull(g.number("measured_grad_norm_relative"));
            assertNotNull(g.number("predicted_backward_square"));
        }
        // the output layer is the reference of the relative values
        assertEquals(1.0, first.layers().get(2).values().number("measured_grad_norm_relative"), 1e-12);
        assertEquals(1.0, first.layers().get(2).values().number("measured_backward_square"), 1e-12);
        assertEquals(first.layers().getFirst().values().number("measured_grad_norm_relative"), first.values().number("measured_grad_norm_ratio"), 1e-12);
        // the measured ratio is the gradient-norm probe's, computed the same way
        double norm1 = first.layers().get(0).values().number("grad_norm_first_step"), norm3 = first.layers().get(2).values().number("grad_norm_first_step");
        assertEquals(norm1 / norm3, first.values().number("measured_grad_norm_ratio"), 1e-12);
        // and the measured variance is the activation probe's pooled std², within float rounding of the summary
        double std = init.layers().getFirst().values().summary("preact").std();
        assertEquals(std * std, init.layers().getFirst().values().number("measured_preact_variance"), 1e-6 * std * std);
    }

    @Test
    void theoryThatDoesNotApplySaysWhyAndRecordsOnlyMeasurements() {
        RunResult r = train("tanh", "identity", Map.of());
        EpochRecord init = r.epochs().getFirst();
        String basis = init.values().text("theory_basis");
        assertTrue(basis.startsWith("not applicable: weights identity"), basis);
        assertNull(init.values().number("predicted_jacobian_mean_square"));
        assertNotNull(init.values().number("measured_jacobian_mean_square"));
        assertNotNull(init.layers().getFirst().values().number("measured_preact_variance"));
        assertNull(init.layers().getFirst().values().number("predicted_preact_variance"));
        assertNull(r.epochs().get(1).values().number("predicted_grad_norm_ratio"));
        assertNotNull(r.epochs().get(1).values().number("measured_grad_norm_ratio"));
    }

    @Test
    void lsuvIsPredictedFromTheWeightsItRefined() {
        RunResult r = train("tanh", "lsuv", Map.of());
        EpochRecord init = r.epochs().getFirst();
        assertTrue(init.values().text("theory_basis").startsWith("the weights as lsuv refined them"), init.values().text("theory_basis"));
        // LSUV aims at unit variance on a training batch; the prediction on the probe batch says about as much
        double v = init.layers().getFirst().values().number("predicted_preact_variance");
        assertEquals(1.0, v, 0.3);
    }
}
