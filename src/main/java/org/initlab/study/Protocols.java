package org.initlab.study;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.initlab.study.spec.SpecText;

import java.util.List;

/**
 * A protocol is a named set of defaults under a study spec.
 * <ul>
 *   <li>{@code default}: the corrected study — linear output layer, zero biases, validation and
 *       test reported after every epoch as exact means, 5 seeds (paired across factors: the seed
 *       fixes data order and the random draws).</li>
 *   <li>{@code notebook}: the original study's notebook as it ran (what it did is set out in
 *       {@code docs/protocols.md}) — the hidden activation on the output
 *       layer too, PyTorch's {@code nn.Linear} default biases U(±1/√fan_in), validation after every
 *       epoch and test once at the end, losses as the mean of per-batch means over batches of the
 *       training batch size, one seed.</li>
 * </ul>
 */
public final class Protocols {
    private Protocols() {}

    /** The protocol a spec gets when it names none. */
    public static final String DEFAULT_NAME = "default";
    public static final String NOTEBOOK_NAME = "notebook";

    private static final String DEFAULT = """
            seeds: 5
            settings:
              architecture: [128, 64]
              activation: relu
              initializer: xavier_uniform
              bias_initializer: zeros
              output_activation: false
              optimizer: {name: sgd, lr: 0.01}
              batch_size: 150
              epochs: 35
              evaluation: {validation: each_epoch, test: each_epoch, batch_size: 1000, aggregation: example_mean}
              probes: {loss_every: 10, probe_batch: 1000, ratio_every: 25, saturation_threshold: 0.1}
            """;

    private static final String NOTEBOOK = """
            seeds: 1
            settings:
              architecture: [128, 64]
              activation: relu
              initializer: xavier_uniform
              bias_initializer: torch_linear
              output_activation: true
              optimizer: {name: sgd, lr: 0.01}
              batch_size: 150
              epochs: 35
              evaluation: {validation: each_epoch, test: end, batch_size: training, aggregation: batch_mean}
              probes: {loss_every: 10, probe_batch: 1000, ratio_every: 25, saturation_threshold: 0.1}
            """;

    public static List<String> names() {
        return List.of(DEFAULT_NAME, NOTEBOOK_NAME);
    }

    /** The protocol's defaults as a spec fragment (seeds, settings). */
    public static ObjectNode defaults(String protocol) {
        return SpecText.builtIn(switch (protocol) {
            case DEFAULT_NAME -> DEFAULT;
            case NOTEBOOK_NAME -> NOTEBOOK;
            default -> throw new IllegalArgumentException("unknown protocol " + protocol);
        });
    }
}
