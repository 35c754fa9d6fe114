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
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;

/**
 * Draws a study's progress: on a terminal one line redrawn in place (runs done/total, ETA, the
 * epoch of each run in flight); otherwise plain log lines, one per finished run, and between them
 * a heartbeat at least every {@value #HEARTBEAT_MAX_SECONDS} s (runs done, the epoch of each run in
 * flight, ETA), so that a log file or a CI job shows the study alive from its first seconds.
 */
final class RunProgressDisplay implements StudyProgress {
    /** The longest a log goes without a line while a study runs. */
    static final int HEARTBEAT_MAX_SECONDS = 30;
    /** A heartbeat is due this long after the last line; the ticker looks every {@link #TICK_MILLIS}, so none is later than the maximum. */
    private static final long HEARTBEAT_NANOS = 25_000_000_000L;
    private static final long TICK_MILLIS = 2_500;
    /** Runs in flight a heartbeat names; the others are counted. */
    private static final int HEARTBEAT_RUNS = 4;

    private final PrintStream out;
    private final boolean terminal;
    private final List<String> describeKeys;
    private final LongSupplier clock;
    private final boolean ticker;
    private final long t0;
    /** When the first run started (ETA counts from it, not from loading the data), or -1. */
    private long firstStart = -1;
    /** When the last line was printed (non-terminal). */
    private long lastLine;
    private ScheduledExecutorService ticks;
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
    /**
     * Whether some run has finished a training epoch: before that the work done is the initial
     * evaluation and probes (about 1 %), done while the JIT compiles, and a pace taken from it
     * said 51 min for a study of 71 s.
     */
    private boolean trainedAnEpoch;
    private long lastDraw;
    private int lastWidth;

    RunProgressDisplay(PrintStream out, boolean terminal, List<String> describeKeys) {
        this(out, terminal, describeKeys, System::nanoTime, true);
    }

    /**
     * @param clock  nanoseconds, as {@link System#nanoTime} (a test's own clock)
     * @param ticker off a terminal, look for a due heartbeat every {@value #TICK_MILLIS} ms on a
     *               daemon thread between {@link #started} and {@link #finished}; else only
     *               {@link #tick()} and progress events do
     */
    RunProgressDisplay(PrintStream out, boolean terminal, List<String> describeKeys, LongSupplier clock, boolean ticker) {
        this.out = out;
        this.terminal = terminal;
        this.describeKeys = describeKeys;
        this.clock = clock;
        this.ticker = ticker;
        this.t0 = clock.getAsLong();
        this.lastLine = t0;
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
        line("Training " + (total - done + again) + " of " + total + " runs on " + jobs + " thread" + (jobs == 1 ? "" : "s") + resumed + ".");
        if (!terminal && ticker && ticks == null) {
            ticks = Executors.newSingleThreadScheduledExecutor(r -> {
                Thread t = new Thread(r, "initlab-progress");
                t.setDaemon(true);
                return t;
            });
            ticks.scheduleAtFixedRate(this::tick, TICK_MILLIS, TICK_MILLIS, TimeUnit.MILLISECONDS);
        }
    }

    /** Prints a heartbeat when one is due (off a terminal): called by the ticker and by every progress event. */
    synchronized void tick() {
        if (terminal || total == 0) return;
        long now = clock.getAsLong();
        if (now - lastLine < HEARTBEAT_NANOS) return;
        StringBuilder sb = new StringBuilder(String.format(Locale.ROOT, "[%d/%d done] %s:", done, total, duration((now - t0) / 1e9)));
        if (running.isEmpty()) sb.append(done == total ? " finishing" : " starting (loading the data)");
        int shown = 0;
        for (Running r : running.values()) {
            if (shown == HEARTBEAT_RUNS) {
                sb.append(", ").append(running.size() - shown).append(" more");
                break;
            }
            sb.append(shown == 0 ? " " : ", ").append(r);
            shown++;
        }
        sb.append(running.isEmpty() ? "" : String.format(Locale.ROOT, "; %.0f%% of the work", 100 * fraction));
        String eta = eta(now);
        if (eta != null) sb.append(", ETA ").append(eta);
        else if (!running.isEmpty()) sb.append(", ETA after the first epoch");
        line(sb.toString());
    }

    /** Time left from the pace since the first run started, once there is a pace to go by. */
    private String eta(long now) {
        if (firstStart < 0 || !trainedAnEpoch || fraction <= 0.002) return null;
        double elapsed = (now - firstStart) / 1e9;
        return duration(elapsed * (1 - fraction) / fraction);
    }

    @Override
    public synchronized void resultSetAside(PlannedRun run, StoredResult.Broken broken, Path keptAs) {
        line(TerminalText.safe("Run " + run.id() + ": its result.json " + broken.reason() + "; kept as " + keptAs + ", and the run is trained again."));
    }

    @Override
    public synchronized void runStarted(PlannedRun run) {
        if (firstStart < 0) firstStart = clock.getAsLong();
        running.put(run.id(), new Running(TerminalText.safe(run.describe(describeKeys))));
        draw(false);
        tick();
    }

    @Override
    public synchronized void runProgress(PlannedRun run, int epoch, int epochs, double studyFraction) {
        Running r = running.get(run.id());
        if (r != null) {
            r.epoch = epoch;
            r.epochs = epochs;
        }
        if (epoch >= 1) trainedAnEpoch = true;
        fraction = studyFraction;
        draw(false);
        tick();
    }

    @Override
    public synchronized void runFinished(PlannedRun run, RunRecord record, double studyFraction) {
        running.remove(run.id());
        done++;
        trainedAnEpoch = true;
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
        if (ticks != null) {
            ticks.shutdownNow();
            ticks = null;
        }
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
        out.flush();
        lastLine = clock.getAsLong();
    }

    private void clear() {
        if (terminal && lastWidth > 0) {
            out.print("\r\033[2K");
            lastWidth = 0;
        }
    }

    private void draw(boolean force) {
        if (!terminal) return;
        long now = clock.getAsLong();
        if (!force && now - lastDraw < 200_000_000L) return;
        lastDraw = now;
        String eta = eta(now);
        if (eta == null) eta = "…";
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

    /** The terminal's width, asked once: a redrawn line longer than it would wrap and no longer redraw in place. */
    private int columns() {
        if (columns == 0) columns = TerminalText.width();
        return columns;
    }

    private int columns;

    static String percent(Double v) {
        return v == null ? "—" : String.format(Locale.ROOT, "%.2f%%", 100 * v);
    }

    static String duration(double s) {
        if (s < 60) return String.format(Locale.ROOT, "%.0f s", s);
        if (s < 3600) return String.format(Locale.ROOT, "%dm %02ds", (int) s / 60, (int) s % 60);
        return String.format(Locale.ROOT, "%dh %02dm", (int) s / 3600, ((int) s % 3600) / 60);
    }
}
