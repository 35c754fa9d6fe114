package org.initlab.cli;

import org.initlab.study.PlannedRun;
import org.initlab.study.RunRecord;
import org.initlab.study.StoredResult;
import org.initlab.study.StudyProgress;
import org.initlab.study.StudyRunner;
import org.initlab.train.RunResult;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Draws a study's progress: on a terminal one line redrawn in place (runs done/total, ETA, the
 * epoch of each run in flight); otherwise plain log lines, one per finished run.
 */
final class RunProgressDisplay implements StudyProgress {
    private final PrintStream out;
    private final boolean terminal;
    private final List<String> describeKeys;
    private final long t0 = System.nanoTime();
    /** Runs in flight: their label and epoch (kept as numbers; text is made only when drawing). */
    private final Map<String, Running> running = new LinkedHashMap<>();

    private static final class Running {
        final String label;
        int epoch, epochs;

        Running(String label) {
            this.label = label;
        }

        @Override
        public String toString() {
            return epochs == 0 ? label + " starting" : label + " ep " + epoch + "/" + epochs;
        }
    }
    private int total;
    private int done;
    private double fraction;
    private long lastDraw;
    private int lastWidth;

    RunProgressDisplay(PrintStream out, boolean terminal, List<String> describeKeys) {
        this.out = out;
        this.terminal = terminal;
        this.describeKeys = describeKeys;
    }

    static boolean isTerminal() {
        java.io.Console c = System.console();
        return c != null && c.isTerminal();
    }

    @Override
    public synchronized void started(int total, int done, int again, int jobs) {
        this.total = total;
        this.done = done - again;
        String resumed = done == 0 ? ""
                : again == 0 ? " (" + done + " already finished in this folder)"
                : " (" + done + " already finished in this folder, " + again + " of them again to record the probes they lack)";
        out.println("Training " + (total - done + again) + " of " + total + " runs on " + jobs + " thread" + (jobs == 1 ? "" : "s") + resumed + ".");
    }

    @Override
    public synchronized void resultSetAside(PlannedRun run, StoredResult.Broken broken, Path keptAs) {
        line(TerminalText.safe("Run " + run.id() + ": its result.json " + broken.reason() + "; kept as " + keptAs + ", and the run is trained again."));
    }

    @Override
    public synchronized void runStarted(PlannedRun run) {
        running.put(run.id(), new Running(TerminalText.safe(run.describe(describeKeys))));
        draw(false);
    }

    @Override
    public synchronized void runProgress(PlannedRun run, int epoch, int epochs, double studyFraction) {
        Running r = running.get(run.id());
        if (r != null) {
            r.epoch = epoch;
            r.epochs = epochs;
        }
        fraction = studyFraction;
        draw(false);
    }

    @Override
    public synchronized void runFinished(PlannedRun run, RunRecord record, double studyFraction) {
        running.remove(run.id());
        done++;
        fraction = studyFraction;
        RunResult r = record.result();
        String what = r.diverged() ? "DIVERGED (" + r.divergence() + ")"
                : "test acc " + percent(r.finalMetrics().testAccuracy()) + ", val acc " + percent(r.finalMetrics().validationAccuracy());
        line(TerminalText.safe(String.format(Locale.ROOT, "[%d/%d] %s: %s, %.1f s  (%s)", done, total, run.describe(describeKeys), what,
                r.timing().totalSeconds(), run.id())));
        draw(true);
    }

    @Override
    public synchronized void runReprobed(PlannedRun run, RunRecord record, List<String> probes, boolean reproduced, double studyFraction) {
        running.remove(run.id());
        done++;
        fraction = studyFraction;
        String what = reproduced ? "recorded " + String.join(", ", probes) + "; the retrained run reproduced the stored result bit for bit"
                : "NOT recorded " + String.join(", ", probes) + ": the retrained run differs from the stored result (another initlab version or machine?); kept the stored record";
        line(String.format(Locale.ROOT, "[%d/%d] %s: %s, %.1f s  (%s)", done, total, run.describe(describeKeys), what,
                record.result().timing().totalSeconds(), run.id()));
        draw(true);
    }

    @Override
    public synchronized void runFailed(PlannedRun run, Throwable error) {
        running.remove(run.id());
        done++;
        line(TerminalText.safe("[" + done + "/" + total + "] " + run.describe(describeKeys) + ": FAILED: " + Main.message(error)));
        draw(true);
    }

    @Override
    public synchronized void finished(StudyRunner.Outcome o) {
        clear();
        if (o.saveFailure() != null) {
            // the command says why the study stopped, last
        } else if (o.cancelled()) {
            out.println("Stopped: " + o.trained() + " runs finished this time; runs in flight were abandoned. Run the same command again to resume.");
        } else {
            String again = o.reprobed() + o.kept() == 0 ? ""
                    : ", " + (o.reprobed() + o.kept()) + " trained again for probes they lacked"
                    + (o.kept() == 0 ? "" : " (" + o.kept() + " kept as " + (o.kept() == 1 ? "it was" : "they were") + ": not reproduced)");
            out.println(String.format(Locale.ROOT, "Done: %d runs trained, %d already finished, %d diverged, %d failed%s, in %s.",
                    o.trained(), o.skipped(), o.diverged(), o.failed(), again, duration(o.seconds())));
        }
        out.flush();
    }

    private void line(String s) {
        clear();
        out.println(s);
    }

    private void clear() {
        if (terminal && lastWidth > 0) {
            out.print("\r\033[2K");
            lastWidth = 0;
        }
    }

    private void draw(boolean force) {
        if (!terminal) return;
        long now = System.nanoTime();
        if (!force && now - lastDraw < 200_000_000L) return;
        lastDraw = now;
        double elapsed = (now - t0) / 1e9;
        String eta = fraction > 0.002 ? duration(elapsed * (1 - fraction) / fraction) : "…";
        StringBuilder sb = new StringBuilder();
        sb.append(String.format(Locale.ROOT, "%s %d/%d runs · %.0f%% · ETA %s", bar(fraction), done, total, 100 * fraction, eta));
        for (Running r : running.values()) sb.append(" | ").append(r);
        int width = columns();
        String s = sb.length() > width - 1 ? sb.substring(0, width - 2) + "…" : sb.toString();
        out.print("\r\033[2K" + s);
        out.flush();
        lastWidth = s.length();
    }

    private static String bar(double f) {
        int n = 16, full = (int) Math.round(Math.max(0, Math.min(1, f)) * n);
        return "[" + "█".repeat(full) + "·".repeat(n - full) + "]";
    }

    private static int columns() {
        try {
            String c = System.getenv("COLUMNS");
            if (c != null) return Math.max(40, Integer.parseInt(c.trim()));
        } catch (NumberFormatException e) {
            // fall through
        }
        return 120;
    }

    static String percent(Double v) {
        return v == null ? "—" : String.format(Locale.ROOT, "%.2f%%", 100 * v);
    }

    static String duration(double s) {
        if (s < 60) return String.format(Locale.ROOT, "%.0f s", s);
        if (s < 3600) return String.format(Locale.ROOT, "%dm %02ds", (int) s / 60, (int) s % 60);
        return String.format(Locale.ROOT, "%dh %02dm", (int) s / 3600, ((int) s % 3600) / 60);
    }
}
