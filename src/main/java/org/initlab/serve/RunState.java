package org.initlab.serve;

import java.util.List;
import java.util.Map;

/**
 * One planned run as the live view shows it in lists and pushes it when it changes: its labels,
 * where it stands, how far it got and its latest numbers.
 *
 * @param epoch    the last epoch recorded (0 = initialisation), or null when none
 * @param epochs   the epochs planned, or null when not known yet
 * @param seconds  wall seconds from its start to its last epoch record (a finished run: its whole training)
 * @param updated  when its files last changed, in milliseconds since 1970 (0 when it has none)
 * @param message  why it failed, stalled or does not read, else null
 */
record RunState(String id, Map<String, String> labels, List<String> experiments, RunStatus status,
                Integer epoch, Integer epochs, Double seconds, long updated,
                Double trainLoss, Double validationLoss, Double validationAccuracy, Double testAccuracy,
                boolean diverged, String message) {

    static RunState todo(String id, Map<String, String> labels, List<String> experiments) {
        return new RunState(id, labels, experiments, RunStatus.TODO, null, null, null, 0, null, null, null, null, false, null);
    }
}
