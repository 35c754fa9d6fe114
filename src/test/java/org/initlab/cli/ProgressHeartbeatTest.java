package org.initlab.cli;

import org.initlab.study.Grid;
import org.initlab.study.PlannedRun;
import org.initlab.study.StudySpecParser;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Off a terminal, the progress display prints a line at least every 30 s: runs done, the epoch of each run in flight, ETA (a test clock, no sleeping). */
class ProgressHeartbeatTest {
    private static final long SECOND = 1_000_000_000L;

    private final AtomicLong now = new AtomicLong(1_000 * SECOND);
    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    private final RunProgressDisplay display = new RunProgressDisplay(new PrintStream(bytes, true, StandardCharsets.UTF_8), false,
            List.of("initializer", "seed"), now::get, false);

    private List<String> lines() {
        return bytes.toString(StandardCharsets.UTF_8).lines().toList();
    }

    private static List<PlannedRun> runs() {
        return Grid.expand(StudySpecParser.parse("""
                name: beat
                seeds: 2
                settings: {epochs: 35}
                factors:
                  initializer: [xavier, he]
                """, "beat.yaml", StudySpecParser.Overrides.NONE));
    }

    /** Advances the test clock by {@code seconds} in steps of 2.5 s, ticking as the display's ticker would. */
    private void pass(double seconds) {
        for (double t = 0; t < seconds; t += 2.5) {
            now.addAndGet((long) (2.5 * SECOND));
            display.tick();
        }
    }

    @Test
    void aHeartbeatBeforeTheFirstRunEndsAndNoGapOver30Seconds() {
        List<PlannedRun> runs = runs();
        display.started(4, 0, 0, 2);
        pass(20);
        assertEquals(1, lines().size(), "nothing due yet: " + lines());
        pass(10);
        assertEquals(2, lines().size(), lines().toString());
        assertEquals("[0/4 done] 25 s: starting (loading the data)", lines().get(1));
        display.runStarted(runs.get(0));
        display.runStarted(runs.get(1));
        // the initial evaluation (epoch 0) is no pace to go by: no ETA until a training epoch ends
        display.runProgress(runs.get(0), 0, 35, 0.004);
        display.runProgress(runs.get(1), 0, 35, 0.008);
        pass(30);
        assertEquals("[0/4 done] 50 s: xavier · seed 0 ep 0/35, xavier · seed 1 ep 0/35; 1% of the work, ETA after the first epoch",
                lines().getLast());
        for (int epoch = 1; epoch <= 3; epoch++) {
            display.runProgress(runs.get(0), epoch, 35, epoch * 0.01);
            display.runProgress(runs.get(1), epoch, 35, epoch * 0.01 + 0.005);
            pass(12.5);
        }
        pass(25);
        String beat = lines().getLast();
        assertTrue(beat.matches("\\[0/4 done] \\dm \\d\\ds: xavier · seed 0 ep 3/35, xavier · seed 1 ep 3/35; \\d+% of the work, ETA \\d+m \\d\\ds"), beat);
        // the whole log: no two lines more than 30 s apart (each line is stamped by the clock when printed)
        assertTrue(lines().size() >= 3, lines().toString());
    }

    @Test
    void gapsBetweenLinesNeverExceedThirtySeconds() {
        List<PlannedRun> runs = runs();
        List<Long> stamps = new java.util.ArrayList<>();
        RunProgressDisplay d = new RunProgressDisplay(new PrintStream(new java.io.OutputStream() {
            @Override
            public void write(int b) {
                if (b == '\n') stamps.add(now.get());
            }
        }, true), false, List.of("initializer"), now::get, false);
        d.started(4, 0, 0, 1);
        long start = now.get();
        d.runStarted(runs.get(0));
        for (int step = 0; step < 400; step++) { // 1,000 s of a run's progress, an event every 2.5 s
            now.addAndGet(2_500_000_000L);
            d.runProgress(runs.get(0), 1 + step / 12, 35, step / 2000.0);
            d.tick();
        }
        long previous = start;
        for (long t : stamps) {
            assertTrue(t - previous <= 30 * SECOND, "a gap of " + (t - previous) / 1e9 + " s");
            previous = t;
        }
        assertTrue(now.get() - previous <= 30 * SECOND);
        assertTrue(stamps.size() >= 1000 / 30, stamps.size() + " lines in 1,000 s");
    }

    @Test
    void onATerminalNoHeartbeatLines() {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        RunProgressDisplay d = new RunProgressDisplay(new PrintStream(b, true, StandardCharsets.UTF_8), true, List.of(), now::get, false);
        d.started(4, 0, 0, 1);
        now.addAndGet(120 * SECOND);
        d.tick();
        assertEquals(1, b.toString(StandardCharsets.UTF_8).lines().count(), b.toString(StandardCharsets.UTF_8));
    }
}
