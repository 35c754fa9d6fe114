package org.initlab.init;

import org.initlab.catalog.Params;

import java.util.Map;
import java.util.random.RandomGenerator;

/**
 * PyTorch's {@code nn.Linear} default for weight and bias: U(−1/√fan_in, 1/√fan_in), variance
 * 1/(3·fan_in); 0 when fan_in = 0. PyTorch gets the weight bound from
 * {@code kaiming_uniform_(a=√5)}: gain √(2/(1+5)) = √(1/3), bound √3·gain/√fan_in = 1/√fan_in.
 * It is Glorot &amp; Bengio's "commonly used heuristic" U[−1/√n, 1/√n] and DL4J's {@code UNIFORM}.
 */
public record TorchLinearDefault() implements ElementwiseInitializer {
    public static final String NAME = "torch_linear";

    static TorchLinearDefault from(Params p) {
        p.done();
        return new TorchLinearDefault();
    }

    /** 1/√fan_in, or 0 for a layer without inputs. */
    static double bound(int fanIn) {
        return fanIn > 0 ? 1.0 / Math.sqrt(fanIn) : 0.0;
    }

    @Override public String name() { return NAME; }

    @Override public Map<String, Object> params() { return Map.of(); }

    @Override
    public void fill(float[] values, Fans fans, RandomGenerator rng) {
        double bound = bound(fans.in());
        Uniform.fill(values, -bound, bound, rng);
    }

    @Override public String formula() { return "U(-b, b), b = 1/√fan_in"; }
}
