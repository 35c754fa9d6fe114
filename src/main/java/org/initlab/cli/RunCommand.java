package org.initlab.cli;

import org.initlab.UserError;
import org.initlab.data.DatasetLoader;
import org.initlab.data.DatasetShape;
import org.initlab.study.Experiment;
import org.initlab.study.Grid;
import org.initlab.study.PlannedRun;
import org.initlab.study.StudyManifest;
import org.initlab.study.StudyRunner;
import org.initlab.study.StudySpec;
import org.initlab.study.StudySpecParser;
import org.initlab.study.StudyStore;
import org.initlab.study.TrainingSplit;
import org.initlab.study.Protocols;
import org.initlab.study.factor.Factor;
import org.initlab.study.factor.Factors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;

/** {@code initlab run STUDY}: trains every run of a study's grid into a study folder (resuming it). */
@Command(name = "run", mixinStandardHelpOptions = true,
        description = {"Train every run of a study and record everything; running again resumes.",
                "STUDY is a built-in study (see 'initlab list studies'), a .yaml spec, or a study folder to resume."})
final class RunCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "STUDY", description = "built-in study name or spec file")
    String study;

    @Option(names = "--out", paramLabel = "DIR", description = "study folder (default: studies/NAME[-PROTOCOL])")
    Path out;

    @Option(names = "--jobs", paramLabel = "N", description = "runs trained at once, one per core (default: all cores)")
    Integer jobs;

    @Option(names = "--seeds", paramLabel = "N", description = "use seeds 0..N-1 instead of the spec's")
    Integer seeds;

    @Option(names = "--epochs", paramLabel = "N", description = "train N epochs instead of the spec's")
    Integer epochs;

    @Option(names = "--protocol", paramLabel = "P", description = "default or notebook (the original notebook's protocol)")
    String protocol;

    @Option(names = "--dry-run", description = "show the grid, its size, an estimated time and the memory it needs; train nothing")
    boolean dryRun;

    @Option(names = "--max-runs", paramLabel = "N", description = "refuse a grid of more runs than this, before building it (default: 100000)")
    Long maxRuns;

    @Option(names = "--force", description = "run a changed spec in a folder that holds another grid")
    boolean force;

    @Option(names = "--save-weights", description = "also save each run's initial and final weights (.npz)")
    boolean saveWeights;

    @Option(names = "--data-dir", paramLabel = "DIR", description = "where the dataset files are (else $INITLAB_DATA, the cache, system folders, download)")
    Path dataDir;

    @Option(names = "--no-verify", description = "accept dataset files whose checksums do not match the catalogue (recorded in each run)")
    boolean noVerify;

    @Option(names = "--no-report", description = "do not write the report at the end")
    boolean noReport;

    @Option(names = "--shard", paramLabel = "I/N", description = "train only shard I of N (0 ≤ I < N), 1/N of the grid by estimated cost, into its own --out folder; 'initlab merge' combines the N folders")
    String shard;

    @Override
    public Integer call() throws Exception {
        if (jobs != null && jobs < 1) throw new UserError("--jobs must be 1 or more, got " + jobs);
        if (maxRuns != null && maxRuns < 1) throw new UserError("--max-runs must be 1 or more, got " + maxRuns);
        StudySpec spec = StudySource.load(study, new StudySpecParser.Overrides(protocol, seeds, epochs));
        // a misspelt dataset or a missing folder fails here, dry run or not; the shape is known without reading it
        DatasetShape shape = new DatasetLoader().shapeBefore(spec.data().dataset(), DataOptionsFor.of(dataDir, spec.data()));
        List<PlannedRun> runs = Grid.expand(spec, maxRuns != null ? maxRuns : Grid.DEFAULT_MAX_RUNS);
        int threads = jobs != null ? jobs : Runtime.getRuntime().availableProcessors();
        PrintStream o = System.out;
        Path given = Path.of(study);
        Path folder = out != null ? out
                : java.nio.file.Files.isRegularFile(given.resolve(StudyStore.MANIFEST)) ? given // a study folder: resume it
                : Path.of("studies", safe(spec.name()) + (spec.protocol().equals(Protocols.DEFAULT_NAME) ? "" : "-" + spec.protocol()));
        StudyManifest.ShardInfo part = ShardChoice.resolve(shard, folder, runs, shape);
        List<PlannedRun> mine = ShardChoice.runsOf(part, runs);
        MemoryBudget memory = MemoryBudget.of(mine, shape, threads);
        memory.requireArrays();
        if (dryRun) {
            if (part != null) o.println(part.describe() + ": " + mine.size() + " of " + runs.size() + " runs");
            DryRun.print(o, spec, mine, threads, folder, shape, memory);
            memory.require();
            return 0;
        }
        memory.require();
        StudyStore store = new StudyStore(folder);
        try (java.io.Closeable lock = store.lock()) {
            return train(spec, runs, part, store, folder, threads, o);
        }
    }

    /** Trains {@code runs}, or its shard {@code part} (null: all of it). */
    private int train(StudySpec spec, List<PlannedRun> grid, StudyManifest.ShardInfo part, StudyStore store, Path folder, int threads,
                      PrintStream o) {
        StudyManifest manifest = store.prepare(spec, grid, force, part);
        List<PlannedRun> runs = ShardChoice.runsOf(part, grid);
        o.println(TerminalText.safe("Study '" + spec.name() + "' (" + spec.protocol() + " protocol): "
                + (part == null ? "" : part.describe() + ", " + runs.size() + " of ") + grid.size() + " runs in " + folder));

        LoadedDatasets data = new LoadedDatasets(dataDir, !noVerify, o, runs, threads);
        RunProgressDisplay progress = new RunProgressDisplay(o, RunProgressDisplay.isTerminal(), describeKeys(spec));
        StudyRunner runner = new StudyRunner(store, data, new StudyRunner.Options(threads, saveWeights), progress);
        Thread hook = new Thread(() -> {
            runner.cancel();
            try {
                runner.awaitStop(10);
            } catch (InterruptedException ignored) {
                Thread.currentThread().interrupt();
            }
        }, "initlab-stop");
        Runtime.getRuntime().addShutdownHook(hook);
        StudyRunner.Outcome outcome;
        try {
            outcome = runner.run(runs);
        } finally {
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException shuttingDown) {
                // the hook is running: Ctrl-C
            }
        }
        o.println(TerminalText.safe("Results: " + folder.toAbsolutePath()));
        if (!noReport && !outcome.cancelled() && outcome.trained() + outcome.skipped() + outcome.reprobed() + outcome.kept() > 0) {
            try {
                ReportCommand.write(o, folder, org.initlab.report.ReportWriter.Options.defaults(folder));
            } catch (UserError e) {
                System.err.println(TerminalText.safe("initlab: the results are saved, but the report failed: " + Main.message(e)
                        + " (try 'initlab report " + folder + "')"));
            }
        }
        return outcome.failed() > 0 ? 1 : 0;
    }

    /** The factors that vary anywhere in the study, then seed: what tells runs apart in progress lines. */
    static List<String> describeKeys(StudySpec spec) {
        Set<String> keys = new LinkedHashSet<>();
        for (Factor<?> f : Factors.all()) {
            for (Experiment e : spec.experiments()) if (e.factors().containsKey(f)) keys.add(f.key());
        }
        if (spec.seeds().size() > 1) keys.add("seed");
        return new ArrayList<>(keys);
    }

    static String safe(String name) {
        String s = name.replaceAll("[^A-Za-z0-9._-]+", "_");
        return s.isEmpty() || s.startsWith(".") ? "study" + s : s;
    }
}
