package org.initlab.optim;

import org.initlab.UserError;

/**
 * The range checks PyTorch's optimizer constructors make ("Invalid learning rate: -1"), as
 * {@link UserError}s in the style of {@code Params}. Written as negated comparisons so NaN fails.
 */
final class Hyperparameters {
    private Hyperparameters() {}

    static void nonNegative(String optimizer, String name, double value) {
        if (!(value >= 0)) {
            throw new UserError(optimizer + ": parameter '" + name + "' must be >= 0, got " + value);
        }
    }

    /**
     * A learning rate: PyTorch accepts 0 (and skips nothing), but a run at lr = 0 trains for hours
     * and never moves a weight, so it is refused here.
     */
    static void learningRate(String optimizer, double value) {
        if (!(value > 0)) {
            throw new UserError(optimizer + ": parameter 'lr' must be > 0, got " + value);
        }
    }

    /** 0 ≤ value < 1, PyTorch's check on Adam's betas. */
    static void unitInterval(String optimizer, String name, double value) {
        if (!(value >= 0 && value < 1)) {
            throw new UserError(optimizer + ": parameter '" + name + "' must be in [0, 1), got " + value);
        }
    }

    static void finite(String optimizer, String name, double value) {
        if (!Double.isFinite(value)) {
            throw new UserError(optimizer + ": parameter '" + name + "' must be a finite number, got " + value);
        }
    }
}
