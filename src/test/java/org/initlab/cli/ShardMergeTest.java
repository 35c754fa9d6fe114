package org.initlab.cli;

import org.initlab.io.JsonFormat;
import org.initlab.study.RunRecord;
import org.initlab.study.ShardMerge;
import org.initlab.study.StudyManifest;
import org.initlab.study.StudyStore;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code run --shard I/N} and {@code merge}: the three shards of a study, merged, are the study
 * trained in one piece, bit for bit; merge refuses what does not add up, in one line each.
 */
class ShardMergeTest {
    @TempDir
    static Path tmp;
    static Path yaml, whole, s0, s1, s2;

    /**
     * Twelve runs (three architectures × two initializers × two seeds) on Gaussian blobs; a deep
     * run costs about ten narrow ones, so the shards hold 2, 5 and 5 runs.
     */
    @BeforeAll
    static void trainWholeAndShards() throws IOException {
        Path data = Files.createDirectories(tmp.resolve("blobs"));
        writeCsv(data.resolve("train.csv"), 400, 1);
        writeCsv(data.resolve("test.csv"), 100, 2);
        yaml = tmp.resolve("shards.yaml");
        Files.writeString(yaml, """
                name: sharded
                dataset: {name: %s, validation: 100}
                seeds: 2
                settings:
                  architecture: [16]
                  epochs: 2
                  batch_size: 50
                  optimizer: {name: sgd, lr: 0.05}
                  probes: {probe_batch: 40}
                factors:
                  initializer: [xavier_uniform, kaiming_normal]
                  architecture:
                    - {hidden: [8], label: narrow}
                    - {hidden: [16], label: wide}
                    - {hidden: [128, 128, 128], label: deep}
                """.formatted(data));
        whole = tmp.resolve("whole");
        ok(BadInputTest.cli("run", yaml.toString(), "--out", whole.toString(), "--jobs", "2", "--no-report"));
        s0 = tmp.resolve("shards/shard-0");
        s1 = tmp.resolve("shards/shard-1");
        s2 = tmp.resolve("shards/shard-2");
        for (int i = 0; i < 3; i++) {
            BadInputTest.Outcome o = BadInputTest.cli("run", yaml.toString(), "--shard", i + "/3", "--out", tmp.resolve("shards/shard-" + i).toString(),
                    "--jobs", "1", "--no-report");
            ok(o);
            assertTrue(o.out().contains("shard " + i + "/3, "), o.out());
        }
    }

    private static void ok(BadInputTest.Outcome o) {
        assertEquals(0, o.code(), o.err() + o.out());
    }

    private static void writeCsv(Path file, int n, long seed) throws IOException {
        Random proto = new Random(99), r = new Random(seed);
        double[][] p = new double[3][20];
        for (double[] row : p) for (int j = 0; j < row.length; j++) row[j] = proto.nextDouble() * 255;
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < n; i++) {
            sb.append(i % 3);
            for (int j = 0; j < 20; j++) sb.append(',').append((int) Math.max(0, Math.min(255, Math.round(p[i % 3][j] + r.nextGaussian() * 50))));
            sb.append('\n');
        }
        Files.writeString(file, sb);
    }

    private static StudyManifest manifest(Path dir) {
        return new StudyStore(dir).readManifest();
    }

    private static Set<String> finished(Path dir) throws IOException {
        Set<String> ids = new HashSet<>();
        try (Stream<Path> s = Files.list(dir.resolve("runs"))) {
            s.filter(r -> Files.isRegularFile(r.resolve(StudyStore.RESULT))).forEach(r -> ids.add(r.getFileName().toString()));
        }
        return ids;
    }

    /** A fresh copy of the three shard folders, for a test that spoils one. */
    private static List<Path> copyOfShards(String name) throws IOException {
        List<Path> out = new ArrayList<>();
        for (Path s : List.of(s0, s1, s2)) {
            Path to = tmp.resolve(name).resolve(s.getFileName());
            try (Stream<Path> files = Files.walk(s)) {
                for (Path f : files.toList()) {
                    Path t = to.resolve(s.relativize(f).toString());
                    if (Files.isDirectory(f)) Files.createDirectories(t);
                    else Files.copy(f, t);
                }
            }
            out.add(to);
        }
        return out;
    }

    private static BadInputTest.Outcome merge(Path out, List<Path> dirs) {
        List<String> args = new ArrayList<>(List.of("merge", out.toString()));
        for (Path d : dirs) args.add(d.toString());
        return BadInputTest.cli(args.toArray(String[]::new));
    }

    @Test
    void eachShardRecordsItsPartAndTrainsOnlyThat() throws IOException {
        StudyManifest w = manifest(whole);
        Set<String> union = new HashSet<>();
        int sum = 0;
        for (int i = 0; i < 3; i++) {
            Path dir = List.of(s0, s1, s2).get(i);
            StudyManifest m = manifest(dir);
            assertEquals(w.fingerprint(), m.fingerprint(), "a shard's study.json holds the whole grid");
            assertEquals(new StudyManifest.ShardInfo(i, 3, m.shard().runs()), m.shard());
            assertEquals(new HashSet<>(m.shard().runs()), finished(dir), "shard " + i + " trained its runs and no other");
            union.addAll(m.shard().runs());
            sum += m.shard().runs().size();
        }
        assertEquals(12, sum);
        assertEquals(finished(whole), union);
        // by cost, not count: the four deep runs fill one shard and a half
        List<Integer> counts = Stream.of(s0, s1, s2).map(d -> manifest(d).shard().runs().size()).toList();
        assertEquals(List.of(2, 5, 5), counts);
        assertNull(w.shard());
        assertFalse(Files.readString(whole.resolve(StudyStore.MANIFEST)).contains("\"shard\""), "a whole study's study.json has no shard");
    }

    @Test
    void theMergedShardsAreTheWholeStudyBitForBit() throws IOException {
        Path out = tmp.resolve("merged");
        BadInputTest.Outcome o = merge(out, List.of(s0, s1, s2));
        ok(o);
        assertTrue(o.out().contains("Merged 3 shards of study 'sharded' into " + out + ": 12 runs (12 linked, 0 copied, 0 there already)."), o.out());
        StudyManifest w = manifest(whole), m = manifest(out);
        assertNull(m.shard());
        assertEquals(w.fingerprint(), m.fingerprint());
        assertEquals(JsonFormat.CANONICAL.writeValueAsString(w.runs()), JsonFormat.CANONICAL.writeValueAsString(m.runs()));
        assertEquals(Files.readString(whole.resolve(StudyStore.SPEC)), Files.readString(out.resolve(StudyStore.SPEC)));
        StudyStore a = new StudyStore(whole), b = new StudyStore(out);
        for (StudyManifest.RunEntry e : w.runs()) {
            RunRecord x = a.readResult(e.id()), y = b.readResult(e.id());
            assertNull(ShardMerge.difference(x, y), e.id());
            assertEquals(JsonFormat.CANONICAL.writeValueAsString(x.result().epochs()), JsonFormat.CANONICAL.writeValueAsString(y.result().epochs()));
            Path shard = Stream.of(s0, s1, s2).filter(d -> manifest(d).shard().runs().contains(e.id())).findFirst().orElseThrow();
            assertTrue(Files.isSameFile(shard.resolve("runs").resolve(e.id()).resolve(StudyStore.RESULT),
                    out.resolve("runs").resolve(e.id()).resolve(StudyStore.RESULT)), "hard-linked on one file system");
        }
        // again: nothing to do, nothing refused
        BadInputTest.Outcome again = merge(out, List.of(s2, s0, s1));
        ok(again);
        assertTrue(again.out().contains("12 runs (0 linked, 0 copied, 12 there already)"), again.out());
    }

    @Test
    void anInterruptedMergeGoesOnWhereItStopped() throws IOException {
        Path out = tmp.resolve("interrupted");
        ok(merge(out, List.of(s0, s1, s2)));
        // as if killed: no study files yet, three runs not placed (one mid-way), a temporary left
        Files.delete(out.resolve(StudyStore.MANIFEST));
        Files.delete(out.resolve(StudyStore.SPEC));
        List<String> ids = new ArrayList<>(finished(out));
        for (String id : ids.subList(0, 3)) Files.delete(out.resolve("runs").resolve(id).resolve(StudyStore.RESULT));
        Files.writeString(out.resolve("runs").resolve(ids.getFirst()).resolve(".result.json-1234.tmp"), "{");
        BadInputTest.Outcome o = merge(out, List.of(s0, s1, s2));
        ok(o);
        assertTrue(o.out().contains("12 runs (3 linked, 0 copied, 9 there already)"), o.out());
        assertEquals(finished(whole), finished(out));
        assertFalse(Files.exists(out.resolve("runs").resolve(ids.getFirst()).resolve(".result.json-1234.tmp")));
        assertEquals(manifest(whole).fingerprint(), manifest(out).fingerprint());
    }

    @Test
    void aMissingRunIsNamedWithItsShard() throws IOException {
        List<Path> dirs = copyOfShards("missing");
        String id = manifest(dirs.get(1)).shard().runs().getFirst();
        Files.delete(dirs.get(1).resolve("runs").resolve(id).resolve(StudyStore.RESULT));
        Path out = tmp.resolve("missing-out");
        String line = merge(out, dirs).line("1 run is missing: " + id + " (shard 1/3, " + dirs.get(1) + ": ", "seed ",
                "initlab run SHARD_DIR");
        assertTrue(line.matches(".*: [a-z_]+ · (narrow|wide|deep) · seed [01]\\).*"), line);
        assertFalse(Files.exists(out.resolve(StudyStore.MANIFEST)), "nothing merged");
        assertFalse(Files.exists(out.resolve("runs")), "nothing merged");
    }

    @Test
    void aMissingShardIsNamed() {
        merge(tmp.resolve("no-shard-1"), List.of(s0, s2)).line("shard 1/3 is missing: no folder given holds it (2 given of 3)");
        merge(tmp.resolve("twice"), List.of(s0, s1, s2, s1)).line("both hold shard 1/3 (they are one folder, given twice)");
        merge(tmp.resolve("whole-too"), List.of(s0, s1, s2, whole)).line(whole + " is not a shard folder");
    }

    @Test
    void mismatchedSpecsAreRefused() throws IOException {
        Path other = tmp.resolve("other/shard-1");
        ok(BadInputTest.cli("run", yaml.toString(), "--seeds", "1", "--shard", "1/3", "--out", other.toString(), "--jobs", "1", "--no-report"));
        merge(tmp.resolve("mismatch"), List.of(s0, other, s2)).line(other + " holds another grid: study 'sharded', 6 runs", "merge only the shard folders of one study");

        List<Path> dirs = copyOfShards("relabelled");
        Path y = dirs.get(2).resolve(StudyStore.SPEC);
        Files.writeString(y, Files.readString(y).replace("probe_batch: 40", "probe_batch: 41"));
        merge(tmp.resolve("relabelled-out"), dirs).line(dirs.get(2) + " holds the same grid from another spec text");
    }

    @Test
    void aRunFinishedTwiceIsTakenOnceWhenEqualAndRefusedWhenNot() throws IOException {
        List<Path> dirs = copyOfShards("duplicate");
        String id = manifest(dirs.get(0)).shard().runs().getFirst();
        Path theirs = dirs.get(2).resolve("runs").resolve(id);
        Files.createDirectories(theirs);
        Files.copy(dirs.get(0).resolve("runs").resolve(id).resolve(StudyStore.RESULT), theirs.resolve(StudyStore.RESULT));
        Path out = tmp.resolve("duplicate-same");
        BadInputTest.Outcome same = merge(out, dirs);
        ok(same);
        assertTrue(same.out().contains("1 run was finished in two folders with the same results; taken once, from the shard it belongs to: " + id), same.out());
        assertTrue(Files.isSameFile(dirs.get(0).resolve("runs").resolve(id).resolve(StudyStore.RESULT), out.resolve("runs").resolve(id).resolve(StudyStore.RESULT)));

        // the second copy holds other bits in one value
        RunRecord r = new StudyStore(dirs.get(0)).readResult(id);
        String json = JsonFormat.CANONICAL.writeValueAsString(r);
        String loss = JsonFormat.CANONICAL.writeValueAsString(r.result().epochs().get(1).trainLoss());
        Files.writeString(theirs.resolve(StudyStore.RESULT), json.replace("\"trainLoss\":" + loss, "\"trainLoss\":" + (r.result().epochs().get(1).trainLoss() + 1e-12)));
        Path out2 = tmp.resolve("duplicate-differs");
        merge(out2, dirs).line("1 run is finished in two folders with different results: " + id, dirs.get(0) + " and " + dirs.get(2)
                + " differ at result.epochs[1].trainLoss", "it belongs to shard 0/3");
        assertFalse(Files.exists(out2.resolve("runs")), "nothing merged");
    }

    @Test
    void aShardFolderResumesItsShardAndRefusesAnother() throws IOException {
        BadInputTest.Outcome resumed = BadInputTest.cli("run", s1.toString(), "--jobs", "1", "--no-report");
        ok(resumed);
        assertTrue(resumed.out().contains("shard 1/3, " + manifest(s1).shard().runs().size() + " of 12 runs in " + s1), resumed.out());
        assertEquals(new HashSet<>(manifest(s1).shard().runs()), finished(s1), "resuming trained no other run");
        BadInputTest.cli("run", yaml.toString(), "--shard", "2/3", "--out", s1.toString(), "--no-report")
                .line(s1 + " holds shard 1/3 of study 'sharded', not shard 2/3: give each shard its own --out folder");
        BadInputTest.cli("run", yaml.toString(), "--shard", "0/3", "--out", whole.toString(), "--no-report")
                .line(whole + " holds the whole study 'sharded', not a shard");
        BadInputTest.cli("run", yaml.toString(), "--shard", "3/3", "--out", tmp.resolve("x").toString()).line("--shard 3/3: I/N needs 0 ≤ I < N");
        BadInputTest.cli("run", yaml.toString(), "--shard", "one/3", "--out", tmp.resolve("x").toString()).line("--shard one/3: give I/N");
    }

    @Test
    void theReportOfAShardSaysSo() {
        BadInputTest.Outcome o = BadInputTest.cli("report", s2.toString(), "--no-png", "--out", tmp.resolve("report-s2").toString());
        ok(o);
        assertTrue(o.err().contains("holds shard 2/3 of study 'sharded' (" + manifest(s2).shard().runs().size() + " of 12 runs)"), o.err());
    }

    @Test
    void aShardsDryRunShowsItsPart() {
        BadInputTest.Outcome o = BadInputTest.cli("run", yaml.toString(), "--shard", "0/3", "--dry-run", "--out", tmp.resolve("dry").toString());
        ok(o);
        assertTrue(o.out().startsWith("shard 0/3: "), o.out());
        assertFalse(Files.exists(tmp.resolve("dry")));
    }
}
