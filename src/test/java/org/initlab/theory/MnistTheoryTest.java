package org.initlab.theory;

import org.initlab.RealMnist;
import org.initlab.data.DataOptions;
import org.initlab.data.Dataset;
import org.initlab.data.DatasetLoader;
import org.initlab.data.Split;
import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The theory on real data (skipped where MNIST is absent): 1 000 validation images, which are not
 * zero-mean (q⁰ ≈ 0.109 per pixel and c⁰ ≈ 0.40 between images, computed from the batch), through
 * 784–512–512–512–10 networks, averaged over 4 networks. Hidden layers: q^l within 5 % and the
 * within-unit variance v(1 − c), far below q because the images are correlated, within 8 %;
 * saturated fractions within 0.01 + 5 %; dead fractions within four binomial standard errors of
 * 4·512 units plus 0.005.
 */
class MnistTheoryTest {
    @Test
    void predictionsHoldOnAnMnistProbeBatch() {
        Dataset mnist = new DatasetLoader().load("mnist", DataOptions.defaults().withDataDir(RealMnist.dir()).withAllowDownload(false));
        Split probe = mnist.validation().size() > 0 ? mnist.validation() : mnist.train();
        int rows = 1000;
        int features = mnist.features();
        float[] x = Arrays.copyOf(probe.x(), rows * features);
        InputStatistics input = InputStatistics.of(x, rows, features);
        assertEquals(0.40, input.correlation(), 0.05, "MNIST images are positively correlated");
        int[] widths = {features, 512, 512, 512, 10};
        String[][] cases = {{"relu", "kaiming_normal"}, {"tanh", "xavier_uniform"}, {"tanh", "normal"}};
        int networks = 4;
        for (String[] c : cases) {
            double[] q = new double[3], within = new double[3], dead = new double[3], saturated = new double[3];
            Prediction p = null;
            for (long seed = 1; seed <= networks; seed++) {
                MeasuredNetwork m = new MeasuredNetwork(widths, c[0], c[1], Map.of(), "zeros", Map.of(), x, rows, seed);
                p = SignalPropagation.predict(m.spec(), input, rows, 0.1);
                for (int l = 1; l <= 3; l++) {
                    q[l - 1] += m.secondMoment(l) / networks;
                    within[l - 1] += m.withinUnitVariance(l) / networks;
                    dead[l - 1] += m.deadFraction(l, rows) / networks;
                    saturated[l - 1] += m.saturatedFraction(l, 0.1) / networks;
                }
            }
            for (int l = 1; l <= 3; l++) {
                LayerPrediction lp = p.layers().get(l - 1);
                String where = c[0] + "/" + c[1] + " layer " + l;
                assertEquals(1.0, q[l - 1] / lp.secondMoment(), 0.05, where + ": q " + q[l - 1] + " vs " + lp.secondMoment());
                assertEquals(1.0, within[l - 1] / lp.withinUnitVariance(), 0.08, where + ": within-unit variance");
                if (lp.saturatedFraction() != null) {
                    assertEquals(lp.saturatedFraction(), saturated[l - 1], 0.01 + 0.05 * lp.saturatedFraction(), where + ": saturated");
                }
                if (lp.deadFraction() != null) {
                    double se = Math.sqrt(lp.deadFraction() * (1 - lp.deadFraction()) / (networks * 512.0));
                    assertEquals(lp.deadFraction(), dead[l - 1], 4 * se + 0.005, where + ": dead");
                }
            }
        }
    }
}
