package org.initlab.study;

import java.util.concurrent.ConcurrentHashMap;

/**
 * The cost done so far by each run in training, so that the study's progress counts every run in
 * flight: with two runs at once, a fraction made of the finished runs and the reporting run alone
 * said 49 % when both runs were in their last epoch.
 */
final class CostInFlight {
    private final ConcurrentHashMap<String, Double> done = new ConcurrentHashMap<>();

    /** Records that {@code run} has done {@code cost} of its work; the cost done by every run in training. */
    double update(String run, double cost) {
        done.put(run, cost);
        double sum = 0;
        for (double c : done.values()) sum += c;
        return sum;
    }

    /** {@code run} left training (finished, failed or abandoned): its cost is counted with the finished runs', or not at all. */
    void left(String run) {
        done.remove(run);
    }

    void clear() {
        done.clear();
    }
}
