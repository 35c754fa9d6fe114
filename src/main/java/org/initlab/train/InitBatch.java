package org.initlab.train;

import org.initlab.data.Split;
import org.initlab.init.LayerwiseNetwork;
import org.initlab.math.Matrix;
import org.initlab.math.RandomStreams;
import org.initlab.nn.Dense;
import org.initlab.nn.Mlp;

import java.util.Arrays;
import java.util.random.RandomGenerator;

/**
 * The network as a data-dependent initializer (LSUV) sees it: forward passes of one fixed batch
 * of training examples, drawn without replacement from the seed's "lsuv" stream (a partial
 * Fisher–Yates shuffle), of the run's batch size.
 */
final class InitBatch implements LayerwiseNetwork {
    private final Mlp net;
    private final float[] x;
    private final int rows;

    InitBatch(Mlp net, Split train, int batchSize, long seed) {
        this.net = net;
        int features = train.features();
        rows = Math.min(batchSize, train.size());
        int[] idx = new int[train.size()];
        for (int i = 0; i < idx.length; i++) idx[i] = i;
        RandomGenerator rng = RandomStreams.stream(seed, "lsuv");
        x = new float[rows * features];
        for (int i = 0; i < rows; i++) {
            int j = i + rng.nextInt(idx.length - i);
            int t = idx[i];
            idx[i] = idx[j];
            idx[j] = t;
            System.arraycopy(train.x(), idx[i] * features, x, i * features, features);
        }
    }

    @Override
    public int layerCount() { return net.layers().size(); }

    @Override
    public Matrix weight(int layer) { return net.layers().get(layer).weight(); }

    @Override
    public float[] forwardTo(int layer) {
        net.forward(x, rows);
        Dense d = net.layers().get(layer);
        return Arrays.copyOf(d.preActivations(), rows * d.out());
    }
}
