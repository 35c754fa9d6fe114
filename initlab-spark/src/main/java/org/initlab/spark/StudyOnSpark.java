package org.initlab.spark;

import org.apache.hadoop.conf.Configuration;
import org.apache.spark.SparkException;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.util.DoubleAccumulator;
import org.apache.spark.util.LongAccumulator;
import org.initlab.UserError;
import org.initlab.cli.ServeCommand;
import org.initlab.serve.LiveServer;
import org.initlab.study.Grid;
import org.initlab.study.PlannedRun;
import org.initlab.study.ProgressFileWriter;
import org.initlab.study.Shard;
import org.initlab.study.StoredResult;
import org.initlab.study.StudyRunner;
import org.initlab.study.StudySpec;
import org.initlab.study.StudySpecParser;
import org.initlab.study.StudyStore;
import org.initlab.study.TrainingSplit;
import org.initlab.train.probe.ProbeDescription;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.IntStream;

/**
 * The driver of {@code initlab-spark run}: plans the study's grid and prepares its folder as
 * {@code initlab run} does, checks that the executors have the Vector API, then trains the runs
 * not yet finished, and the finished ones lacking probes the spec asks for, as the tasks of one
 * Spark stage named after the study, longest runs first. With {@code --serve} on a local or
 * shared folder it serves the core's live view of the folder from the driver.
 */
public final class StudyOnSpark {
    /**
     * What to run; the options of {@code initlab run}.
     *
     * @param jobs    at most this many runs at once: the runs are split into this many partitions of
     *                about equal estimated cost (default: one partition, hence one task, per run)
     * @param maxRuns refuse a grid of more runs ({@code --max-runs}, {@link Grid#maxRuns})
     * @param serve   where the live view listens ({@code --serve}); null: no live view
     */
    public record Options(String study, String out, Integer jobs, Integer seeds, Integer epochs, String protocol,
                          String dataDir, boolean verify, boolean force, boolean saveWeights, boolean dryRun, long maxRuns,
                          LiveServer.Options serve) {
        /** Without a live view, with the default limit on the grid's size. */
        public Options(String study, String out, Integer jobs, Integer seeds, Integer epochs, String protocol, String dataDir,
                       boolean verify, boolean force, boolean saveWeights, boolean dryRun) {
            this(study, out, jobs, seeds, epochs, protocol, dataDir, verify, force, saveWeights, dryRun, Grid.DEFAULT_MAX_RUNS, null);
        }
    }

    /**
     * How the job ended: run ids by outcome, the runs finished in the folder before the job (those
     * trained again for probes included), the executors that copied the dataset, the job's length,
     * and the live view ({@code --serve}; null without), still serving: closing it is the caller's.
     */
    public record Summary(Map<RunOutcome.Status, List<String>> runs, int foundBeforeJob, List<String> dataFetchedBy,
                          double seconds, URI folder, LiveServer live) {
        public int count(RunOutcome.Status s) {
            return runs.getOrDefault(s, List.of()).size();
        }
    }

    private final JavaSparkContext sc;
    private final PrintStream out;
    private final VectorModuleCheck moduleCheck;

    public StudyOnSpark(JavaSparkContext sc, PrintStream out) {
        this(sc, out, VectorModuleCheck.VECTOR_API);
    }

    /** @param moduleCheck the module executors must have (tests name one that no JVM has) */
    StudyOnSpark(JavaSparkContext sc, PrintStream out, VectorModuleCheck moduleCheck) {
        this.sc = sc;
        this.out = out;
        this.moduleCheck = moduleCheck;
    }

    public Summary run(Options o) {
        long t0 = System.nanoTime();
        if (o.jobs() != null && o.jobs() < 1) throw new UserError("--jobs must be 1 or more, got " + o.jobs());
        if (!VectorModuleCheck.VECTOR_API.presentHere()) throw new UserError(VectorModuleCheck.VECTOR_API.driverMessage());
        Configuration conf = sc.hadoopConfiguration();
        StudySpec spec = StudySources.load(o.study(), new StudySpecParser.Overrides(o.protocol(), o.seeds(), o.epochs()), conf);
        List<PlannedRun> runs = Grid.expand(spec, o.maxRuns());
        String outDir = o.out() != null ? o.out()
                : StudySources.isStudyFolder(o.study(), conf) ? o.study() // a study folder: resume it, as initlab run does
                : "studies/" + spec.name().replaceAll("[^A-Za-z0-9._-]+", "_") + (spec.protocol().equals("default") ? "" : "-" + spec.protocol());
        URI location = HadoopStudyFolder.parse(outDir);
        boolean local = HadoopStudyFolder.isLocal(location);
        if (o.serve() != null && !local) {
            throw new UserError("--serve needs a local or shared --out folder, and " + location + " is not one: leave out --serve"
                    + " and run 'initlab serve DIR' on a machine that mounts the folder");
        }
        HadoopStudyFolder folder = new HadoopStudyFolder(location, conf);
        if (o.dryRun()) {
            out.println("Study '" + spec.name() + "' (" + spec.protocol() + " protocol): " + runs.size() + " runs, into "
                    + folder.uri() + "; " + (o.jobs() == null ? runs.size() : Math.min(o.jobs(), runs.size())) + " tasks at most");
            return new Summary(Map.of(), 0, List.of(), 0, folder.uri(), null);
        }
        try {
            // study.yaml names the folder for 'initlab run DIR' (a local path) or 'initlab-spark run DIR' (a URI)
            String shown = outDir.startsWith("file:") ? java.nio.file.Path.of(folder.uri()).toString() : outDir;
            folder.prepare(spec, runs, o.force(), shown);
        } catch (IOException e) {
            throw new UserError("cannot write the study folder " + folder.uri() + ": " + e.getMessage(), e);
        }
        out.println("Study '" + spec.name() + "' (" + spec.protocol() + " protocol): " + runs.size() + " runs in " + folder.uri());
        if (local) removeProgressLeftovers(folder);
        LiveServer live = o.serve() == null ? null : LiveServer.start(java.nio.file.Path.of(folder.uri()), o.serve());
        try {
            if (live != null) ServeCommand.announce(out, live);
            Summary s = train(spec, runs, folder, o, live, t0);
            live = null; // the caller's now
            return s;
        } finally {
            if (live != null) live.close();
        }
    }

    /** Trains what the folder lacks: runs not finished, and finished runs without probes the spec asks for. */
    private Summary train(StudySpec spec, List<PlannedRun> runs, HadoopStudyFolder folder, Options o, LiveServer live, long t0) {
        checkExecutors();
        List<PlannedRun> todo = new ArrayList<>();
        Map<String, List<String>> lacking = new HashMap<>(); // finished runs to train again → the probes they lack
        int found = 0;
        for (PlannedRun r : runs) {
            try {
                switch (folder.read(r.id())) {
                    case StoredResult.None n -> todo.add(r);
                    case StoredResult.Broken b -> {
                        URI keptAs = folder.setAside(r.id());
                        out.println("Run " + r.id() + ": its result.json " + b.reason() + "; kept as " + keptAs + ", and the run is trained again.");
                        todo.add(r);
                    }
                    case StoredResult.Finished f -> {
                        found++;
                        List<ProbeDescription> missing = r.probesLackedBy(f.record());
                        if (!missing.isEmpty()) {
                            todo.add(r);
                            lacking.put(r.id(), missing.stream().map(ProbeDescription::toString).toList());
                        }
                    }
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        if (!lacking.isEmpty()) {
            out.println(lacking.size() + " of the " + found + " finished runs lack probes the spec asks for: trained again, each record"
                    + " is replaced only if the run reproduces it bit for bit");
        }
        Map<StudySpec.DataChoice, DataShipment.Prepared> data = new HashMap<>();
        List<RunItem> items = new ArrayList<>();
        for (PlannedRun r : todo) {
            DataShipment.Prepared d = data.computeIfAbsent(r.spec().dataChoice(), c -> load(c, o));
            String tooLarge = TrainingSplit.of(d.dataset()).tooSmallFor(r.spec().batchSize());
            if (tooLarge != null) throw new UserError("batch_size " + tooLarge); // as initlab run says, before any task
            items.add(RunItem.of(r, StudyRunner.cost(r, d.dataset()), d.shipment(), lacking.get(r.id())));
        }
        items.sort(Comparator.comparingDouble(RunItem::cost).reversed().thenComparing(RunItem::id));
        Map<RunOutcome.Status, List<String>> byStatus = new EnumMap<>(RunOutcome.Status.class);
        List<String> fetchedBy = new ArrayList<>();
        if (!items.isEmpty()) {
            List<RunOutcome> outcomes = runTasks(spec, items, o, folder, runs.size(), found - lacking.size());
            for (RunOutcome r : outcomes) {
                byStatus.computeIfAbsent(r.status(), s -> new ArrayList<>()).add(r.id());
                if (r.fetchedData()) fetchedBy.add(r.executor());
                if (r.status() == RunOutcome.Status.FAILED) System.err.println("initlab-spark: run " + r.id() + " failed: " + r.message());
                if (r.status() == RunOutcome.Status.KEPT) {
                    out.println("Run " + r.id() + ": NOT recorded " + r.message() + ": the retrained run differs from the stored result"
                            + " (another initlab version or machine?); kept the stored record");
                }
            }
        }
        try {
            folder.cleanTemporaries(); // every task has ended: a .tmp left now is a killed attempt's
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (HadoopStudyFolder.isLocal(folder.uri())) removeProgressLeftovers(folder); // ... and progress left now, an abandoned run's
        Summary s = new Summary(byStatus, found, fetchedBy, (System.nanoTime() - t0) / 1e9, folder.uri(), live);
        int again = s.count(RunOutcome.Status.REPROBED) + s.count(RunOutcome.Status.KEPT);
        out.println(String.format(Locale.ROOT, "Done in %s: %d trained (%d diverged), %s%d found finished, %d failed. Results: %s",
                StudyProgressListener.duration(s.seconds()), s.count(RunOutcome.Status.TRAINED) + s.count(RunOutcome.Status.DIVERGED),
                s.count(RunOutcome.Status.DIVERGED),
                again == 0 ? "" : again + " trained again for probes they lacked" + (s.count(RunOutcome.Status.KEPT) == 0 ? ""
                        : " (" + s.count(RunOutcome.Status.KEPT) + " kept as they were: not reproduced)") + ", ",
                found - lacking.size() + s.count(RunOutcome.Status.FOUND), s.count(RunOutcome.Status.FAILED), folder.uri()));
        return s;
    }

    /**
     * Removes the live view's progress files of runs no task is training: when the job starts
     * (a killed job's) and when every task has ended (an abandoned run's), as cleanTemporaries
     * does for temporary files.
     */
    private static void removeProgressLeftovers(HadoopStudyFolder folder) {
        new ProgressFileWriter(new StudyStore(java.nio.file.Path.of(folder.uri())), w -> {}).started(0, 0, 0, 0);
    }

    private DataShipment.Prepared load(StudySpec.DataChoice c, Options o) {
        DataShipment.Prepared d = DataShipment.prepare(c, o.dataDir(), o.verify(), sc.hadoopConfiguration());
        if (sc.isLocal()) ExecutorDatasets.offer(d.shipment(), d.dataset()); // the executor is this JVM: no second copy
        out.println(String.format(Locale.ROOT, "Data: %s — %d train / %d validation / %d test, %s; %s",
                d.dataset().name(), d.dataset().train().size(), d.dataset().validation().size(), d.dataset().test().size(),
                c.preprocessing(), sc.isLocal() ? "loaded once for the driver and its tasks" : "executors copy it once each from " + d.shipment().folder()));
        return d;
    }

    /**
     * One task per core the cluster offers now, each asking its JVM for the module. Executors
     * that join later are checked by their first study task ({@link TrainPartition}).
     */
    private void checkExecutors() {
        if (sc.isLocal()) return; // the executor is the driver's JVM, checked already
        int n = Math.max(1, sc.defaultParallelism());
        VectorModuleCheck check = moduleCheck;
        sc.setJobDescription("initlab: check that executors have " + check.module());
        sc.sc().setCallSite("initlab: executor check");
        List<String> missing;
        try {
            missing = sc.parallelize(IntStream.range(0, n).boxed().toList(), n)
                    .map(i -> check.presentHere() ? "" : "executor " + org.apache.spark.SparkEnv.get().executorId() + " on "
                            + org.apache.spark.SparkEnv.get().blockManager().blockManagerId().host())
                    .filter(s -> !s.isEmpty()).distinct().collect();
        } finally {
            sc.sc().clearCallSite();
        }
        if (!missing.isEmpty()) {
            throw new UserError(check.executorMessage(String.join(", ", missing.stream().sorted().toList())));
        }
    }

    private List<RunOutcome> runTasks(StudySpec spec, List<RunItem> items, Options o, HadoopStudyFolder folder, int total, int found) {
        List<List<RunItem>> bins = partition(items, o.jobs() == null ? items.size() : Math.min(o.jobs(), items.size()));
        LongAccumulator runsDone = sc.sc().longAccumulator("initlab runs done");
        DoubleAccumulator costDone = sc.sc().doubleAccumulator("initlab cost done");
        double totalCost = items.stream().mapToDouble(RunItem::cost).sum();
        Map<String, String> hadoop = new HashMap<>();
        for (Map.Entry<String, String> e : sc.hadoopConfiguration()) hadoop.put(e.getKey(), e.getValue());
        Broadcast<Map<String, String>> hadoopConf = sc.broadcast(hadoop);
        StudyProgressListener progress = new StudyProgressListener(out, total, found, totalCost, runsDone, costDone);
        String name = "initlab study " + spec.name() + " (" + items.size() + " of " + total + " runs)";
        sc.setJobGroup("initlab-" + spec.name(), name, true);
        sc.sc().setCallSite(name); // the stage's name in the Spark UI
        sc.sc().addSparkListener(progress);
        try {
            JavaRDD<List<RunItem>> rdd = sc.parallelize(bins, bins.size()).setName(name);
            List<RunOutcome> outcomes = rdd.mapPartitions(
                    new TrainPartition(folder.uri(), hadoopConf, o.saveWeights(), moduleCheck, runsDone, costDone)).collect();
            progress.print(); // the listener hears of the last tasks after collect returns
            return outcomes;
        } catch (Exception e) { // Spark throws SparkException, a checked exception, without declaring it
            VectorModuleCheck.MissingModule missing = missingModule(e);
            if (missing != null) throw new UserError(missing.getMessage(), e);
            if (e instanceof RuntimeException r) throw r;
            throw new IllegalStateException(e.getMessage(), e);
        } finally {
            sc.sc().removeSparkListener(progress);
            sc.sc().clearCallSite();
            sc.clearJobGroup();
            hadoopConf.destroy();
        }
    }

    /**
     * Splits runs sorted by decreasing cost into {@code n} lists of about equal total cost, as
     * {@code initlab run --shard} splits a grid ({@link Shard#partition}: longest processing time
     * first, within 4/3 of the best split); each list stays sorted, so a task trains its longest
     * run first. Deterministic: the same runs give the same partitions.
     */
    static List<List<RunItem>> partition(List<RunItem> sorted, int n) {
        return Shard.partition(sorted, RunItem::cost, RunItem::id, n);
    }

    /** The executor's {@link VectorModuleCheck.MissingModule}, found in the cause chain or in the message Spark relays. */
    static VectorModuleCheck.MissingModule missingModule(Throwable e) {
        Set<Throwable> seen = new HashSet<>();
        for (Throwable t = e; t != null && seen.add(t); t = t.getCause()) {
            if (t instanceof VectorModuleCheck.MissingModule m) return m;
            String msg = t.getMessage();
            String marker = VectorModuleCheck.MissingModule.class.getName() + ": ";
            if (t instanceof SparkException && msg != null && msg.contains(marker)) {
                String rest = msg.substring(msg.indexOf(marker) + marker.length());
                int end = rest.indexOf('\n');
                return new VectorModuleCheck.MissingModule(end < 0 ? rest : rest.substring(0, end));
            }
        }
        return null;
    }
}
