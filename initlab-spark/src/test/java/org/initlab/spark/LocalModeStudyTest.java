package org.initlab.spark;

import org.apache.spark.SparkConf;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.scheduler.SparkListener;
import org.apache.spark.scheduler.SparkListenerStageSubmitted;
import org.initlab.UserError;
import org.initlab.io.JsonFormat;
import org.initlab.serve.LiveServer;
import org.initlab.study.Grid;
import org.initlab.study.ProgressFiles;
import org.initlab.study.RunRecord;
import org.initlab.study.StudyStore;
import org.initlab.train.RunResult;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The Spark job in local[2], in this JVM: same bits as a local run, resumable, data once per executor, one named stage. */
class LocalModeStudyTest {
    @TempDir
    static Path tmp;
    static Path yaml;
    static Path reference;
    static JavaSparkContext sc;
    static final List<String> stages = Collections.synchronizedList(new ArrayList<>());

    @BeforeAll
    static void start() throws IOException {
        yaml = TestStudies.writeStudy(tmp, 700, 3);
        reference = tmp.resolve("local");
        TestStudies.runLocally(yaml, reference);
        sc = new JavaSparkContext(new SparkConf().setMaster("local[2]").setAppName("initlab-test")
                .set("spark.ui.enabled", "false").set("spark.driver.host", "127.0.0.1"));
        sc.sc().addSparkListener(new SparkListener() {
            @Override
            public void onStageSubmitted(SparkListenerStageSubmitted e) {
                stages.add(e.stageInfo().name());
            }
        });
    }

    @AfterAll
    static void stop() {
        if (sc != null) sc.close();
    }

    private static StudyOnSpark.Options options(Path out, Integer jobs) {
        return new StudyOnSpark.Options(yaml.toString(), out.toUri().toString(), jobs, null, null, null, null, true, false, false, false);
    }

    private static StudyOnSpark.Summary run(StudyOnSpark.Options o, ByteArrayOutputStream printed) {
        return new StudyOnSpark(sc, new PrintStream(printed, true, StandardCharsets.UTF_8)).run(o);
    }

    @Test
    void oneTaskPerRunGivesTheLocalBitsInOneNamedStage() throws IOException {
        Path out = tmp.resolve("spark-default");
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        stages.clear();
        StudyOnSpark.Summary s = run(options(out, null), printed);
        assertEquals(12, s.count(RunOutcome.Status.TRAINED));
        TestStudies.assertSameStudy(reference, out);
        TestStudies.assertNoTemporaries(out);
        // local[2]: the executor is the driver's JVM, whose dataset the tasks use; no task copied the files
        assertEquals(List.of(), s.dataFetchedBy());
        List<String> study = stages.stream().filter(n -> n.startsWith("initlab study")).toList();
        assertEquals(List.of("initlab study spark-small (12 of 12 runs)"), study);
        String text = printed.toString(StandardCharsets.UTF_8);
        assertTrue(text.contains("12/12 runs done, 100 % of the work"), text);
        assertTrue(text.lines().filter(l -> l.contains(" runs done, ")).count() >= 2, text);
    }

    @Test
    void savedWeightsAreTheLocalRunsByteForByte() throws IOException {
        Path local = tmp.resolve("local-weights"), out = tmp.resolve("spark-weights");
        TestStudies.runLocally(yaml, local, "--seeds", "1", "--save-weights");
        run(new StudyOnSpark.Options(yaml.toString(), out.toUri().toString(), null, 1, null, null, null, true, false, true, false),
                new ByteArrayOutputStream());
        TestStudies.assertSameStudy(local, out);
        int files = 0;
        try (Stream<Path> runs = Files.list(local.resolve("runs"))) {
            for (Path r : runs.toList()) {
                for (String name : List.of(org.initlab.study.WeightFiles.INIT, org.initlab.study.WeightFiles.FINAL)) {
                    Path theirs = out.resolve("runs").resolve(r.getFileName()).resolve(name);
                    assertTrue(java.util.Arrays.equals(Files.readAllBytes(r.resolve(name)), Files.readAllBytes(theirs)), theirs.toString());
                    files++;
                }
            }
        }
        assertEquals(12, files);
        TestStudies.assertNoTemporaries(out);
    }

    @Test
    void threePartitionsGiveTheSameBits() throws IOException {
        Path out = tmp.resolve("spark-3");
        StudyOnSpark.Summary s = run(options(out, 3), new ByteArrayOutputStream());
        assertEquals(12, s.count(RunOutcome.Status.TRAINED));
        TestStudies.assertSameStudy(reference, out);
    }

    @Test
    void aResubmittedJobTrainsOnlyWhatIsMissingAndDropsKilledWriters() throws IOException {
        Path out = tmp.resolve("spark-resume");
        run(options(out, 2), new ByteArrayOutputStream());
        Map<String, FileTime> written = resultTimes(out);
        // as if the job had been killed: three runs unfinished, one of them mid-write
        List<String> ids = new ArrayList<>(written.keySet());
        List<String> lost = ids.subList(0, 3);
        for (String id : lost) Files.delete(out.resolve("runs").resolve(id).resolve(StudyStore.RESULT));
        Files.writeString(out.resolve("runs").resolve(lost.get(0)).resolve(".result.json-1234.tmp"), "{\"id\":");

        StudyOnSpark.Summary s = run(options(out, 2), new ByteArrayOutputStream());
        assertEquals(9, s.foundBeforeJob());
        assertEquals(3, s.count(RunOutcome.Status.TRAINED));
        TestStudies.assertNoTemporaries(out);
        TestStudies.assertSameStudy(reference, out);
        Map<String, FileTime> after = resultTimes(out);
        for (String id : ids.subList(3, ids.size())) assertEquals(written.get(id), after.get(id), id + " was written again");

        StudyOnSpark.Summary again = run(options(out, 2), new ByteArrayOutputStream());
        assertEquals(12, again.foundBeforeJob());
        assertEquals(0, again.count(RunOutcome.Status.TRAINED));
        assertEquals(after, resultTimes(out));
    }

    /**
     * A task retried after its executor died may find some of its runs finished by the failed
     * attempt (written, but the attempt's outcome lost with the executor): it keeps those files.
     */
    @Test
    void aTaskKeepsRunsThatAnEarlierAttemptFinished() throws IOException {
        Path out = tmp.resolve("spark-task");
        run(options(out, null), new ByteArrayOutputStream());
        Map<String, FileTime> before = resultTimes(out);
        List<String> gone = new ArrayList<>(before.keySet()).subList(0, 2);
        for (String id : gone) Files.delete(out.resolve("runs").resolve(id).resolve(StudyStore.RESULT));

        org.initlab.study.StudySpec spec = org.initlab.study.StudySpecParser.parse(Files.readString(yaml), yaml.toString(),
                org.initlab.study.StudySpecParser.Overrides.NONE);
        List<org.initlab.study.PlannedRun> runs = org.initlab.study.Grid.expand(spec);
        DataShipment.Prepared data = DataShipment.prepare(spec.data(), null, true, sc.hadoopConfiguration());
        List<RunItem> items = runs.stream().map(r -> RunItem.of(r, 1, data.shipment())).toList();
        Map<String, String> conf = new java.util.HashMap<>();
        for (Map.Entry<String, String> e : sc.hadoopConfiguration()) conf.put(e.getKey(), e.getValue());
        List<RunOutcome> outcomes = sc.parallelize(List.of(items), 1).mapPartitions(new TrainPartition(out.toUri(), sc.broadcast(conf),
                false, VectorModuleCheck.VECTOR_API, sc.sc().longAccumulator(), sc.sc().doubleAccumulator())).collect();

        Map<String, RunOutcome.Status> status = new TreeMap<>();
        for (RunOutcome o : outcomes) status.put(o.id(), o.status());
        for (String id : before.keySet()) {
            assertEquals(gone.contains(id) ? RunOutcome.Status.TRAINED : RunOutcome.Status.FOUND, status.get(id), id);
        }
        Map<String, FileTime> after = resultTimes(out);
        for (String id : before.keySet()) if (!gone.contains(id)) assertEquals(before.get(id), after.get(id), id + " was written again");
        TestStudies.assertSameStudy(reference, out);
    }

    @Test
    void anExecutorWithoutTheModuleIsOneLine() {
        Path out = tmp.resolve("spark-module");
        UserError e = assertThrows(UserError.class, () -> new StudyOnSpark(sc, new PrintStream(new ByteArrayOutputStream()),
                new VectorModuleCheck("jdk.incubator.nosuch")).run(options(out, null)));
        assertEquals("executor driver on 127.0.0.1 runs without the jdk.incubator.nosuch module: add --add-modules=jdk.incubator.nosuch"
                + " to spark.executor.extraJavaOptions (e.g. spark-submit --conf spark.executor.extraJavaOptions=--add-modules=jdk.incubator.nosuch)",
                e.getMessage());
        assertFalse(e.getMessage().contains("\n"));
    }

    @Test
    void theMissingModuleIsFoundInTheFailureSparkRelaysFromATask() {
        Exception e = assertThrows(Exception.class, () -> sc.parallelize(List.of(1), 1).map(i -> {
            VectorModuleCheck.VECTOR_API.require("executor 7 on node-a");
            throw new VectorModuleCheck.MissingModule("executor 7 on node-a runs without the module: add it");
        }).collect());
        VectorModuleCheck.MissingModule m = StudyOnSpark.missingModule(e);
        assertEquals("executor 7 on node-a runs without the module: add it", m == null ? null : m.getMessage());
    }

    @Test
    void anUnknownStudyIsOneLine() {
        UserError e = assertThrows(UserError.class, () -> run(new StudyOnSpark.Options("sead", tmp.resolve("x").toString(),
                null, null, null, null, null, true, false, false, false), new ByteArrayOutputStream()));
        assertTrue(e.getMessage().contains("'seed'"), e.getMessage());
    }

    /**
     * The spec's probe settings changed (loss_every 3 → 5; the runs' ids are the same): as
     * {@code initlab run} does, each finished run is trained again for the probes it lacks and its
     * record replaced when the new one reproduces it bit for bit; one whose stored record was
     * altered is not reproduced and keeps its record. The folder then equals the core's, probe
     * values included.
     */
    @Test
    void finishedRunsLackingTheSpecsProbesAreTrainedAgainAsInitlabRunDoes() throws IOException {
        Path out = tmp.resolve("spark-probes"), local = tmp.resolve("local-probes");
        run(options(out, 3), new ByteArrayOutputStream());
        copy(reference, local);
        Path changed = tmp.resolve("probes-5.yaml");
        Files.writeString(changed, Files.readString(yaml).replace("loss_every: 3", "loss_every: 5"));
        StudyStore sparkStore = new StudyStore(out), localStore = new StudyStore(local);
        List<RunRecord> before = sparkStore.readResults(sparkStore.readManifest());
        String altered = before.get(4).id();
        halveTestAccuracy(sparkStore, altered);
        halveTestAccuracy(localStore, altered);
        String alteredBytes = Files.readString(sparkStore.runDir(altered).resolve(StudyStore.RESULT));
        TestStudies.runLocally(changed, local);

        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        StudyOnSpark.Summary s = run(new StudyOnSpark.Options(changed.toString(), out.toUri().toString(), null, null, null, null, null,
                true, false, false, false), printed);
        String text = printed.toString(StandardCharsets.UTF_8);
        assertEquals(12, s.foundBeforeJob());
        assertEquals(11, s.count(RunOutcome.Status.REPROBED), text);
        assertEquals(List.of(altered), s.runs().get(RunOutcome.Status.KEPT), text);
        assertEquals(0, s.count(RunOutcome.Status.TRAINED));
        assertTrue(text.contains("12 of the 12 finished runs lack probes the spec asks for"), text);
        assertTrue(text.contains("0 trained (0 diverged), 12 trained again for probes they lacked (1 kept as they were: not reproduced),"
                + " 0 found finished, 0 failed"), text);
        assertTrue(text.contains("Run " + altered + ": NOT recorded minibatch_loss"), text);
        assertEquals(alteredBytes, Files.readString(sparkStore.runDir(altered).resolve(StudyStore.RESULT)), "the stored record is kept");
        TestStudies.assertSameStudy(local, out);
        Map<String, RunRecord> old = new TreeMap<>(), mine = new TreeMap<>(), theirs = new TreeMap<>();
        for (RunRecord r : before) old.put(r.id(), r);
        for (RunRecord r : sparkStore.readResults(sparkStore.readManifest())) mine.put(r.id(), r);
        for (RunRecord r : localStore.readResults(localStore.readManifest())) theirs.put(r.id(), r);
        for (String id : old.keySet()) {
            assertEquals(JsonFormat.CANONICAL.writeValueAsString(theirs.get(id).probes()), JsonFormat.CANONICAL.writeValueAsString(mine.get(id).probes()), id);
            assertEquals(id.equals(altered), old.get(id).probes().equals(mine.get(id).probes()), id + ": probes recorded again");
        }
        TestStudies.assertNoTemporaries(out);

        // again: only the run that was not reproduced still lacks the probes
        StudyOnSpark.Summary again = run(new StudyOnSpark.Options(changed.toString(), out.toUri().toString(), null, null, null, null, null,
                true, false, false, false), new ByteArrayOutputStream());
        assertEquals(List.of(altered), again.runs().get(RunOutcome.Status.KEPT));
        assertEquals(0, again.count(RunOutcome.Status.REPROBED) + again.count(RunOutcome.Status.TRAINED));
    }

    /** A study folder given without --out is resumed in place, as 'initlab run DIR' does. */
    @Test
    void aStudyFolderWithoutOutIsResumedInPlace() throws IOException {
        Path out = tmp.resolve("spark-in-place");
        run(options(out, 4), new ByteArrayOutputStream());
        String id = resultTimes(out).firstKey();
        Files.delete(out.resolve("runs").resolve(id).resolve(StudyStore.RESULT));
        StudyOnSpark.Summary s = run(new StudyOnSpark.Options(out.toString(), null, null, null, null, null, null, true, false, false, false),
                new ByteArrayOutputStream());
        assertEquals(out.toUri(), s.folder());
        assertEquals(List.of(id), s.runs().get(RunOutcome.Status.TRAINED));
        TestStudies.assertSameStudy(reference, out);
    }

    /**
     * A folder holding some shards of 'initlab run --shard' is refused in one line; one holding
     * every shard of its split is the whole study, as for 'initlab run': nothing is left to train.
     */
    @Test
    void aFolderOfSomeShardsIsRefusedAndOneOfEveryShardIsTheWholeStudy() throws IOException {
        Path shared = tmp.resolve("spark-shards");
        TestStudies.runLocally(yaml, shared, "--shard", "0/3");
        UserError e = assertThrows(UserError.class, () -> run(options(shared, 2), new ByteArrayOutputStream()));
        assertTrue(e.getMessage().contains("holds shard 0/3 of a study") && !e.getMessage().contains("\n"), e.getMessage());
        TestStudies.runLocally(yaml, shared, "--shard", "1/3");
        TestStudies.runLocally(yaml, shared, "--shard", "2/3");
        StudyOnSpark.Summary s = run(options(shared, 2), new ByteArrayOutputStream());
        assertEquals(0, s.count(RunOutcome.Status.TRAINED));
        assertEquals(12, s.foundBeforeJob());
        TestStudies.assertSameStudy(reference, shared);
    }

    /** A stored record altered as another machine might have computed it: test accuracy halved. */
    private static void halveTestAccuracy(StudyStore store, String id) throws IOException {
        RunRecord r = store.readResult(id);
        RunResult res = r.result();
        RunResult.Metrics f = res.finalMetrics();
        RunResult changed = new RunResult(res.status(), res.divergedEpoch(), res.divergence(), res.steps(), res.epochs(),
                new RunResult.Metrics(f.validationLoss(), f.validationAccuracy(), f.testLoss(), f.testAccuracy() / 2), res.timing());
        store.writeResult(new RunRecord(r.id(), r.initlab(), r.spec(), r.probeSettings(), r.probes(), r.labels(), r.experiments(),
                changed, r.started(), r.finished(), r.machine(), r.data()));
    }

    private static void copy(Path from, Path to) throws IOException {
        try (Stream<Path> files = Files.walk(from)) {
            for (Path f : files.toList()) {
                Path t = to.resolve(from.relativize(f).toString());
                if (Files.isDirectory(f)) Files.createDirectories(t);
                else Files.copy(f, t);
            }
        }
    }

    /**
     * --serve on a local folder: the driver serves the core's live view, which reads the
     * progress files the tasks write as runs train (removed once each result is written), and
     * goes on serving after the job.
     */
    @Test
    void theLiveViewServesTheFolderAndTasksWriteTheProgressItReads() throws Exception {
        Path out = tmp.resolve("spark-serve");
        java.util.concurrent.atomic.AtomicBoolean sawEpoch = new java.util.concurrent.atomic.AtomicBoolean(), stop = new java.util.concurrent.atomic.AtomicBoolean();
        Thread watcher = new Thread(() -> {
            while (!stop.get() && !sawEpoch.get()) {
                try (Stream<Path> runs = Files.list(out.resolve("runs"))) {
                    for (Path r : runs.toList()) {
                        if (ProgressFiles.list(r).stream().anyMatch(f -> ProgressFiles.epochOf(f.name()) >= 0)) sawEpoch.set(true);
                    }
                } catch (IOException | java.io.UncheckedIOException notYet) {
                    // no runs folder yet
                }
                Thread.onSpinWait();
            }
        });
        watcher.start();
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        StudyOnSpark.Summary s;
        try {
            s = run(new StudyOnSpark.Options(yaml.toString(), out.toUri().toString(), null, null, null, null, null, true, false, false,
                    false, Grid.DEFAULT_MAX_RUNS, new LiveServer.Options("127.0.0.1", 0)), printed);
        } finally {
            stop.set(true);
            watcher.join();
        }
        try (LiveServer live = s.live()) {
            String text = printed.toString(StandardCharsets.UTF_8);
            assertTrue(text.contains("Live view: " + live.url()), text);
            var http = java.net.http.HttpClient.newHttpClient();
            var reply = http.send(java.net.http.HttpRequest.newBuilder(live.url().resolve("/api/study")).build(),
                    java.net.http.HttpResponse.BodyHandlers.ofString());
            assertEquals(200, reply.statusCode());
            com.fasterxml.jackson.databind.JsonNode study = JsonFormat.CANONICAL.readTree(reply.body()).get("summary");
            assertEquals(12, study.get("counts").get("done").asInt(), reply.body());
            assertTrue(study.get("finished").asBoolean(), reply.body());
        }
        assertTrue(sawEpoch.get(), "no task wrote an epoch's progress file");
        try (Stream<Path> runs = Files.list(out.resolve("runs"))) {
            for (Path r : runs.toList()) assertFalse(Files.exists(ProgressFiles.dir(r)), r + " kept its progress");
        }
        TestStudies.assertSameStudy(reference, out);
        TestStudies.assertNoTemporaries(out);
    }

    @Test
    void serveOnAFolderThatIsNotLocalIsOneLine() {
        UserError e = assertThrows(UserError.class, () -> run(new StudyOnSpark.Options(yaml.toString(), "hdfs://nn:8020/studies/x", null,
                null, null, null, null, true, false, false, false, Grid.DEFAULT_MAX_RUNS, new LiveServer.Options("127.0.0.1", 0)),
                new ByteArrayOutputStream()));
        assertEquals("--serve needs a local or shared --out folder, and hdfs://nn:8020/studies/x is not one: leave out --serve and run"
                + " 'initlab serve DIR' on a machine that mounts the folder", e.getMessage());
    }

    /** --max-runs: the core's limit and the core's messages, before Spark starts or anything is built. */
    @Test
    void maxRunsIsInitlabRunsLimit() {
        UserError e = assertThrows(UserError.class, () -> run(new StudyOnSpark.Options(yaml.toString(), tmp.resolve("x10").toString(),
                null, null, null, null, null, true, false, false, false, 10, null), new ByteArrayOutputStream()));
        assertEquals("study 'spark-small': its grid would have 12 runs, more than the limit of 10; vary fewer factors or seeds,"
                + " or raise the limit with --max-runs 12", e.getMessage());
        assertFalse(Files.exists(tmp.resolve("x10")));
        assertEquals(0, run(new StudyOnSpark.Options(yaml.toString(), tmp.resolve("x12").toString(), null, null, null, null, null,
                true, false, false, true, 12, null), new ByteArrayOutputStream()).runs().size());
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        PrintStream old = System.err;
        try {
            System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
            assertEquals(2, SparkMain.run("run", yaml.toString(), "--max-runs", "0"));
            assertEquals(2, SparkMain.run("run", yaml.toString(), "--port", "9000"));
        } finally {
            System.setErr(old);
        }
        assertEquals(List.of("initlab-spark: --max-runs must be 1 or more, got 0",
                "initlab-spark: --port and --host are options of --serve: add --serve, or leave them out"),
                err.toString(StandardCharsets.UTF_8).lines().toList());
    }

    private static TreeMap<String, FileTime> resultTimes(Path out) throws IOException {
        TreeMap<String, FileTime> m = new TreeMap<>();
        try (Stream<Path> s = Files.list(out.resolve("runs"))) {
            for (Path r : s.toList()) {
                Path f = r.resolve(StudyStore.RESULT);
                if (Files.exists(f)) m.put(r.getFileName().toString(), Files.getLastModifiedTime(f));
            }
        }
        return m;
    }
}
