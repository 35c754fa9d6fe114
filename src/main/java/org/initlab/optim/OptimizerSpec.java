package org.initlab.optim;

import org.initlab.math.Parameter;

import java.util.List;
import java.util.Map;

/**
 * An optimizer's configuration: an immutable value with a canonical name and every
 * hyper-parameter resolved (defaults included), named as in PyTorch's {@code torch.optim}.
 * {@code Optimizers.spec(s.name(), s.params())} gives back an equal spec.
 */
public interface OptimizerSpec {
    /** The learning rate's parameter name, every optimizer's. */
    String LR = "lr";
    /** The weight decay's parameter name, every optimizer's. */
    String WEIGHT_DECAY = "weight_decay";

    /** The canonical name: sgd, adam, adamw, rmsprop or adagrad. */
    String name();

    /** Every hyper-parameter with its value, sorted by name (like {@code Params.resolved()}). */
    Map<String, Object> params();

    /** PyTorch's {@code lr}. */
    double learningRate();

    /**
     * An optimizer over {@code parameters}, with its state buffers allocated here, once. The
     * list's parameters must be distinct; a parameter with {@code decays() == false} gets no
     * weight decay.
     */
    Optimizer bind(List<Parameter> parameters);

    /** The state buffers {@link #bind} allocates per parameter, each of the parameter's size (for memory estimates). */
    int stateBuffers();

    /** The update rule this configuration performs, in one line. */
    String formula();
}
