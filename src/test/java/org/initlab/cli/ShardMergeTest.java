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

    /** The one shard a shard folder holds. */
    private static StudyManifest.ShardInfo shardOf(Path dir) {
        List<StudyManifest.ShardInfo> shards = new StudyStore(dir).shards();
        assertEquals(1, shards.size(), dir + " holds one shard");
        return shards.getFirst();
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
            assertNull(m.shard(), "and names no shard: the shard's own file does");
            assertTrue(Files.isRegularFile(dir.resolve("shard-" + i + "-of-3.json")));
            assertEquals(new StudyManifest.ShardInfo(i, 3, shardOf(dir).runs()), shardOf(dir));
            assertEquals(new HashSet<>(shardOf(dir).runs()), finished(dir), "shard " + i + " trained its runs and no other");
            union.addAll(shardOf(dir).runs());
            sum += shardOf(dir).runs().size();
        }
        assertEquals(12, sum);
        assertEquals(finished(whole), union);
        // by cost, not count: the four deep runs fill one shard and a half
        List<Integer> counts = Stream.of(s0, s1, s2).map(d -> shardOf(d).runs().size()).toList();
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
            Path shard = Stream.of(s0, s1, s2).filter(d -> shardOf(d).runs().contains(e.id())).findFirst().orElseThrow();
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
        String id = shardOf(dirs.get(1)).runs().getFirst();
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
    void aRunFinishedTwiceIsRefusedWithBothFoldersWhetherEqualOrNot() throws IOException {
        List<Path> dirs = copyOfShards("duplicate");
        String id = shardOf(dirs.get(0)).runs().getFirst();
        Path theirs = dirs.get(2).resolve("runs").resolve(id);
        Files.createDirectories(theirs);
        Files.copy(dirs.get(0).resolve("runs").resolve(id).resolve(StudyStore.RESULT), theirs.resolve(StudyStore.RESULT));
        Path out = tmp.resolve("duplicate-same");
        merge(out, dirs).line("1 run is finished in two folders: " + id, "in " + dirs.get(0) + " and " + dirs.get(2) + ", the same results",
                "it belongs to shard 0/3", "delete the copy (runs/ID) in the folder it does not belong to");
        assertFalse(Files.exists(out.resolve("runs")), "nothing merged");

        // the second copy holds other bits in one value
        RunRecord r = new StudyStore(dirs.get(0)).readResult(id);
        String json = JsonFormat.CANONICAL.writeValueAsString(r);
        String loss = JsonFormat.CANONICAL.writeValueAsString(r.result().epochs().get(1).trainLoss());
        Files.writeString(theirs.resolve(StudyStore.RESULT), json.replace("\"trainLoss\":" + loss, "\"trainLoss\":" + (r.result().epochs().get(1).trainLoss() + 1e-12)));
        Path out2 = tmp.resolve("duplicate-differs");
        merge(out2, dirs).line("1 run is finished in two folders: " + id, "in " + dirs.get(0) + " and " + dirs.get(2)
                + ", which differ at result.epochs[1].trainLoss", "it belongs to shard 0/3");
        assertFalse(Files.exists(out2.resolve("runs")), "nothing merged");

        // taken away from the folder it does not belong to, the run is merged from its own
        Files.delete(theirs.resolve(StudyStore.RESULT));
        ok(merge(out2, dirs));
        assertTrue(Files.isSameFile(dirs.get(0).resolve("runs").resolve(id).resolve(StudyStore.RESULT), out2.resolve("runs").resolve(id).resolve(StudyStore.RESULT)));
    }

    @Test
    void aShardFolderResumesItsShardAndRefusesAnother() throws IOException {
        BadInputTest.Outcome resumed = BadInputTest.cli("run", s1.toString(), "--jobs", "1", "--no-report");
        ok(resumed);
        assertTrue(resumed.out().contains("shard 1/3, " + shardOf(s1).runs().size() + " of 12 runs in " + s1), resumed.out());
        assertEquals(new HashSet<>(shardOf(s1).runs()), finished(s1), "resuming trained no other run");
        BadInputTest.cli("run", yaml.toString(), "--shard", "0/2", "--out", s1.toString(), "--no-report")
                .line(s1 + " holds shard 1/3 of study 'sharded', not shards of 2: give --shard I/3, or another --out folder");
        BadInputTest.cli("run", yaml.toString(), "--seeds", "1", "--shard", "2/3", "--out", s1.toString(), "--no-report")
                .line(s1 + " holds shard 1/3 of another grid: study 'sharded', 12 runs", "not 'sharded', 6 runs",
                        "the shards that share a folder run one spec");
        BadInputTest.cli("run", yaml.toString(), "--shard", "0/3", "--out", whole.toString(), "--no-report")
                .line(whole + " holds the whole study 'sharded', not shards");
        assertEquals(List.of(shardOf(s1)), new StudyStore(s1).shards(), "nothing written by a refused shard");
        Path edited = copyOfShards("edited").get(1);
        Path y = edited.resolve(StudyStore.SPEC);
        Files.writeString(y, Files.readString(y).replace("probe_batch: 40", "probe_batch: 41"));
        BadInputTest.cli("run", yaml.toString(), "--shard", "2/3", "--out", edited.toString(), "--no-report")
                .line(edited + " holds shard 1/3 of the same grid from another spec text");
        BadInputTest.cli("run", yaml.toString(), "--shard", "3/3", "--out", tmp.resolve("x").toString()).line("--shard 3/3: I/N needs 0 ≤ I < N");
        BadInputTest.cli("run", yaml.toString(), "--shard", "one/3", "--out", tmp.resolve("x").toString()).line("--shard one/3: give I/N");
    }

    /**
     * Shards 0 and 1 in processes of their own and shard 2 in this one, all at once into one
     * folder: each trains its part, none blocks or disturbs another, and the folder is then the
     * whole study, bit for bit, for report, export, a plain run (nothing left) and merge.
     */
    @Test
    void shardsSharingOneFolderAtOnceMakeTheWholeStudy() throws Exception {
        Path shared = tmp.resolve("shared");
        List<Process> others = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
            String java = ProcessHandle.current().info().command().orElse(Path.of(System.getProperty("java.home"), "bin", "java").toString());
            others.add(new ProcessBuilder(java, "--add-modules", "jdk.incubator.vector", "-Xmx512m", "-cp", System.getProperty("java.class.path"),
                    Main.class.getName(), "run", yaml.toString(), "--shard", i + "/3", "--out", shared.toString(), "--jobs", "1", "--no-report")
                    .redirectErrorStream(true).redirectOutput(tmp.resolve("shared-" + i + ".log").toFile()).start());
        }
        BadInputTest.Outcome mine = BadInputTest.cli("run", yaml.toString(), "--shard", "2/3", "--out", shared.toString(), "--jobs", "1", "--no-report");
        for (int i = 0; i < 2; i++) {
            assertTrue(others.get(i).waitFor(5, java.util.concurrent.TimeUnit.MINUTES), "shard " + i + " ends");
            assertEquals(0, others.get(i).exitValue(), Files.readString(tmp.resolve("shared-" + i + ".log")));
        }
        ok(mine);

        StudyManifest w = manifest(whole), m = manifest(shared);
        assertNull(m.shard(), "study.json is the whole study's");
        assertEquals(w.fingerprint(), m.fingerprint());
        assertEquals(List.of(shardOf(s0), shardOf(s1), shardOf(s2)), new StudyStore(shared).shards(), "each shard's record, the split of its own folder");
        assertEquals(finished(whole), finished(shared));
        assertEquals(List.of(), org.initlab.io.AtomicFile.temporaries(shared), "no write left half-done");
        StudyStore a = new StudyStore(whole), b = new StudyStore(shared);
        java.util.Map<String, byte[]> bytes = new java.util.HashMap<>();
        for (StudyManifest.RunEntry e : w.runs()) {
            assertNull(ShardMerge.difference(a.readResult(e.id()), b.readResult(e.id())), e.id());
            bytes.put(e.id(), Files.readAllBytes(b.runDir(e.id()).resolve(StudyStore.RESULT)));
        }

        BadInputTest.Outcome report = BadInputTest.cli("report", shared.toString(), "--no-png", "--max-layer-scenarios", "0");
        ok(report);
        assertFalse(report.err().contains("holds shard"), "the whole study: " + report.err());
        ok(BadInputTest.cli("export", shared.toString(), "--csv"));
        BadInputTest.Outcome again = BadInputTest.cli("run", shared.toString(), "--jobs", "1", "--no-report");
        ok(again);
        assertTrue(again.out().contains("12 runs in " + shared) && again.out().contains("Training 0 of 12 runs") && !again.out().contains("/3"), again.out());
        for (StudyManifest.RunEntry e : w.runs()) {
            assertTrue(java.util.Arrays.equals(bytes.get(e.id()), Files.readAllBytes(b.runDir(e.id()).resolve(StudyStore.RESULT))), "not trained again: " + e.id());
        }
        BadInputTest.Outcome merged = merge(tmp.resolve("shared-merged"), List.of(shared));
        ok(merged);
        assertTrue(merged.out().contains("Merged 3 shards of study 'sharded'") && merged.out().contains("12 runs (12 linked"), merged.out());
    }

    /**
     * A shard cleans up after its own killed writes only: the temporary files of another shard's
     * runs and of the shared study.json are that shard's writes in progress. A second process of
     * a live shard, and a plain run of a folder holding some shards, are refused in one line.
     */
    @Test
    void aShardsCleanUpLeavesTheOtherShardsFilesAlone() throws IOException {
        Path f = tmp.resolve("two-shards");
        copyInto(s0, f, true);
        copyInto(s1, f, false);
        StudyStore store = new StudyStore(f);
        String id0 = shardOf(s0).runs().getFirst(), id1 = shardOf(s1).runs().getFirst();
        Path t0 = Files.writeString(store.runDir(id0).resolve(".result.json-k0.tmp"), "{");
        List<Path> theirs = List.of(Files.writeString(store.runDir(id1).resolve(".result.json-k1.tmp"), "{"),
                Files.writeString(f.resolve(".study.json-k2.tmp"), "{"), Files.writeString(f.resolve(".shard-1-of-3.json-k3.tmp"), "{"));
        Files.delete(store.runDir(id0).resolve(StudyStore.RESULT));
        try (java.io.Closeable live = store.lockShard(new org.initlab.study.Shard(1, 3))) {
            BadInputTest.Outcome o = BadInputTest.cli("run", yaml.toString(), "--shard", "0/3", "--out", f.toString(), "--jobs", "1", "--no-report");
            ok(o);
            assertTrue(o.out().contains("shard 0/3 is done; " + f + " holds shards 0/3, 1/3: once all 3 are done, 'initlab report " + f + "'"), o.out());
            assertFalse(Files.exists(t0), "its own killed write is removed");
            for (Path t : theirs) assertTrue(Files.exists(t), "another shard's write in progress is left alone: " + t);
            assertTrue(Files.isRegularFile(store.runDir(id0).resolve(StudyStore.RESULT)), "its run trained again");
            BadInputTest.cli("run", yaml.toString(), "--shard", "1/3", "--out", f.toString(), "--no-report")
                    .line("another initlab command is writing into " + f + " right now: a run of shard 1/3");
            BadInputTest.cli("run", f.toString(), "--no-report")
                    .line(f + " holds shards 0/3, 1/3 of study 'sharded', not all 3: resume each with 'initlab run " + f + " --shard I/3'");
        }
        BadInputTest.Outcome report = BadInputTest.cli("report", f.toString(), "--no-png", "--max-layer-scenarios", "0");
        ok(report);
        assertTrue(report.err().contains(f + " holds shards 0/3, 1/3 of study 'sharded' (7 of 12 runs)"), report.err());
        for (Path t : theirs) assertFalse(Files.exists(t), "with no shard live, report removes what killed writers left: " + t);
    }

    /**
     * A shard folder of an earlier version names its shard in study.json and has no
     * shard-I-of-N.json: it is read as that shard, merges, and resuming it moves the record to its
     * file and leaves study.json the whole study's.
     */
    @Test
    void aShardFolderOfAnEarlierVersionIsReadAsItsShard() throws IOException {
        List<Path> dirs = copyOfShards("legacy");
        Path old = dirs.get(2);
        StudyManifest.ShardInfo info = shardOf(old);
        Files.delete(old.resolve("shard-2-of-3.json"));
        Files.write(old.resolve(StudyStore.MANIFEST), JsonFormat.PRETTY.writeValueAsBytes(manifest(old).withShard(info)));
        assertEquals(List.of(info), new StudyStore(old).shards());
        ok(merge(tmp.resolve("legacy-merged"), dirs));
        BadInputTest.Outcome resumed = BadInputTest.cli("run", old.toString(), "--jobs", "1", "--no-report");
        ok(resumed);
        assertTrue(resumed.out().contains("shard 2/3, " + info.runs().size() + " of 12 runs"), resumed.out());
        assertNull(manifest(old).shard());
        assertTrue(Files.isRegularFile(old.resolve("shard-2-of-3.json")));
        assertEquals(List.of(info), new StudyStore(old).shards());
    }

    /** A shard folder's files into {@code to}: all of them, or its runs and its shard record only. */
    private static void copyInto(Path from, Path to, boolean all) throws IOException {
        try (Stream<Path> files = Files.walk(from)) {
            for (Path f : files.toList()) {
                String rel = from.relativize(f).toString();
                if (!all && !rel.startsWith("runs") && !rel.startsWith("shard-")) continue;
                Path t = to.resolve(rel);
                if (Files.isDirectory(f)) Files.createDirectories(t);
                else if (!Files.exists(t)) Files.copy(f, t);
            }
        }
    }

    @Test
    void theReportOfAShardSaysSo() {
        BadInputTest.Outcome o = BadInputTest.cli("report", s2.toString(), "--no-png", "--out", tmp.resolve("report-s2").toString());
        ok(o);
        assertTrue(o.err().contains("holds shard 2/3 of study 'sharded' (" + shardOf(s2).runs().size() + " of 12 runs)"), o.err());
    }

    @Test
    void aShardsDryRunShowsItsPart() {
        BadInputTest.Outcome o = BadInputTest.cli("run", yaml.toString(), "--shard", "0/3", "--dry-run", "--out", tmp.resolve("dry").toString());
        ok(o);
        assertTrue(o.out().startsWith("shard 0/3: "), o.out());
        assertFalse(Files.exists(tmp.resolve("dry")));
    }
}
