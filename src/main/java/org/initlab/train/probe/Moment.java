package org.initlab.train.probe;

/** When a probe looks at a run. */
public enum Moment {
    /** Once, at initialisation: epoch 0's record. */
    INIT,
    /** Every step, right after the minibatch loss (also one that is not finite, which ends the run). */
    AFTER_LOSS,
    /** Every step with a finite loss, after backward: this step's gradients, the parameters not yet updated. */
    BEFORE_UPDATE,
    /** Every step with a finite loss, after the optimizer's update. */
    AFTER_UPDATE,
    /** After each epoch: that epoch's record. */
    EPOCH,
    /** Once, at the run's last record (after its last epoch, or the one in which it diverged). */
    END
}
