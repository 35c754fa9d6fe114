package org.initlab.nn;

import org.initlab.math.Parameter;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Back-propagated gradients (float) against central finite differences of the loss computed in
 * double by an independent forward pass built from {@link Activation#value(double)}.
 */
class GradientCheckTest {
    static Stream<Arguments> cases() {
        List<Arguments> out = new ArrayList<>();
        for (Activation a : ActivationTest.all()) {
            out.add(Arguments.of(a, false));
            out.add(Arguments.of(a, true));
        }
        return out.stream();
    }

    @ParameterizedTest(name = "{0}, output activation {1}")
    @MethodSource("cases")
    void backpropMatchesFiniteDifferences(Activation act, boolean activateOutput) {
        int[] widths = {6, 5, 4, 3};
        int batch = 4;
        Mlp net = new Mlp(widths, act, activateOutput, batch);
        Random r = new Random(42);
        for (Dense d : net.layers()) {
            float[] w = d.weight().data();
            for (int i = 0; i < w.length; i++) w[i] = (float) (r.nextGaussian() * 0.8);
            for (int i = 0; i < d.bias().length; i++) d.bias()[i] = (float) (r.nextGaussian() * 0.3);
        }
        float[] x = new float[batch * widths[0]];
        for (int i = 0; i < x.length; i++) x[i] = (float) r.nextGaussian();
        int[] y = {0, 2, 1, 2};
        float[] out = net.forward(x, batch);
        float[] g = new float[batch * 3];
        SoftmaxCrossEntropy.lossAndGradient(out, y, batch, 3, g);
        net.backward(g);

        double h = 1e-6;
        for (Parameter p : net.parameters()) {
            for (int i = 0; i < p.size(); i++) {
                float saved = p.value()[i];
                double up = doubleLoss(net, x, y, batch, p, i, saved + h);
                double down = doubleLoss(net, x, y, batch, p, i, saved - h);
                double numeric = (up - down) / (2 * h);
                double analytic = p.grad()[i];
                double err = Math.abs(numeric - analytic);
                assertTrue(err <= 2e-3 * Math.max(Math.abs(numeric), Math.abs(analytic)) + 2e-6,
                        p.name() + "[" + i + "]: backprop " + analytic + " vs finite difference " + numeric);
            }
        }
    }

    /** The loss in double with parameter {@code p[i]} replaced by {@code value}. */
    private static double doubleLoss(Mlp net, float[] x, int[] y, int batch, Parameter p, int index, double value) {
        List<Dense> layers = net.layers();
        double[] h = new double[x.length];
        for (int i = 0; i < x.length; i++) h[i] = x[i];
        int width = net.inputs();
        for (Dense d : layers) {
            double[] next = new double[batch * d.out()];
            for (int b = 0; b < batch; b++) {
                for (int j = 0; j < d.out(); j++) {
                    double s = param(d.bias(), j, d.biasParameter(), p, index, value);
                    for (int k = 0; k < width; k++) {
                        s += h[b * width + k] * param(d.weight().data(), k * d.out() + j, d.weightParameter(), p, index, value);
                    }
                    next[b * d.out() + j] = d.activation().value(s);
                }
            }
            h = next;
            width = d.out();
        }
        double loss = 0;
        for (int b = 0; b < batch; b++) {
            double m = Double.NEGATIVE_INFINITY;
            for (int j = 0; j < width; j++) m = Math.max(m, h[b * width + j]);
            double sum = 0;
            for (int j = 0; j < width; j++) sum += Math.exp(h[b * width + j] - m);
            loss += m + Math.log(sum) - h[b * width + y[b]];
        }
        return loss / batch;
    }

    private static double param(float[] arr, int i, Parameter owner, Parameter target, int index, double value) {
        return owner.value() == target.value() && i == index ? value : arr[i];
    }
}
