package org.initlab.init;

import org.initlab.math.Matrix;

/**
 * The fans of a dense weight: fan_in = inputs per unit, fan_out = outputs per input.
 *
 * <p>Our weight is fan_in × fan_out (Keras layout), so fan_in = rows, as Keras's
 * {@code compute_fans} reads shape[0]; PyTorch stores (out × in) and reads fan_in = size(1):
 * the same number. DL4J passes nIn and nOut.
 *
 * @param in  fan_in
 * @param out fan_out
 */
public record Fans(int in, int out) {
    public Fans {
        if (in < 0 || out < 0) throw new IllegalArgumentException("negative fan: in " + in + ", out " + out);
    }

    /** The fans of a fan_in × fan_out weight. */
    public static Fans of(Matrix w) {
        return new Fans(w.rows(), w.cols());
    }

    /** n for {@code mode}, floored at 1 as Keras does (max(1, n)), so a 0-size layer never divides by 0. */
    public double of(FanMode mode) {
        double n = switch (mode) {
            case FAN_IN -> in;
            case FAN_OUT -> out;
            case FAN_AVG -> (in + (double) out) / 2.0;
        };
        return Math.max(1.0, n);
    }
}
