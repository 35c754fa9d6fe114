package org.initlab.train;

/**
 * What the probes record and how often; probes observe, they never change training.
 *
 * @param lossEvery            record the minibatch loss every this many steps
 * @param probeBatch           examples in the fixed probe batch for activation statistics
 * @param ratioEvery           measure the update:parameter ratio every this many steps
 * @param saturationThreshold  an activation counts as saturated where |φ′(z)| is below this
 *                             fraction of φ′'s maximum
 */
public record ProbeSettings(int lossEvery, int probeBatch, int ratioEvery, double saturationThreshold) {
    public ProbeSettings {
        if (lossEvery < 1 || probeBatch < 1 || ratioEvery < 1) throw new IllegalArgumentException("probe intervals must be positive");
        if (!(saturationThreshold > 0 && saturationThreshold < 1)) throw new IllegalArgumentException("saturation threshold must be in (0, 1)");
    }

    public static ProbeSettings defaults() {
        return new ProbeSettings(10, 1000, 25, 0.1);
    }
}
