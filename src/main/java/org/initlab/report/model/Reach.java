package org.initlab.report.model;

import org.initlab.report.stats.Estimate;

/**
 * How soon a threshold was reached: the mean epoch (with its interval) over the seeds that
 * reached it, and how many of how many seeds did.
 */
public record Reach(Estimate epochs, int reached, int seeds) {
    public boolean never() {
        return reached == 0;
    }
}
