package org.initlab.init;

import org.initlab.UserError;
import org.initlab.catalog.Spelling;

import java.util.List;

/**
 * The recommended gain for a nonlinearity, exactly as PyTorch's {@code torch.nn.init.calculate_gain}:
 * linear, identity, conv*, conv_transpose*, sigmoid → 1; tanh → 5/3; relu → √2;
 * leaky_relu → √(2/(1+slope²)) (slope defaults to 0.01); selu → 3/4.
 *
 * <p>The SELU value 3/4 is PyTorch's empirical choice for gradient flow (pytorch/pytorch PR
 * #50664); a self-normalizing SELU network wants gain 1 (nonlinearity 'linear'), i.e. LeCun
 * normal (Klambauer et al. 2017).
 */
public final class Gain {
    /** PyTorch's default leaky_relu negative slope when no parameter is given. */
    public static final double DEFAULT_LEAKY_RELU_SLOPE = 0.01;

    /** Every nonlinearity name {@link #of} accepts. */
    public static final List<String> NONLINEARITIES = List.of(
            "linear", "identity", "conv1d", "conv2d", "conv3d",
            "conv_transpose1d", "conv_transpose2d", "conv_transpose3d",
            "sigmoid", "tanh", "relu", "leaky_relu", "selu");

    private Gain() {}

    /** The gain for {@code nonlinearity} with PyTorch's default parameter (leaky_relu slope 0.01). */
    public static double of(String nonlinearity) {
        return of(nonlinearity, DEFAULT_LEAKY_RELU_SLOPE);
    }

    /**
     * The gain for {@code nonlinearity}; {@code param} is leaky_relu's negative slope and is
     * ignored by the others.
     *
     * @throws UserError for an unknown nonlinearity or a non-finite slope
     */
    public static double of(String nonlinearity, double param) {
        return switch (canonical(nonlinearity)) {
            case "linear", "identity", "conv1d", "conv2d", "conv3d",
                 "conv_transpose1d", "conv_transpose2d", "conv_transpose3d", "sigmoid" -> 1.0;
            case "tanh" -> 5.0 / 3;
            case "relu" -> Math.sqrt(2.0);
            case "leaky_relu" -> {
                if (!Double.isFinite(param)) throw new UserError("gain: leaky_relu slope must be finite, got " + param);
                yield Math.sqrt(2.0 / (1 + param * param));
            }
            case "selu" -> 3.0 / 4;
            default -> throw new IllegalStateException("no gain for " + nonlinearity);
        };
    }

    /** The nonlinearity's name as {@link #NONLINEARITIES} spells it (the {@link Spelling} rule); UserError if none. */
    public static String canonical(String nonlinearity) {
        return Spelling.choose("nonlinearity", String.valueOf(nonlinearity), NONLINEARITIES);
    }
}
