package org.initlab.spark;

import org.apache.spark.SparkConf;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.scheduler.SparkListener;
import org.apache.spark.scheduler.SparkListenerStageSubmitted;
import org.initlab.UserError;
import org.initlab.study.StudyStore;
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

    private static Map<String, FileTime> resultTimes(Path out) throws IOException {
        Map<String, FileTime> m = new TreeMap<>();
        try (Stream<Path> s = Files.list(out.resolve("runs"))) {
            for (Path r : s.toList()) {
                Path f = r.resolve(StudyStore.RESULT);
                if (Files.exists(f)) m.put(r.getFileName().toString(), Files.getLastModifiedTime(f));
            }
        }
        return m;
    }
}
