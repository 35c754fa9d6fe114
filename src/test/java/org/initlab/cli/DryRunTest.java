package org.initlab.cli;

import org.initlab.RealMnist;
import org.initlab.data.DataOptions;
import org.initlab.data.DatasetShape;
import org.initlab.study.BuiltInStudies;
import org.initlab.study.Grid;
import org.initlab.study.PlannedRun;
import org.initlab.study.StudySpec;
import org.initlab.study.StudySpecParser;
import org.initlab.study.StudyStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code run --dry-run}: how many runs and how many shared, where the data would come from, what
 * the output folder holds and whether --force is needed, and a time estimate from timed training
 * steps with its spread; and the arithmetic the estimate rests on.
 */
class DryRunTest {
    @TempDir
    Path tmp;

    private static StudySpec parse(Path spec) throws IOException {
        return StudySpecParser.parse(Files.readString(spec), spec.toString(), StudySpecParser.Overrides.NONE);
    }

    private static String dryRun(StudySpec spec, Path folder, boolean force, DataOptions data, double seconds) {
        List<PlannedRun> runs = Grid.expand(spec);
        DatasetShape shape = DatasetShape.catalogue("mnist");
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        DryRun.print(new PrintStream(b, true, StandardCharsets.UTF_8), spec, runs,
                new DryRun.Context(2, folder, shape, MemoryBudget.of(runs, shape, 2), data, force, new TrainingSpeed.Budget(seconds, 1)));
        return b.toString(StandardCharsets.UTF_8).replaceAll("\\n  ", " ");
    }

    @Test
    void theSeedStudysRunsSharedByItsExperiments() {
        StudySpec seed = StudySpecParser.parse(BuiltInStudies.source("seed"), "seed", StudySpecParser.Overrides.NONE);
        assertEquals("60 + 40 + 40 runs in its three experiments, 20 of them shared by two experiments (trained once for all of them): 120 runs.",
                DryRun.sharing(seed, Grid.expand(seed)));
        StudySpec one = StudySpecParser.parse(BuiltInStudies.source("seed-depth"), "seed-depth", StudySpecParser.Overrides.NONE);
        assertEquals("40 runs.", DryRun.sharing(one, Grid.expand(one)));
    }

    @Test
    void aTinyStudyEndToEnd() throws IOException {
        TinyStudy.folder();
        String out = dryRun(parse(TinyStudy.spec()), tmp.resolve("new"), false, DataOptions.defaults(), 3);
        assertTrue(out.contains("Runs: 16 + 16 runs in its two experiments, 8 of them shared by two experiments (trained once for all of them): 24 runs."), out);
        assertTrue(out.contains("(a dataset named by its path; read as it is, not verified)."), out);
        assertTrue(out.contains("Folder: " + tmp.resolve("new") + " does not exist yet; 'initlab run' creates it."), out);
        String time = out.lines().filter(l -> l.startsWith("Time: ")).findFirst().orElseThrow(() -> new AssertionError(out));
        assertTrue(time.matches("Time: (at most )?about \\d+ (s|min) for the 24 runs on 2 threads \\(.+, the 10–90 % range over \\d+ samples\\),"
                + " from the study's own training steps timed just now( at load average [0-9.]+ on \\d+ cores)?, where initlab got \\d+ % of 2 cores: .*"), time);
        // the shape given (MNIST's, as for a path dataset before it is read), both optimizers of the grid
        assertTrue(time.contains("784-8-4-10 at batch 20, relu, adam") && time.contains("784-8-4-10 at batch 20, relu, sgd"), time);
        assertTrue(out.contains("Nothing was trained (--dry-run)."), out);
        assertTrue(Files.notExists(tmp.resolve("new")), "a dry run writes nothing");
    }

    /**
     * A study too large for this Java's heap is not timed (timing would build its net and run out
     * of memory): the dry run says why 'initlab run' refuses it, in the refusal's words, and exits 2
     * as the run would.
     */
    @Test
    void aStudyThatDoesNotFitIsNotTimedAndRefusedInOneLine() throws IOException {
        Path spec = tmp.resolve("huge.yaml");
        Files.writeString(spec, """
                name: huge
                dataset: {name: mnist, validation: 100}
                seeds: 1
                settings:
                  architecture: [30000, 30000]
                  epochs: 1
                """);
        BadInputTest.Outcome o = BadInputTest.cli("run", spec.toString(), "--dry-run", "--data-dir", tmp.toString(),
                "--out", tmp.resolve("out").toString(), "--jobs", "1");
        String refusal = o.line("not enough memory: a run of architecture 30000-30000 needs about ", "give initlab more memory (INITLAB_JAVA_OPTS=-Xmx");
        String out = o.out().replaceAll("\\n  ", " ");
        assertTrue(out.contains("Time: not estimated: the runs do not fit in this Java's memory"), out);
        assertTrue(out.contains("'initlab run' refuses this study: " + refusal.substring("initlab: ".length()) + "."), out);
        assertTrue(out.contains("Nothing was trained (--dry-run)."), out);
    }

    @Test
    void theOutputFolderAndForce() throws IOException {
        StudySpec tiny = parse(TinyStudy.spec());
        List<PlannedRun> runs = Grid.expand(tiny);
        Path done = TinyStudy.folder();
        assertEquals(done + " holds this grid with 24 of its 24 runs finished: nothing left to train.",
                DryRun.Folder.of(done, runs).describe(false, runs.size()));
        assertTrue(dryRun(tiny, done, false, DataOptions.defaults(), 1).contains("Time: nothing to train: every run is finished in " + done + "."));

        Path part = TinyStudy.copy(tmp.resolve("part"));
        for (PlannedRun r : runs.subList(0, 3)) Files.delete(part.resolve("runs").resolve(r.id()).resolve(StudyStore.RESULT));
        assertEquals(part + " holds this grid with 21 of its 24 runs finished: 3 left to train ('initlab run' resumes).",
                DryRun.Folder.of(part, runs).describe(false, runs.size()));

        // another grid: one more seed keeps the 24 finished runs and adds 12
        StudySpec more = StudySpecParser.parse(Files.readString(TinyStudy.spec()).replace("seeds: 2", "seeds: 3"), "tiny.yaml",
                StudySpecParser.Overrides.NONE);
        List<PlannedRun> moreRuns = Grid.expand(more);
        DryRun.Folder other = DryRun.Folder.of(done, moreRuns);
        assertTrue(other.needsForce());
        assertEquals(done + " holds another grid (study 'tiny', 24 runs, 24 finished): 'initlab run' refuses it without --force;"
                + " with --force it trains this grid there, keeping the 24 finished runs that are in this grid; or choose another --out folder.",
                other.describe(false, moreRuns.size()));
        assertEquals(done + " holds another grid (study 'tiny', 24 runs, 24 finished): with --force, 'initlab run' trains this grid there,"
                + " keeping the 24 finished runs that are in this grid.", other.describe(true, moreRuns.size()));

        // another grid with nothing finished: nothing to protect, no --force needed (the rule of StudyStore.prepare)
        Path empty = TinyStudy.copy(tmp.resolve("empty"));
        for (PlannedRun r : runs) Files.delete(empty.resolve("runs").resolve(r.id()).resolve(StudyStore.RESULT));
        DryRun.Folder unfinished = DryRun.Folder.of(empty, moreRuns);
        assertTrue(!unfinished.needsForce());
        assertEquals(empty + " holds another grid (study 'tiny', 24 runs, 0 finished): with no finished run to keep, 'initlab run' replaces it,"
                + " no --force needed.", unfinished.describe(false, moreRuns.size()));

        Files.writeString(empty.resolve(StudyStore.MANIFEST), "{not json");
        assertTrue(DryRun.Folder.of(empty, runs).describe(false, runs.size()).contains("('initlab run' would stop there: choose another --out folder)."));
    }

    @Test
    void whereTheDataComesFrom() {
        StudySpec mnist = StudySpecParser.parse("name: d\ndataset: mnist\n", "d.yaml", StudySpecParser.Overrides.NONE);
        Path cache = tmp.resolve("cache");
        String line = DryRun.dataLine(mnist, DataOptions.defaults().withCacheDir(cache).withDataDir(tmp.resolve("nothing")));
        if (!line.contains(" found in ")) { // elsewhere ($INITLAB_DATA, a system folder) it is found: nothing to check here
            assertEquals("mnist is not on this machine: 'initlab run' downloads it (12 MB) from " + line.split(" from ")[1].split(" ")[0]
                    + " into " + cache.resolve("mnist") + "; offline, put train-images-idx3-ubyte.gz, train-labels-idx1-ubyte.gz,"
                    + " t10k-images-idx3-ubyte.gz, t10k-labels-idx1-ubyte.gz into " + cache.resolve("mnist")
                    + " or into a folder given with --data-dir or $INITLAB_DATA.", line);
        }
        Path real = RealMnist.dir();
        assertEquals("mnist (12 MB) found in " + real + " (--data-dir), verified against the published checksums.",
                DryRun.dataLine(mnist, DataOptions.defaults().withDataDir(real)));
    }

    /**
     * The estimate comes from steps actually timed: each net measured took steps in timed blocks,
     * and the median, the range and the idle figure are the schedule of the grid at exactly those
     * measured step times (nothing about how fast: that depends on the machine's load).
     */
    @Test
    void theEstimateAndItsRangeAreMadeOfMeasuredSteps() throws IOException {
        StudySpec tiny = parse(TinyStudy.spec());
        List<PlannedRun> runs = Grid.expand(tiny);
        TrainingSpeed speed = new TrainingSpeed(DatasetShape.catalogue("mnist"), 60, new TrainingSpeed.Budget(1, 1.5));
        TrainingSpeed.Estimate e = speed.estimate(runs, 2);
        assertEquals(2, e.threads());
        assertEquals(speed.references(runs).size(), e.nets().size(), "one measurement per net chosen");
        for (TrainingSpeed.Net n : e.nets()) {
            assertTrue(n.steps() > 0 && n.blocks() > 0 && n.steps() >= n.blocks(), "steps were timed: " + n);
            assertTrue(n.cpuStep() > 0 && n.cpuStep() < 1, n.toString());
        }
        assertTrue(e.samples() >= 3, "process windows of about 0.25 s over 1.5 s of measuring: " + e.share());
        assertEquals(speed.makespan(runs, e.nets(), 2), e.idle(), 1e-9 * e.idle());
        assertEquals(e.idle() / e.share().p50(), e.median(), 1e-9 * e.median());
        assertTrue(e.idle() > 0 && e.idle() <= e.p10() && e.p10() <= e.median() && e.median() <= e.p90(), e.toString());
    }

    // ---- the arithmetic of the estimate ----

    private static TrainingSpeed.Net net(double macs, double cpuStep) {
        return new TrainingSpeed.Net("n", macs, cpuStep, 10, 100, true);
    }

    @Test
    void theRangeIsThatOfTheShareOfTheCoresOverTheWindows() {
        // {cpu s, wall s} of the whole process on 2 threads: 100 %, 50 %, 25 %, 75 %, and more than 2 cores (counted as 100 %)
        List<double[]> windows = List.of(new double[]{0.5, 0.25}, new double[]{0.25, 0.25}, new double[]{0.125, 0.25},
                new double[]{0.375, 0.25}, new double[]{0.6, 0.25});
        TrainingSpeed.Share share = TrainingSpeed.share(windows, 2);
        assertEquals(5, share.samples());
        assertEquals(0.35, share.p10(), 1e-12);
        assertEquals(0.75, share.p50(), 1e-12);
        assertEquals(1, share.p90(), 1e-12);
        TrainingSpeed.Estimate e = new TrainingSpeed.Estimate(600, share, List.of(net(1e6, 1e-3)), 2, 3.0, 2);
        assertEquals(800, e.median(), 1e-9, "10 min at a whole core take 10/0.75 min at three quarters of one");
        assertEquals(600, e.p10(), 1e-9);
        assertEquals(600 / 0.35, e.p90(), 1e-9);
        assertEquals(new TrainingSpeed.Share(1, 1, 1, 0), TrainingSpeed.share(List.of(), 2), "nothing measured: a whole core");
    }

    @Test
    void aStepsTimeIsInterpolatedBetweenTheTwoNets() {
        List<TrainingSpeed.Net> two = List.of(net(3e6, 2e-3), net(1e6, 1e-3));
        assertEquals(1e-3, TrainingSpeed.stepSeconds(1e6, two), 1e-12);
        assertEquals(1.5e-3, TrainingSpeed.stepSeconds(2e6, two), 1e-12);
        assertEquals(2e-3, TrainingSpeed.stepSeconds(3e6, two), 1e-12);
        assertEquals(0.75e-3, TrainingSpeed.stepSeconds(0.5e6, two), 1e-12, "a smaller net: along the line");
        // one net: proportional
        assertEquals(4e-3, TrainingSpeed.stepSeconds(2e6, List.of(net(1e6, 2e-3))), 1e-12);
        // a line that would give small steps a negative time goes through the origin instead
        double t = TrainingSpeed.stepSeconds(1e6, List.of(net(3e6, 9e-3), net(2e6, 1e-3)));
        assertTrue(t > 0, "positive: " + t);
    }

    @Test
    void theStudyEndsWhenItsLastRunEnds() {
        StudySpec spec = StudySpecParser.parse("name: m\nseeds: 3\nsettings: {epochs: 2, architecture: [32]}\n", "m.yaml", StudySpecParser.Overrides.NONE);
        List<PlannedRun> runs = Grid.expand(spec);
        TrainingSpeed speed = new TrainingSpeed(DatasetShape.catalogue("mnist"), 10_000, TrainingSpeed.Budget.DEFAULT);
        double macs = speed.macsPerStep(runs.getFirst().spec());
        assertEquals(3.0 * 150 * (784 * 32 + 32 * 10), macs, 1e-6, "batch 150 (the default) × three products");
        List<TrainingSpeed.Net> nets = List.of(net(macs, 1e-3));
        double one = speed.makespan(runs.subList(0, 1), nets, 1);
        assertTrue(one > 2 * 334 * 1e-3, "at least its 2 × 334 steps: " + one);
        assertEquals(3 * one, speed.makespan(runs, nets, 1), 1e-9, "three equal runs on one thread");
        assertEquals(2 * one, speed.makespan(runs, nets, 2), 1e-9, "on two threads, the third run after one of the first two");
        assertEquals(one, speed.makespan(runs, nets, 3), 1e-9);
    }

    @Test
    void theNetsTimedAreTheLargestAndATypicalOne() {
        StudySpec seed = StudySpecParser.parse(BuiltInStudies.source("seed"), "seed", StudySpecParser.Overrides.NONE);
        TrainingSpeed speed = new TrainingSpeed(DatasetShape.catalogue("mnist"), 10_000, TrainingSpeed.Budget.DEFAULT);
        List<PlannedRun> chosen = speed.references(Grid.expand(seed));
        assertEquals(List.of(512, 256, 128, 64, 32, 16), chosen.get(0).spec().hidden());
        assertEquals(List.of(128, 64), chosen.get(1).spec().hidden());
        assertEquals("relu", chosen.get(1).spec().activation().name(), "the most common activation");
    }

    @Test
    void aStepHasSettledWhenThreeBlocksAgree() {
        List<double[]> falling = new ArrayList<>();
        for (double cpu : new double[]{50e-3, 9e-3, 5e-3, 2e-3, 1.05e-3, 1e-3, 0.98e-3, 1.02e-3}) falling.add(new double[]{cpu * 3, cpu, 100});
        assertEquals(4, TrainingSpeed.settledFrom(falling));
        assertEquals(-1, TrainingSpeed.settledFrom(falling.subList(0, 6)));
        List<double[]> few = new ArrayList<>();
        for (int i = 0; i < 5; i++) few.add(new double[]{1e-3, 1e-3, 20});
        assertEquals(-1, TrainingSpeed.settledFrom(few), "not before 200 steps");
        assertEquals(1.5, TrainingSpeed.quantile(new double[]{1, 2}, 0.5), 1e-12);
        assertEquals(1.1, TrainingSpeed.quantile(new double[]{1, 2}, 0.1), 1e-12);
    }

    @Test
    void durations() {
        assertEquals("45 s", DryRun.approx(45));
        assertEquals("24 min", DryRun.approx(24 * 60 + 10));
        assertEquals("5 h 26 min", DryRun.approx(5 * 3600 + 26 * 60));
        assertEquals("20–31 min", DryRun.range(20 * 60, 31 * 60));
        assertEquals("50 min–1 h 40 min", DryRun.range(50 * 60, 100 * 60));
    }
}
