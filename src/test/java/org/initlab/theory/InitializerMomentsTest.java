package org.initlab.theory;

import org.initlab.catalog.CatalogueEntry;
import org.initlab.init.BiasInitializer;
import org.initlab.init.Initializer;
import org.initlab.init.Initializers;
import org.initlab.math.Matrix;
import org.initlab.math.RandomStreams;
import org.initlab.theory.EntryDistribution.Structure;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class InitializerMomentsTest {
    /**
     * Every weight initializer and preset in the catalogue, at its defaults, on a tall and a wide
     * layer: the predicted mean and variance against those of 360 000 drawn entries, within five
     * standard errors (the standard error of a sample variance is √((m₄ − v²)/N); ≤ 4 % of v
     * covers every law here, sparse and uniform included).
     */
    @Test
    void everyCatalogueWeightInitializerMatchesItsDrawnEntries() {
        int[][] shapes = {{600, 300}, {300, 1200}};
        for (CatalogueEntry entry : Initializers.weightEntries()) {
            Initializer init = Initializers.weight(entry.name(), Map.of());
            for (int[] shape : shapes) {
                EntryDistribution predicted = InitializerMoments.weight(init, shape[0], shape[1]);
                assertNotEquals(Structure.UNKNOWN, predicted.structure(), entry.name());
                Matrix w = new Matrix(shape[0], shape[1]);
                init.initialize(w, RandomStreams.stream(7, entry.name()));
                EntryDistribution drawn = EntryDistribution.measured(w.data(), predicted.structure());
                String where = entry.name() + " " + shape[0] + "×" + shape[1];
                double n = w.size();
                double secondMoment = predicted.variance() + predicted.mean() * predicted.mean();
                assertEquals(predicted.mean(), drawn.mean(), 5 * Math.sqrt(predicted.variance() / n) + 1e-12, where + " mean");
                assertEquals(predicted.variance(), drawn.variance(), 5 * 2 * secondMoment / Math.sqrt(n) + 1e-12, where + " variance");
            }
        }
    }

    /** Orthogonal: σ_w² = gain²·min(1, fan_in/fan_out), and it is exact: ‖xW‖² = gain²‖x‖² when fan_in ≤ fan_out. */
    @Test
    void orthogonalWeightScaleFollowsTheRectangularShape() {
        Initializer o = Initializers.weight("orthogonal", Map.of("gain", 1.5));
        assertEquals(2.25, InitializerMoments.weight(o, 784, 512).sigmaW2(784), 1e-12);
        assertEquals(2.25 * 256 / 512, InitializerMoments.weight(o, 256, 512).sigmaW2(256), 1e-12);
        assertEquals(Structure.ORTHOGONAL, InitializerMoments.weight(o, 256, 512).structure());
        assertTrue(InitializerMoments.weight(o, 256, 512).meanFieldApplies());
    }

    /** The exact variance formulas of the named inits (He: 2/fan_in; Glorot: 2/(in+out); PyTorch default: 1/(3·fan_in)). */
    @Test
    void namedInitializersHaveTheirTextbookVariances() {
        assertEquals(2.0 / 784, InitializerMoments.weight(Initializers.weight("kaiming_normal", Map.of()), 784, 100).variance(), 1e-18);
        assertEquals(2.0 / 784, InitializerMoments.weight(Initializers.weight("keras_he_normal", Map.of()), 784, 100).variance(), 1e-18);
        assertEquals(2.0 / 884, InitializerMoments.weight(Initializers.weight("xavier_uniform", Map.of()), 784, 100).variance(), 1e-18);
        assertEquals(1.0 / (3 * 784), InitializerMoments.weight(Initializers.weight("torch_linear", Map.of()), 784, 100).variance(), 1e-18);
        assertEquals(0.0025, InitializerMoments.weight(Initializers.weight("random_uniform", Map.of()), 784, 100).variance() * 3, 1e-15);
        EntryDistribution sparse = InitializerMoments.weight(Initializers.weight("sparse", Map.of("sparsity", 0.25, "std", 0.1)), 50, 10);
        assertEquals(0.01 * (1 - 3.0 / 10), sparse.variance(), 1e-15, "⌈0.25·10⌉ = 3 zeros per input");
    }

    /** PyTorch's trunc_normal_ with asymmetric absolute bounds: mean and variance against a fine Simpson integration. */
    @Test
    void truncatedNormalMomentsMatchNumericalIntegration() {
        double mu = 0.2, sigma = 1.3, a = -0.5, b = 3.0;
        EntryDistribution e = InitializerMoments.weight(Initializers.weight("trunc_normal", Map.of("mean", mu, "std", sigma, "a", a, "b", b)), 10, 10);
        int n = 200_000;
        double h = (b - a) / n, mass = 0, first = 0, second = 0;
        for (int i = 0; i <= n; i++) {
            double x = a + i * h;
            double weight = (i == 0 || i == n ? 1 : (i % 2 == 1 ? 4 : 2)) * NormalDistribution.density((x - mu) / sigma);
            mass += weight;
            first += weight * x;
            second += weight * x * x;
        }
        double mean = first / mass;
        assertEquals(mean, e.mean(), 1e-12);
        assertEquals(second / mass - mean * mean, e.variance(), 1e-12);
    }

    /** What the theory can and cannot take: identity, nonzero constants and LSUV are refused with a reason; zeros is exact. */
    @Test
    void saysWhereTheMeanFieldRecursionDoesNotApply() {
        assertFalse(InitializerMoments.weight(Initializers.weight("identity", Map.of()), 100, 100).meanFieldApplies());
        assertFalse(InitializerMoments.weight(Initializers.weight("ones", Map.of()), 100, 100).meanFieldApplies());
        assertFalse(InitializerMoments.weight(Initializers.weight("uniform", Map.of()), 100, 100).meanFieldApplies(), "U(0, 1) has mean ½");
        EntryDistribution lsuv = InitializerMoments.weight(Initializers.weight("lsuv", Map.of()), 100, 50);
        assertEquals(Structure.DATA_DEPENDENT, lsuv.structure());
        assertFalse(lsuv.meanFieldApplies());
        assertTrue(lsuv.note().contains("measured"), lsuv.note());
        assertTrue(InitializerMoments.weight(Initializers.weight("zeros", Map.of()), 100, 100).meanFieldApplies());
    }

    /** Every bias initializer: mean and variance against drawn values; constants are fine biases. */
    @Test
    void everyCatalogueBiasInitializerMatchesItsDrawnValues() {
        for (CatalogueEntry entry : Initializers.biasEntries()) {
            Map<String, ?> params = entry.name().equals("critical") ? Map.of("sigma_b", 0.3) : Map.of();
            BiasInitializer init = Initializers.bias(entry.name(), params);
            EntryDistribution predicted = InitializerMoments.bias(init, 400, 200_000);
            float[] b = new float[200_000];
            init.initialize(b, 400, b.length, RandomStreams.stream(3, entry.name()));
            EntryDistribution drawn = EntryDistribution.measured(b, Structure.INDEPENDENT);
            double secondMoment = predicted.variance() + predicted.mean() * predicted.mean();
            assertEquals(predicted.mean(), drawn.mean(), 5 * Math.sqrt(predicted.variance() / b.length) + 1e-7, entry.name());
            assertEquals(predicted.variance(), drawn.variance(), 10 * secondMoment / Math.sqrt(b.length) + 1e-12, entry.name());
            assertTrue(predicted.note().isEmpty(), entry.name() + ": " + predicted.note());
        }
    }
}
