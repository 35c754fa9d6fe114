package org.initlab.cli;

import org.initlab.UserError;
import org.initlab.data.DatasetLoader;
import org.initlab.data.DatasetShape;
import org.initlab.serve.LiveServer;
import org.initlab.study.CombinedProgress;
import org.initlab.study.Experiment;
import org.initlab.study.Grid;
import org.initlab.study.PlannedRun;
import org.initlab.study.ProgressFileWriter;
import org.initlab.study.StudyManifest;
import org.initlab.study.StudyProgress;
import org.initlab.study.StudyRunner;
import org.initlab.study.StudySpec;
import org.initlab.study.StudySpecParser;
import org.initlab.study.StudyStore;
import org.initlab.study.TrainingSplit;
import org.initlab.study.Protocols;
import org.initlab.study.factor.Factor;
import org.initlab.study.factor.Factors;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
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
    @Parameters(index = "0", paramLabel = "STUDY", description = "built-in study name, spec file or study folder")
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

    @Option(names = "--dry-run", description = "show the grid and its runs, where the data comes from, what the output folder holds, the time from training steps timed now (with its range) and the memory; train nothing")
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

    @CommandLine.ParentCommand
    Main main;

    @Option(names = "--serve", description = "show the study live in the browser as it trains (as 'initlab serve' does);"
            + " keeps serving after the study ends, until Ctrl-C")
    boolean serve;

    @Mixin
    ServeCommand.ServeOptions serveOptions = new ServeCommand.ServeOptions();

    /** The live view, with --serve, once the study folder is prepared. */
    private LiveServer live;

    @Option(names = "--shard", paramLabel = "I/N", description = "train only shard I of N (0 ≤ I < N), 1/N of the grid by estimated cost, into a --out folder shared by the N shards"
            + " (at the same time; then it is the whole study), or into its own, which 'initlab merge' combines")
    String shard;

    @Override
    public Integer call() throws Exception {
        if (jobs != null && jobs < 1) throw new UserError("--jobs must be 1 or more, got " + jobs);
        long runLimit = Grid.maxRuns(maxRuns);
        serveOptions.requireServe(serve);
        StudySpec spec = StudySource.load(study, new StudySpecParser.Overrides(protocol, seeds, epochs));
        // a misspelt dataset or a missing folder fails here, dry run or not; the shape is known without reading it
        DatasetShape shape = new DatasetLoader().shapeBefore(spec.data().dataset(), DataOptionsFor.of(dataDir, spec.data()));
        List<PlannedRun> runs = Grid.expand(spec, runLimit);
        int threads = jobs != null ? jobs : Runtime.getRuntime().availableProcessors();
        PrintStream o = System.out;
        Path given = Path.of(study);
        Path folder = out != null ? out
                : java.nio.file.Files.isRegularFile(given.resolve(StudyStore.MANIFEST)) ? given // a study folder: resume it
                : Path.of("studies", safe(spec.name()) + (spec.protocol().equals(Protocols.DEFAULT_NAME) ? "" : "-" + spec.protocol()));
        StudyManifest.ShardInfo part = ShardChoice.resolve(shard, folder, spec, runs, shape, force);
        List<PlannedRun> mine = ShardChoice.runsOf(part, runs);
        MemoryBudget memory = MemoryBudget.of(mine, shape, threads);
        memory.requireArrays();
        if (dryRun) {
            if (part != null) o.println(part.describe() + ": " + mine.size() + " of " + runs.size() + " runs");
            DryRun.print(o, spec, mine, new DryRun.Context(threads, folder, shape, memory,
                    DataOptionsFor.of(dataDir, spec.data()).withVerify(!noVerify), force, TrainingSpeed.Budget.DEFAULT));
            memory.require();
            return 0;
        }
        memory.require();
        StudyStore store = new StudyStore(folder, main.disk());
        try {
            int code;
            try (java.io.Closeable lock = part == null ? store.lock() : store.lockShard(part.shard())) {
                code = train(spec, runs, part, store, folder, threads, o);
            }
            if (live != null) {
                // the folder is free again (another 'initlab run' may resume it); the view goes on reading it
                o.println("The live view goes on serving this study until Ctrl-C.");
                o.flush();
                Runtime.getRuntime().addShutdownHook(new Thread(live::close, "initlab-serve-stop"));
                live.join();
            }
            return code;
        } finally {
            if (live != null) live.close();
        }
    }

    /** Trains {@code runs}, or its shard {@code part} (null: all of it). */
    private int train(StudySpec spec, List<PlannedRun> grid, StudyManifest.ShardInfo part, StudyStore store, Path folder, int threads,
                      PrintStream o) {
        StudyManifest manifest = store.prepare(spec, grid, force, part);
        List<PlannedRun> runs = ShardChoice.runsOf(part, grid);
        o.println(TerminalText.safe("Study '" + spec.name() + "' (" + spec.protocol() + " protocol): "
                + (part == null ? "" : part.describe() + ", " + runs.size() + " of ") + grid.size() + " runs in " + folder));

        if (serve) {
            live = LiveServer.start(folder, serveOptions.toOptions());
            ServeCommand.announce(o, live);
        }

        LoadedDatasets data = new LoadedDatasets(dataDir, !noVerify, o, runs, threads);
        // the progress files first (what a live view reads), then the terminal
        StudyProgress progress = new CombinedProgress(
                new ProgressFileWriter(store, warning -> System.err.println(TerminalText.safe("initlab: " + warning)),
                        part == null ? null : new java.util.HashSet<>(part.runs())),
                new RunProgressDisplay(o, RunProgressDisplay.isTerminal(), describeKeys(spec)));
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
        if (outcome.saveFailure() != null) {
            System.err.println(TerminalText.safe("initlab: " + stopped(outcome)));
            return 1;
        }
        o.println(TerminalText.safe("Results: " + folder.toAbsolutePath()));
        List<StudyManifest.ShardInfo> sharing = part == null ? List.of() : store.shards();
        boolean shared = sharing.size() > 1; // the others may be writing: the whole study's report is made once, when all are done
        if (shared && !outcome.cancelled()) {
            o.println(TerminalText.safe(part.describe() + " is done; " + folder + " holds " + ShardChoice.describe(sharing) + ": once all "
                    + part.count() + " are done, 'initlab report " + folder + "'"));
        }
        if (!shared && !noReport && !outcome.cancelled() && outcome.trained() + outcome.skipped() + outcome.reprobed() + outcome.kept() > 0) {
            try {
                ReportCommand.write(o, folder, org.initlab.report.ReportWriter.Options.defaults(folder).on(main.disk()));
            } catch (UserError e) {
                System.err.println(TerminalText.safe("initlab: the report failed: " + Main.message(e) + "; the " + outcome.saved()
                        + " finished runs are saved and safe: make the report again with 'initlab report " + folder + "'"));
                return 1;
            }
        }
        if (live != null && outcome.cancelled()) {
            live.close(); // Ctrl-C: stop serving too
            live = null;
        }
        return outcome.failed() > 0 ? 1 : 0;
    }

    /** Why the study stopped, how many runs are saved and how to go on: one line. */
    static String stopped(StudyRunner.Outcome o) {
        StudyRunner.SaveFailure f = o.saveFailure();
        int unsaved = o.total() - o.saved();
        return "the study stopped: cannot save results in " + f.folder() + ": " + f.why() + "; " + o.saved() + " of " + o.total()
                + " runs " + (o.saved() == 1 ? "is" : "are") + " saved, " + unsaved + (unsaved == 1 ? " is" : " are")
                + " not; run the same command again to resume";
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
