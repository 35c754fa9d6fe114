package org.initlab.train;

import java.util.List;

/**
 * What one epoch produced. Epoch 0 is the network at initialisation (no training loss, no
 * gradients). Metrics not measured under the run's evaluation settings are null.
 *
 * @param trainLoss     mean of the epoch's minibatch losses (the notebook's running mean)
 * @param trainAccuracy fraction of the epoch's training examples classified correctly, measured
 *                      on the fly, before each step's update
 */
public record EpochRecord(int epoch, Double trainLoss, Double trainAccuracy,
                          Double validationLoss, Double validationAccuracy,
                          Double testLoss, Double testAccuracy,
                          List<LayerSnapshot> layers, List<LayerGradients> gradients) {
    public EpochRecord {
        layers = List.copyOf(layers);
        gradients = List.copyOf(gradients);
    }
}
