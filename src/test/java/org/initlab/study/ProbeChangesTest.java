package org.initlab.study;

import org.initlab.data.Dataset;
import org.initlab.train.EpochRecord;
import org.initlab.train.LayerRecord;
import org.initlab.train.NamedValues;
import org.initlab.train.RunResult;
import org.initlab.train.SyntheticData;
import org.initlab.train.probe.ProbeDescription;
import org.initlab.train.probe.Probes;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.initlab.study.StudyRunTest.cli;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * What is observed is not what is trained: probes are outside the run id, a finished study gets a
 * new probe (or new probe settings) by training its runs again and checking them bit for bit,
 * and the commands that read a study treat a probe its runs lack as missing values.
 */
class ProbeChangesTest {
    @TempDir
    static Path tmp;
    static Path data;

    static final String SPEC = """
            name: probed
            dataset: {name: %s, validation: 100}
            seeds: 2
            settings:
              architecture: [12]
              epochs: 2
              batch_size: 40
              evaluation: {batch_size: 100}
              probes: {probe_batch: 50, loss_every: %d}
            factors:
              activation: [relu, tanh]
            """;

    @BeforeAll
    static void data() throws IOException {
        data = SyntheticData.writeCsvFolder(tmp.resolve("blobs"), 400, 100, 16, 3);
    }

    static Path spec(String name, int lossEvery) throws IOException {
        Path p = tmp.resolve(name + ".yaml");
        Files.writeString(p, SPEC.formatted(data, lossEvery));
        return p;
    }

    static Path trained(String name) throws IOException {
        Path dir = tmp.resolve(name);
        StudyRunTest.Outcome o = cli("run", spec(name, 3).toString(), "--out", dir.toString(), "--no-report");
        assertEquals(0, o.code(), o.err());
        return dir;
    }

    /** The record as a run trained before probe {@code probe} existed would be: without it and its values. */
    static RunRecord without(RunRecord r, String probe) {
        List<ProbeDescription> held = new ArrayList<>(r.probes());
        held.removeIf(d -> d.name().equals(probe));
        Set<String> names = Probes.valueNames(r.probes().stream().filter(d -> d.name().equals(probe)).toList());
        List<EpochRecord> epochs = new ArrayList<>();
        for (EpochRecord e : r.result().epochs()) {
            List<LayerRecord> layers = new ArrayList<>();
            for (LayerRecord l : e.layers()) layers.add(new LayerRecord(l.layer(), l.in(), l.out(), drop(l.values(), names)));
            epochs.add(new EpochRecord(e.epoch(), e.trainLoss(), e.trainAccuracy(), e.validationLoss(), e.validationAccuracy(),
                    e.testLoss(), e.testAccuracy(), drop(e.values(), names), layers));
        }
        RunResult res = r.result();
        return new RunRecord(r.id(), r.initlab(), r.spec(), r.probeSettings(), held, r.labels(), r.experiments(),
                new RunResult(res.status(), res.divergedEpoch(), res.divergence(), res.steps(), epochs, res.finalMetrics(), res.timing()),
                r.started(), r.finished(), r.machine(), r.data());
    }

    static NamedValues drop(NamedValues v, Set<String> names) {
        Set<String> keep = new HashSet<>(v.names());
        keep.removeAll(names);
        return v.only(keep);
    }

    static RunRecord run(StudyStore store, String activation, int seed) {
        for (RunRecord r : store.readResults(store.readManifest())) {
            if (r.labels().get("activation").equals(activation) && r.spec().seed() == seed) return r;
        }
        throw new AssertionError("no run with activation " + activation + " and seed " + seed);
    }

    @Test
    void aProbeAddedToAFinishedStudyIsRecordedByTrainingAgain() throws IOException {
        Path dir = trained("added");
        StudyStore store = new StudyStore(dir);
        RunRecord tanh = run(store, "tanh", 0), other = run(store, "tanh", 1);
        store.writeResult(without(tanh, "saturation"));

        // the commands that read the study name the run once, and treat its values as missing
        StudyRunTest.Outcome report = cli("report", dir.toString(), "--no-png");
        assertEquals(0, report.code(), report.err());
        assertEquals(1, report.err().lines().filter(l -> l.contains("lack probe")).count(), report.err());
        assertTrue(report.err().contains("1 of 4 runs lack probe 'saturation' (" + tanh.id() + ")"), report.err());
        StudyRunTest.Outcome show = cli("show", dir.resolve("runs").resolve(tanh.id()).toString());
        assertEquals(0, show.code(), show.err());
        assertTrue(show.err().contains("run " + tanh.id() + " lacks probe 'saturation': its values are missing"), show.err());
        assertTrue(show.out().contains(" epoch  train loss"), show.out());
        StudyRunTest.Outcome export = cli("export", dir.toString(), "--csv");
        assertEquals(0, export.code(), export.err());
        assertEquals(1, export.err().lines().count(), export.err());
        List<String> rows = Files.readAllLines(dir.resolve("export/layers.csv"));
        int col = cells(rows.getFirst()).indexOf("saturated_fraction");
        assertTrue(col > 0, rows.getFirst());
        for (String row : rows.subList(1, rows.size())) {
            String cell = cells(row).get(col);
            boolean hidden = row.contains(",dense1,");
            if (row.startsWith(tanh.id())) assertTrue(cell.isEmpty(), "missing: " + row);
            if (row.startsWith(other.id())) assertEquals(hidden, !cell.isEmpty(), "a tanh layer's fraction: " + row);
        }
        assertTrue(cli("show", dir.resolve("runs").resolve(other.id()).toString()).err().isEmpty());

        // running the study again trains that run again, finds it the same, and records the probe
        StudyRunTest.Outcome again = cli("run", dir.toString(), "--no-report");
        assertEquals(0, again.code(), again.err());
        assertTrue(again.out().contains("Training 1 of 4 runs") && again.out().contains("1 of them again to record the probes they lack"), again.out());
        assertTrue(again.out().contains("recorded saturation{probe_batch=50, saturation_threshold=0.1}; the retrained run reproduced the stored result bit for bit"), again.out());
        RunRecord now = store.readResult(tanh.id());
        assertEquals(tanh.probes(), now.probes());
        assertEquals(tanh.result().withoutTiming(), now.result().withoutTiming(), "the record is whole again");
        assertEquals(other.result(), store.readResult(other.id()).result(), "the other runs are left alone");
        assertTrue(cli("report", dir.toString(), "--no-png").err().isEmpty());
    }

    @Test
    void aRetrainedRunThatDiffersKeepsItsRecord() throws IOException {
        Path dir = trained("differs");
        StudyStore store = new StudyStore(dir);
        RunRecord relu = without(run(store, "relu", 0), "weights");
        RunResult r = relu.result();
        RunResult.Metrics f = r.finalMetrics();
        RunResult changed = new RunResult(r.status(), r.divergedEpoch(), r.divergence(), r.steps(), r.epochs(),
                new RunResult.Metrics(f.validationLoss(), f.validationAccuracy(), f.testLoss(), f.testAccuracy() / 2), r.timing());
        store.writeResult(new RunRecord(relu.id(), relu.initlab(), relu.spec(), relu.probeSettings(), relu.probes(), relu.labels(),
                relu.experiments(), changed, relu.started(), relu.finished(), relu.machine(), relu.data()));
        String before = Files.readString(store.runDir(relu.id()).resolve(StudyStore.RESULT));

        StudyRunTest.Outcome again = cli("run", dir.toString(), "--no-report");
        assertEquals(0, again.code(), again.err());
        List<String> lines = again.out().lines().filter(l -> l.contains(relu.id())).toList();
        assertEquals(1, lines.size(), again.out());
        assertTrue(lines.getFirst().contains("NOT recorded weights: the retrained run differs from the stored result"), lines.getFirst());
        assertEquals(before, Files.readString(store.runDir(relu.id()).resolve(StudyStore.RESULT)), "the stored record is kept");
        assertTrue(again.out().contains("1 kept as it was"), again.out());
    }

    /** Probe settings are not part of the run: the same ids, and a change retrains for the new values only. */
    @Test
    void newProbeSettingsKeepTheRunsAndRecordTheirValues() throws IOException {
        Path dir = trained("settings");
        StudyStore store = new StudyStore(dir);
        Map<String, RunRecord> old = new HashMap<>();
        for (RunRecord r : store.readResults(store.readManifest())) old.put(r.id(), r);

        StudyRunTest.Outcome again = cli("run", spec("settings", 5).toString(), "--out", dir.toString(), "--no-report");
        assertEquals(0, again.code(), again.err());
        assertTrue(again.out().contains("Training 4 of 4 runs"), again.out());
        List<RunRecord> now = store.readResults(store.readManifest());
        assertEquals(old.keySet(), new HashSet<>(now.stream().map(RunRecord::id).toList()), "the same runs: probes are not in the id");
        for (RunRecord r : now) {
            RunRecord o = old.get(r.id());
            EpochRecord e1 = r.result().epochs().get(1), o1 = o.result().epochs().get(1);
            assertEquals(List.of(1.0, 5.0), boxed(e1.values().numbers("minibatch_loss_step").values()), "8 steps per epoch");
            assertEquals(List.of(1.0, 3.0, 6.0), boxed(o1.values().numbers("minibatch_loss_step").values()));
            assertEquals(o1.layers(), e1.layers(), "the other probes' values are those of the first training");
            assertNotEquals(o.probes(), r.probes());
        }
        assertTrue(cli("run", spec("settings", 5).toString(), "--out", dir.toString(), "--no-report").out().contains("Training 0 of 4 runs"));
    }

    /** The cells of a CSV row (RFC 4180 quoting). */
    static List<String> cells(String row) {
        List<String> out = new ArrayList<>();
        StringBuilder cell = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < row.length(); i++) {
            char c = row.charAt(i);
            if (quoted && c == '"' && i + 1 < row.length() && row.charAt(i + 1) == '"') {
                cell.append('"');
                i++;
            } else if (c == '"') {
                quoted = !quoted;
            } else if (c == ',' && !quoted) {
                out.add(cell.toString());
                cell.setLength(0);
            } else {
                cell.append(c);
            }
        }
        out.add(cell.toString());
        return out;
    }

    private static List<Double> boxed(double[] v) {
        List<Double> out = new ArrayList<>();
        for (double x : v) out.add(x);
        return out;
    }

    /** A live view (StudyProgress.epochRecorded) sees every epoch record as result.json keeps it. */
    @Test
    void aLiveViewSeesEveryEpochRecord() throws IOException {
        String yaml = SPEC.formatted("memory", 3);
        StudySpec spec = StudySpecParser.parse(yaml, "test spec", StudySpecParser.Overrides.NONE);
        List<PlannedRun> runs = Grid.expand(spec);
        StudyStore store = new StudyStore(tmp.resolve("live"));
        store.prepare(spec, runs, false);
        Dataset blobs = SyntheticData.blobs(300, 100, 100, 16, 3);
        Map<String, List<EpochRecord>> seen = Collections.synchronizedMap(new HashMap<>());
        StudyProgress live = new StudyProgress() {
            @Override
            public void epochRecorded(PlannedRun run, EpochRecord record) {
                seen.computeIfAbsent(run.id(), k -> Collections.synchronizedList(new ArrayList<>())).add(record);
            }
        };
        StudyRunner.Outcome o = new StudyRunner(store, c -> blobs, new StudyRunner.Options(2, false), live).run(runs);
        assertEquals(4, o.trained());
        for (RunRecord r : store.readResults(store.readManifest())) assertEquals(r.result().epochs(), seen.get(r.id()));
        assertFalse(seen.isEmpty());
    }
}
