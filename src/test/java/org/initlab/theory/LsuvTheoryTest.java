package org.initlab.theory;

import org.initlab.init.LayerwiseNetwork;
import org.initlab.init.Lsuv;
import org.initlab.math.Matrix;
import org.initlab.nn.Mlp;
import org.initlab.theory.EntryDistribution.Structure;
import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * LSUV sets each layer's scale from the data, so the initializer alone predicts nothing; after
 * refinement the theory runs on the measured weight scale, and then predicts what LSUV aimed
 * for: pre-activation variance 1 in every layer (within LSUV's tolerance, 0.1).
 */
class LsuvTheoryTest {
    @Test
    void theoryOnTheRefinedWeightsPredictsUnitVariance() {
        int[] widths = {256, 256, 256, 256, 10};
        MeasuredNetwork m = new MeasuredNetwork(widths, "tanh", "lsuv", Map.of(), "zeros", Map.of(), 500, 4);
        assertFalse(m.spec().meanFieldApplies(), "from the initializer alone: " + m.spec().limitations());
        Mlp net = m.net;
        ((Lsuv) m.weightInit).refine(new LayerwiseNetwork() {
            public int layerCount() { return net.layers().size(); }
            public Matrix weight(int layer) { return net.layers().get(layer).weight(); }
            public float[] forwardTo(int layer) {
                net.forward(m.x, m.rows);
                return Arrays.copyOf(net.layers().get(layer).preActivations(), m.rows * net.layers().get(layer).out());
            }
        });
        NetworkSpec measured = NetworkSpec.measured(net, Structure.ORTHOGONAL);
        assertTrue(measured.meanFieldApplies(), measured.limitations().toString());
        Prediction p = SignalPropagation.predict(measured, m.inputStatistics(), 100, 0.1);
        for (LayerPrediction layer : p.layers()) {
            assertEquals(1.0, layer.variance(), 0.1 + 0.05, "layer " + layer.layer() + ": LSUV's unit variance, predicted");
        }
    }
}
