package org.initlab.init;

import org.initlab.UserError;
import org.initlab.catalog.Params;
import org.initlab.math.Matrix;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.random.RandomGenerator;

/**
 * Layer-sequential unit-variance initialization (Mishkin &amp; Matas 2016, arXiv:1511.06422):
 * orthonormal pre-initialization ({@link Orthogonal}, gain 1), then for each layer from the
 * input side: run the probe batch forward, measure the variance v of the layer's pre-activation
 * output, W ← W/√v, until |v − 1| &lt; tol or max_iterations rescalings. Biases are not scaled.
 * Defaults tol = 0.1 and 10 iterations follow the reference implementations (torch-lsuv,
 * fastai). v is the variance of all batch × unit values together, mean subtracted.
 */
public record Lsuv(double tol, int maxIterations) implements DataDependentInitializer {
    public static final String NAME = "lsuv";

    /**
     * What refinement did to one layer.
     *
     * @param layer      the layer index
     * @param rescalings how many times W was divided by √v
     * @param variance   the output variance after the last rescaling
     * @param converged  whether |variance − 1| &lt; tol
     */
    public record LayerResult(int layer, int rescalings, double variance, boolean converged) {}

    public Lsuv {
        ParameterCheck.positive(NAME, "tol", tol);
        ParameterCheck.within(NAME, "max_iterations", maxIterations, 1, 1000);
    }

    static Lsuv from(Params p) {
        double tol = p.getDouble("tol", 0.1);
        int maxIterations = p.getInt("max_iterations", 10, 1, 1000);
        p.done();
        return new Lsuv(tol, maxIterations);
    }

    /** The orthonormal pre-initialization. */
    @Override
    public void initialize(Matrix w, RandomGenerator rng) {
        new Orthogonal(1.0).initialize(w, rng);
    }

    @Override
    public long scratchBytes(int rows, int cols) {
        return new Orthogonal(1.0).scratchBytes(rows, cols);
    }

    @Override
    public void refine(LayerwiseNetwork net) {
        refineLayers(net);
    }

    /**
     * {@link #refine}, reporting per layer what was done.
     *
     * @throws UserError if a layer's output on the probe batch has zero or non-finite variance
     */
    public List<LayerResult> refineLayers(LayerwiseNetwork net) {
        List<LayerResult> results = new ArrayList<>();
        for (int layer = 0; layer < net.layerCount(); layer++) {
            double variance = variance(net.forwardTo(layer), layer);
            int rescalings = 0;
            while (Math.abs(variance - 1.0) >= tol && rescalings < maxIterations) {
                scale(net.weight(layer), 1.0 / Math.sqrt(variance));
                rescalings++;
                variance = variance(net.forwardTo(layer), layer);
            }
            results.add(new LayerResult(layer, rescalings, variance, Math.abs(variance - 1.0) < tol));
        }
        return List.copyOf(results);
    }

    /** Two-pass variance (mean subtracted, divided by the count), in double. */
    static double variance(float[] values, int layer) {
        if (values.length == 0) throw new UserError(NAME + ": layer " + layer + " produced no output values on the probe batch");
        double sum = 0.0;
        for (float v : values) sum += v;
        double mean = sum / values.length;
        double squares = 0.0;
        for (float v : values) squares += (v - mean) * (v - mean);
        double variance = squares / values.length;
        if (!(variance > 0) || !Double.isFinite(variance)) {
            throw new UserError(NAME + ": layer " + layer + " output has variance " + variance
                    + " on the probe batch, so it cannot be rescaled to 1; check the probe batch is not constant and the layer is not dead");
        }
        return variance;
    }

    private static void scale(Matrix w, double factor) {
        float[] data = w.data();
        for (int i = 0; i < data.length; i++) data[i] = (float) (data[i] * factor);
    }

    @Override public String name() { return NAME; }

    @Override public Map<String, Object> params() { return CanonicalParams.of("max_iterations", maxIterations, "tol", tol); }

    @Override
    public String formula() {
        return "orthogonal(gain=1), then per layer W ← W/√Var(XW+b) on the probe batch until |Var − 1| < tol (≤ max_iterations)";
    }
}
