package org.initlab.init;

import org.initlab.catalog.Params;
import org.initlab.math.Matrix;

import java.util.Map;
import java.util.random.RandomGenerator;

/**
 * Sparse initialization after Martens 2010 ("Deep learning via Hessian-free optimization"),
 * with PyTorch {@code sparse_(sparsity, std=0.01)} semantics: N(0, std²), then in each column of
 * PyTorch's (out × in) weight, ⌈sparsity·out⌉ entries chosen at random set to 0.
 *
 * <p>A PyTorch column is one input unit's outgoing weights; in our fan_in × fan_out layout that
 * is a row. So here every row (input unit) gets exactly ⌈sparsity·fan_out⌉ zeros. Note this is
 * not Martens's scheme, which fixes the number of nonzero <em>incoming</em> weights per unit
 * (15 in the paper); PyTorch's version fixes zeros per input instead.
 */
public record Sparse(double sparsity, double std) implements Initializer {
    public static final String NAME = "sparse";

    public Sparse {
        ParameterCheck.within(NAME, "sparsity", sparsity, 0.0, 1.0);
        ParameterCheck.positive(NAME, "std", std);
    }

    /** sparsity has no default in PyTorch; 0.1 is its documentation's example. */
    static Sparse from(Params p) {
        double sparsity = p.getDouble("sparsity", 0.1);
        double std = p.getDouble("std", 0.01);
        p.done();
        return new Sparse(sparsity, std);
    }

    /** ⌈sparsity·fan_out⌉, computed as PyTorch does. */
    int zerosPerInput(int fanOut) {
        return (int) Math.ceil(sparsity * fanOut);
    }

    @Override
    public void initialize(Matrix w, RandomGenerator rng) {
        float[] data = w.data();
        Normal.fill(data, 0.0, std, rng);
        int cols = w.cols();
        int zeros = zerosPerInput(cols);
        int[] order = new int[cols];
        for (int r = 0; r < w.rows(); r++) {
            for (int j = 0; j < cols; j++) order[j] = j;
            for (int j = 0; j < zeros; j++) { // the first `zeros` places of a Fisher–Yates shuffle
                int pick = j + rng.nextInt(cols - j);
                int chosen = order[pick];
                order[pick] = order[j];
                order[j] = chosen;
                data[r * cols + chosen] = 0f;
            }
        }
    }

    @Override public String name() { return NAME; }

    @Override public Map<String, Object> params() { return CanonicalParams.of("sparsity", sparsity, "std", std); }

    @Override public String formula() { return "N(0, std²), then ⌈sparsity·fan_out⌉ random zeros in each input's outgoing weights"; }
}
