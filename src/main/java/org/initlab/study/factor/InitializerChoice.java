package org.initlab.study.factor;

import org.initlab.catalog.Component;

/**
 * An initializer level: the weights' initializer, and the bias initializer that goes with it
 * when the level names one ({@code {name: zeros, bias: zeros}}: the notebook zeroes biases for
 * zero init only), else null.
 */
public record InitializerChoice(Component weights, Component bias) {
    @Override
    public String toString() {
        return weights.toString();
    }
}
