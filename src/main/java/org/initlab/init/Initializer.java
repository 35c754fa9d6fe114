package org.initlab.init;

import org.initlab.math.Matrix;

import java.util.Map;
import java.util.random.RandomGenerator;

/**
 * A weight initializer: fills a layer's weight matrix. Implementations are stateless, immutable
 * records; two equal instances draw the same bits from the same generator.
 *
 * <p>The weight is stored fan_in × fan_out (inputs × outputs, Keras layout; PyTorch stores the
 * transpose). Every fan-based scale uses {@link Fans#of(Matrix)}.
 */
public interface Initializer {
    /** The canonical catalogue name, e.g. "xavier_uniform", whatever alias the user wrote. */
    String name();

    /** Every parameter with its resolved value (defaults included), sorted by name. */
    Map<String, Object> params();

    /** Fills {@code w} (fan_in × fan_out), drawing from {@code rng} only. */
    void initialize(Matrix w, RandomGenerator rng);

    /** The definition in one line, e.g. "U(-a, a), a = gain·√(6/(fan_in+fan_out))". */
    String formula();

    /**
     * Heap bytes {@link #initialize} allocates for a {@code rows} × {@code cols} weight and drops
     * when it returns (for memory estimates); most initializers write in place and need none.
     */
    default long scratchBytes(int rows, int cols) {
        return 0;
    }
}
