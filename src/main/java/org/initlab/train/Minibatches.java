package org.initlab.train;

import org.initlab.data.Split;

import java.util.random.RandomGenerator;

/**
 * The training split as a stream of minibatches: each pass (epoch) visits every example once, in
 * a new order — Fisher–Yates with the run's shuffle stream, as PyTorch's DataLoader reshuffles
 * every epoch — in batches of the run's size (the last one smaller when it does not divide).
 */
final class Minibatches {
    private final Split train;
    private final int batch;
    private final int features;
    private final RandomGenerator shuffle;
    private final int[] order;
    private int next;
    private int passes;

    Minibatches(Split train, int batch, RandomGenerator shuffle) {
        this.train = train;
        this.batch = batch;
        this.features = train.features();
        this.shuffle = shuffle;
        this.order = new int[train.size()];
        for (int i = 0; i < order.length; i++) order[i] = i;
        this.next = order.length;
    }

    /** Minibatches in one pass. */
    long perPass() {
        return (order.length + batch - 1) / batch;
    }

    /** Passes begun so far: the epoch of the last minibatch. */
    int passes() { return passes; }

    /** Gathers the next minibatch into x (rows × features) and y; returns its rows. Begins a new pass when one ends. */
    int next(float[] x, int[] y) {
        if (next >= order.length) {
            shuffle(order, shuffle);
            next = 0;
            passes++;
        }
        int rows = Math.min(batch, order.length - next);
        float[] sx = train.x();
        int[] sy = train.y();
        for (int i = 0; i < rows; i++) {
            int idx = order[next + i];
            System.arraycopy(sx, idx * features, x, i * features, features);
            y[i] = sy[idx];
        }
        next += rows;
        return rows;
    }

    /** Fisher–Yates (Knuth, TAOCP vol. 2, Algorithm 3.4.2 P). */
    static void shuffle(int[] a, RandomGenerator rng) {
        for (int i = a.length - 1; i > 0; i--) {
            int j = rng.nextInt(i + 1);
            int t = a[i];
            a[i] = a[j];
            a[j] = t;
        }
    }
}
