package org.initlab.train;

import java.util.List;

/**
 * What one epoch produced. Epoch 0 is the network at initialisation (no training loss). Metrics
 * not measured under the run's evaluation settings are null. What the probes recorded is kept by
 * name: {@code values} for the run as a whole, and per layer in {@code layers}.
 *
 * @param trainLoss     mean of the epoch's minibatch losses (the notebook's running mean)
 * @param trainAccuracy fraction of the epoch's training examples classified correctly, measured
 *                      on the fly, before each step's update
 * @param values        run-level probe values of this epoch (e.g. its recorded minibatch losses)
 * @param layers        every dense layer, input side first, with its probe values
 */
public record EpochRecord(int epoch, Double trainLoss, Double trainAccuracy,
                          Double validationLoss, Double validationAccuracy,
                          Double testLoss, Double testAccuracy,
                          NamedValues values, List<LayerRecord> layers) {
    public EpochRecord {
        if (values == null) values = NamedValues.NONE;
        layers = List.copyOf(layers);
    }
}
