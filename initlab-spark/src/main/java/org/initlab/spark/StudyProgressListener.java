package org.initlab.spark;

import org.apache.spark.scheduler.SparkListener;
import org.apache.spark.scheduler.SparkListenerTaskEnd;
import org.apache.spark.util.DoubleAccumulator;
import org.apache.spark.util.LongAccumulator;

import java.io.PrintStream;
import java.util.Locale;

/**
 * Prints, on the driver, a line each time tasks have finished more runs: runs done of the total
 * and an ETA. Done counts come from accumulators, which Spark merges once per successful task and
 * before it announces the task's end, so a failed attempt never counts and a retried one counts
 * once. The ETA extrapolates the elapsed time by the estimated cost of what is left (runs differ
 * in cost by orders of magnitude, so a count of runs would mislead).
 */
final class StudyProgressListener extends SparkListener {
    private final PrintStream out;
    private final int total;
    private final int alreadyDone;
    private final double totalCost;
    private final LongAccumulator runsDone;
    private final DoubleAccumulator costDone;
    private final long startNanos = System.nanoTime();
    private long printed = -1;

    /**
     * @param alreadyDone runs found finished by the driver before the job (not in any task)
     * @param totalCost   estimated cost of the runs the job trains
     */
    StudyProgressListener(PrintStream out, int total, int alreadyDone, double totalCost, LongAccumulator runsDone,
                          DoubleAccumulator costDone) {
        this.out = out;
        this.total = total;
        this.alreadyDone = alreadyDone;
        this.totalCost = totalCost;
        this.runsDone = runsDone;
        this.costDone = costDone;
    }

    @Override
    public void onTaskEnd(SparkListenerTaskEnd taskEnd) {
        print();
    }

    /** Prints the progress line if more runs are done than the last line said. */
    synchronized void print() {
        long done = alreadyDone + runsDone.value();
        if (done == printed) return;
        printed = done;
        double fraction = totalCost <= 0 ? 1 : Math.min(1, costDone.value() / totalCost);
        out.println(line(done, total, fraction, (System.nanoTime() - startNanos) / 1e9));
    }

    /** "7/12 runs done, 64 % of the work, 1m 05s elapsed, ETA 37s". */
    static String line(long done, int total, double fraction, double elapsedSeconds) {
        String eta = fraction <= 0 ? "ETA unknown" : fraction >= 1 ? "ETA 0s"
                : "ETA " + duration(elapsedSeconds * (1 - fraction) / fraction);
        return String.format(Locale.ROOT, "%d/%d runs done, %.0f %% of the work, %s elapsed, %s", done, total, fraction * 100,
                duration(elapsedSeconds), eta);
    }

    static String duration(double seconds) {
        long s = Math.round(seconds);
        if (s < 60) return s + "s";
        if (s < 3600) return String.format(Locale.ROOT, "%dm %02ds", s / 60, s % 60);
        return String.format(Locale.ROOT, "%dh %02dm", s / 3600, s % 3600 / 60);
    }
}
