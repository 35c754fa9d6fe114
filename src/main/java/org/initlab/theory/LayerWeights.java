package org.initlab.theory;

import org.initlab.nn.Activation;
import org.initlab.nn.Dense;
import org.initlab.nn.Mlp;

import java.util.List;

/**
 * One dense layer's actual parameters, z = h·W + b, a = φ(z), W stored in × out row-major (as
 * {@link Dense} keeps it): what the measured side of the theory ({@link Jacobians},
 * {@link NetworkSpec#measured}) reads of a network. The arrays are the network's own, not copies.
 */
public record LayerWeights(int in, int out, float[] weight, float[] bias, Activation activation) {
    public LayerWeights {
        if (in < 1 || out < 1) throw new IllegalArgumentException("a layer needs positive fans, got " + in + " × " + out);
        if (weight.length != in * out || bias.length != out) {
            throw new IllegalArgumentException("a " + in + " × " + out + " layer holds " + in * out + " weights and " + out + " biases, got "
                    + weight.length + " and " + bias.length);
        }
    }

    /** The layers of {@code net}, input side first. */
    public static List<LayerWeights> of(Mlp net) {
        return net.layers().stream().map(d -> new LayerWeights(d.in(), d.out(), d.weight().data(), d.bias(), d.activation())).toList();
    }
}
