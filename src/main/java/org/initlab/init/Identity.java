package org.initlab.init;

import org.initlab.catalog.Params;
import org.initlab.math.Matrix;

import java.util.Arrays;
import java.util.Map;
import java.util.random.RandomGenerator;

/**
 * gain·I: W[i][i] = gain for i &lt; min(fan_in, fan_out), 0 elsewhere; rectangular allowed, so a
 * layer passes its first min(fan_in, fan_out) inputs straight through. PyTorch {@code eye_}
 * (gain 1), Keras {@code Identity(gain=1)}; DL4J's {@code IDENTITY} allows only square matrices.
 * The identity is its own transpose, so the layout question does not arise.
 */
public record Identity(double gain) implements Initializer {
    public static final String NAME = "identity";

    public Identity {
        ParameterCheck.positive(NAME, "gain", gain);
    }

    static Identity from(Params p) {
        double gain = p.getDouble("gain", 1.0);
        p.done();
        return new Identity(gain);
    }

    @Override
    public void initialize(Matrix w, RandomGenerator rng) {
        Arrays.fill(w.data(), 0f);
        int diagonal = Math.min(w.rows(), w.cols());
        for (int i = 0; i < diagonal; i++) w.set(i, i, (float) gain);
    }

    @Override public String name() { return NAME; }

    @Override public Map<String, Object> params() { return CanonicalParams.of("gain", gain); }

    @Override public String formula() { return "gain·I (rectangular: ones on the leading diagonal)"; }
}
