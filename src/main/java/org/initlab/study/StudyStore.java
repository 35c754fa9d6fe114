package org.initlab.study;

import org.initlab.io.AtomicFile;
import org.initlab.io.JsonFormat;
import org.initlab.UserError;
import org.initlab.Version;
import org.initlab.study.factor.Level;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A study folder on disk:
 * <pre>
 * STUDY_DIR/study.yaml            the spec as written
 * STUDY_DIR/study.json            the resolved grid ({@link StudyManifest})
 * STUDY_DIR/runs/ID/result.json   a finished run ({@link RunRecord}); its presence means complete
 * STUDY_DIR/runs/ID/weights-*.npz initial and final weights, when asked for
 * </pre>
 * Every file is written atomically, so a crash or kill loses only runs in flight.
 */
public final class StudyStore {
    public static final String MANIFEST = "study.json";
    public static final String SPEC = "study.yaml";
    public static final String RESULT = "result.json";

    private final Path dir;

    public StudyStore(Path dir) {
        this.dir = dir;
    }

    public Path dir() { return dir; }

    public Path runDir(String id) { return dir.resolve("runs").resolve(id); }

    /**
     * Takes the folder for one {@code initlab run} at a time (an OS file lock on
     * {@code STUDY_DIR/.lock}, released when closed or when the process dies): two processes
     * training into one folder would train the same runs and delete each other's temporary files.
     */
    public java.io.Closeable lock() {
        try {
            Files.createDirectories(dir);
            java.nio.channels.FileChannel ch = java.nio.channels.FileChannel.open(dir.resolve(".lock"),
                    java.nio.file.StandardOpenOption.CREATE, java.nio.file.StandardOpenOption.WRITE);
            java.nio.channels.FileLock lock;
            try {
                lock = ch.tryLock();
            } catch (java.nio.channels.OverlappingFileLockException e) {
                lock = null;
            }
            if (lock == null) {
                ch.close();
                throw new UserError("another 'initlab run' is training into " + dir + " right now; wait for it to finish, or choose another --out folder");
            }
            java.nio.channels.FileLock held = lock;
            return () -> {
                held.release();
                ch.close();
            };
        } catch (IOException e) {
            throw new UserError("cannot lock the study folder " + dir + ": " + e.getMessage(), e);
        }
    }

    public boolean isComplete(String id) {
        return Files.isRegularFile(runDir(id).resolve(RESULT));
    }

    /**
     * Creates or reopens the folder for this grid. A folder holding a different grid is refused
     * unless {@code force}; finished runs that are still in the grid are kept either way.
     */
    public StudyManifest prepare(StudySpec spec, List<PlannedRun> runs, boolean force) {
        return prepare(spec, runs, force, null);
    }

    /** {@link #prepare(StudySpec, List, boolean)} for one shard of the grid ({@code initlab run --shard}); null: the whole grid. */
    public StudyManifest prepare(StudySpec spec, List<PlannedRun> runs, boolean force, StudyManifest.ShardInfo shard) {
        StudyManifest manifest = manifest(spec, runs).withShard(shard);
        try {
            Files.createDirectories(dir.resolve("runs"));
            AtomicFile.cleanTemporaries(dir);
            Path existing = dir.resolve(MANIFEST);
            if (Files.exists(existing)) {
                StudyManifest old = readManifest();
                if (!old.fingerprint().equals(manifest.fingerprint()) && !force) {
                    throw new UserError(dir + " holds results of a different grid (study '" + old.name() + "', "
                            + old.runs().size() + " runs; now '" + spec.name() + "', " + runs.size()
                            + " runs): choose another --out folder, or add --force to run the new grid there (finished runs still in it are kept)");
                }
                manifest = new StudyManifest(manifest.name(), manifest.description(), manifest.protocol(), manifest.data(),
                        manifest.seeds(), manifest.experiments(), manifest.runs(), manifest.fingerprint(), manifest.initlab(),
                        old.fingerprint().equals(manifest.fingerprint()) ? old.created() : manifest.created(), manifest.commandLine(),
                        shard);
            }
            String options = spec.commandLine() == null ? "" : spec.commandLine().asOptions();
            String text = options.isEmpty() ? spec.source()
                    : "# run with: " + options + " (kept in study.json; 'initlab run " + dir + "' applies them again)\n" + spec.source();
            AtomicFile.write(dir.resolve(SPEC), text.getBytes(StandardCharsets.UTF_8));
            AtomicFile.write(dir.resolve(MANIFEST), JsonFormat.PRETTY.writeValueAsBytes(manifest));
        } catch (IOException e) {
            throw new UserError("cannot write the study folder " + dir + ": " + e.getMessage(), e);
        }
        return manifest;
    }

    public StudyManifest readManifest() {
        Path p = dir.resolve(MANIFEST);
        if (!Files.isRegularFile(p)) {
            throw new UserError(dir + " is not a study folder (no " + MANIFEST + "); run 'initlab run STUDY --out " + dir + "' first");
        }
        try {
            return JsonFormat.CANONICAL.readValue(p.toFile(), StudyManifest.class);
        } catch (IOException e) {
            throw new UserError(p + " is not readable: " + e.getMessage(), e);
        }
    }

    public void writeResult(RunRecord record) throws IOException {
        AtomicFile.write(runDir(record.id()).resolve(RESULT), out -> JsonFormat.CANONICAL.writeValue(out, record));
    }

    /** Which probes a finished run holds, read without the rest of its result. */
    public RecordedProbes readRecordedProbes(String id) {
        Path p = runDir(id).resolve(RESULT);
        try {
            return JsonFormat.CANONICAL.readValue(p.toFile(), RecordedProbes.class);
        } catch (IOException e) {
            throw new UserError(p + " is not readable: " + e.getMessage(), e);
        }
    }

    /** {@link #readRecordedProbes} of every finished run of the manifest. */
    public List<RecordedProbes> readRecordedProbes(StudyManifest m) {
        List<RecordedProbes> out = new ArrayList<>();
        for (StudyManifest.RunEntry e : m.runs()) if (isComplete(e.id())) out.add(readRecordedProbes(e.id()));
        return out;
    }

    public RunRecord readResult(String id) {
        Path p = runDir(id).resolve(RESULT);
        try {
            return JsonFormat.CANONICAL.readValue(p.toFile(), RunRecord.class);
        } catch (IOException e) {
            throw new UserError(p + " is not readable: " + e.getMessage(), e);
        }
    }

    /**
     * The finished runs of the manifest, in its order, with the manifest's labels and experiments:
     * a spec edited to rename a label or an experiment keeps its runs (same ids), and what they are
     * called is what the spec says now, not what it said when they were trained.
     */
    public List<RunRecord> readResults(StudyManifest m) {
        List<RunRecord> out = new ArrayList<>();
        for (StudyManifest.RunEntry e : m.runs()) {
            if (!isComplete(e.id())) continue;
            out.add(readResult(e.id()).labelled(e.labels(), e.experiments()));
        }
        return out;
    }

    static StudyManifest manifest(StudySpec spec, List<PlannedRun> runs) {
        List<StudyManifest.ExperimentInfo> exps = new ArrayList<>();
        for (Experiment e : spec.experiments()) {
            Map<String, List<String>> factors = new LinkedHashMap<>();
            e.factors().forEach((f, levels) -> factors.put(f.key(), levels.stream().<String>map(Level::label).toList()));
            Map<String, String> settings = new LinkedHashMap<>();
            e.settings().forEach((f, l) -> settings.put(f.key(), l.label()));
            exps.add(new StudyManifest.ExperimentInfo(e.name(), e.description(), factors, settings));
        }
        List<StudyManifest.RunEntry> entries = runs.stream()
                .map(r -> new StudyManifest.RunEntry(r.id(), r.labels(), r.experiments())).toList();
        return new StudyManifest(spec.name(), spec.description(), spec.protocol(), spec.data(), spec.seeds(), exps, entries,
                fingerprint(runs), Version.current(), Instant.now().toString(), spec.commandLine());
    }

    static String fingerprint(List<PlannedRun> runs) {
        try {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            runs.stream().map(PlannedRun::id).sorted().forEach(id -> md.update((id + "\n").getBytes(StandardCharsets.UTF_8)));
            return HexFormat.of().formatHex(md.digest()).substring(0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

}
