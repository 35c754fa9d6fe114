package org.initlab.study;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectReader;
import org.initlab.UserError;
import org.initlab.Version;
import org.initlab.io.FileProblem;
import org.initlab.io.AtomicFile;
import org.initlab.io.Disk;
import org.initlab.io.JsonFormat;
import org.initlab.study.factor.Level;

import java.io.Closeable;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A study folder on disk:
 * <pre>
 * STUDY_DIR/study.yaml                  the spec as written
 * STUDY_DIR/study.json                  the resolved grid ({@link StudyManifest})
 * STUDY_DIR/runs/ID/result.json         a finished run ({@link RunRecord}), when {@link ResultCheck} finds it whole
 * STUDY_DIR/runs/ID/result.json.broken  one that was not, set aside by {@code initlab run} for the user
 * STUDY_DIR/runs/ID/weights-*.npz       initial and final weights, when asked for
 * STUDY_DIR/shard-I-of-N.json           shard I of N was (or is being) trained here: its runs ({@link StudyManifest.ShardInfo})
 * </pre>
 * A folder of {@code initlab run --shard} holds one shard (its own folder) or several (shared by
 * the shards of one split, trained at the same time by processes on machines that mount it).
 * Each shard writes only its own {@code shard-I-of-N.json} and its runs; study.json describes the
 * whole study and is the same whichever shard wrote it (a shard keeps one that is there), so no
 * shard's record depends on which wrote last. Once every shard is there, the folder is the whole
 * study: report, show, export and a plain {@code initlab run} read it as one.
 * Every file is written atomically through the store's {@link Disk}, so a crash, a kill or a full
 * disk loses only runs in flight.
 */
public final class StudyStore {
    public static final String MANIFEST = "study.json";
    public static final String SPEC = "study.yaml";
    public static final String RESULT = "result.json";
    /** What a result.json that is not a finished run is renamed to (then {@code result.json.broken-2}, ...). */
    public static final String BROKEN = "result.json.broken";

    private final Path dir;
    private final Disk disk;

    /** The folder on the file system. */
    public StudyStore(Path dir) {
        this(dir, Disk.REAL);
    }

    /** The folder, written through {@code disk}. */
    public StudyStore(Path dir, Disk disk) {
        this.dir = dir;
        this.disk = disk;
    }

    /** Where this store's files are written: the file system, or a failing one in tests. */
    public Disk disk() {
        return disk;
    }

    public Path dir() { return dir; }

    public Path runDir(String id) { return dir.resolve("runs").resolve(id); }

    /**
     * Takes the folder for this command (an OS file lock on the whole of {@code STUDY_DIR/.lock},
     * released when closed or when the process dies), or says that another command holds it: two
     * processes training into one folder would train the same runs, and a command that removes
     * temporary files ({@link #removeTemporaries}) would delete those of the other's writes. A
     * running shard ({@link #lockShard}) holds a byte of that file, so this waits for every shard.
     */
    public Closeable lock() {
        try {
            disk.createDirectories(dir);
            Closeable lock = tryLock();
            if (lock == null) {
                throw new UserError("another initlab command (run, report or export) is writing into " + dir
                        + " right now; wait for it to finish, or choose another --out folder");
            }
            return lock;
        } catch (IOException e) {
            throw new UserError("cannot lock the study folder " + dir + ": " + FileProblem.why(e), e);
        }
    }

    /**
     * The folder's lock when no other command holds it; empty when one does, or when the folder
     * cannot be locked (it is not there, or not writable): then the caller writes without removing
     * temporary files.
     */
    public Optional<Closeable> lockIfFree() {
        if (!Files.isDirectory(dir)) return Optional.empty();
        try {
            return Optional.ofNullable(tryLock());
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    /**
     * Takes the folder for shard {@code shard}: byte {@code 1 + I} of {@code STUDY_DIR/.lock} (a
     * POSIX byte-range lock), so that the shards of one split train into one folder at the same
     * time while a second process of the same shard, or a command on the whole folder
     * ({@link #lock}: run, report's and export's clean-up, merge), is kept out until they end.
     */
    public Closeable lockShard(Shard shard) {
        try {
            disk.createDirectories(dir);
            Closeable lock = tryLock(1L + shard.index(), 1L);
            if (lock == null) {
                throw new UserError("another initlab command is writing into " + dir + " right now: a run of shard " + shard
                        + ", or one on the whole folder (run, report, export or merge); wait for it to finish, or choose another --out folder");
            }
            return lock;
        } catch (IOException e) {
            throw new UserError("cannot lock the study folder " + dir + ": " + FileProblem.why(e), e);
        }
    }

    /** The lock of the whole folder, or null when another process (or this one) holds any part of it. */
    private Closeable tryLock() throws IOException {
        return tryLock(0L, Long.MAX_VALUE);
    }

    /** The lock of bytes {@code [position, position + size)} of {@code .lock}, or null when held. */
    private Closeable tryLock(long position, long size) throws IOException {
        FileChannel ch = FileChannel.open(dir.resolve(".lock"), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
        FileLock lock;
        try {
            lock = ch.tryLock(position, size, false);
        } catch (OverlappingFileLockException e) {
            lock = null;
        }
        if (lock == null) {
            ch.close();
            return null;
        }
        FileLock held = lock;
        return () -> {
            held.release();
            ch.close();
        };
    }

    /**
     * Deletes the temporary files ({@code .NAME-UUID.tmp}) that writes interrupted by a kill or a
     * crash left anywhere in the folder. Only for the holder of {@link #lock}: another command's
     * temporary files are its writes in progress.
     */
    public void removeTemporaries() {
        try {
            for (Path t : AtomicFile.temporaries(dir)) disk.delete(t);
        } catch (IOException e) {
            throw new UserError("cannot write the study folder " + dir + ": " + FileProblem.why(e), e);
        }
    }

    /**
     * Deletes the temporary files that killed writes of shard {@code shard} left: in its runs'
     * folders and beside its {@code shard-I-of-N.json}. Only for the holder of {@link #lockShard}:
     * the other shards sharing the folder are writing theirs, and study.json's belong to whichever
     * shard writes it (a command on the whole folder removes those).
     */
    public void removeTemporaries(StudyManifest.ShardInfo shard) {
        try {
            for (String id : shard.runs()) for (Path t : AtomicFile.temporaries(runDir(id))) disk.delete(t);
            for (Path t : AtomicFile.temporariesOf(shardFile(shard.shard()))) disk.delete(t);
        } catch (IOException e) {
            throw new UserError("cannot write the study folder " + dir + ": " + FileProblem.why(e), e);
        }
    }

    /** Where shard {@code shard}'s record is: {@code shard-I-of-N.json}. */
    public Path shardFile(Shard shard) {
        return dir.resolve(SHARD_PREFIX + shard.index() + "-of-" + shard.count() + ".json");
    }

    private static final String SHARD_PREFIX = "shard-";
    private static final java.util.regex.Pattern SHARD_FILE = java.util.regex.Pattern.compile("shard-\\d+-of-\\d+\\.json");

    /** Whether a file of a study folder, by its name, is a shard's record ({@code shard-I-of-N.json}). */
    public static boolean isShardRecord(String fileName) {
        return SHARD_FILE.matcher(fileName).matches();
    }

    /**
     * The shards trained (or being trained) into this folder, by index: each {@code shard-I-of-N.json},
     * and the shard that study.json names in a folder written before shards had files of their own.
     * Empty for a whole study's folder.
     */
    public List<StudyManifest.ShardInfo> shards() {
        List<Path> files;
        try (var list = Files.list(dir)) {
            files = list.filter(f -> isShardRecord(f.getFileName().toString()) && Files.isRegularFile(f)).sorted().toList();
        } catch (NoSuchFileException | java.nio.file.NotDirectoryException e) {
            return List.of();
        } catch (IOException e) {
            throw new UserError(FileProblem.reading(dir, e), e);
        }
        List<StudyManifest.ShardInfo> all = new ArrayList<>();
        for (Path f : files) {
            StudyManifest.ShardInfo s;
            try {
                s = SHARD_READER.readValue(Files.readAllBytes(f));
            } catch (IOException e) {
                throw new UserError(f + ": not a shard record (" + FileProblem.why(e) + "); delete it and run that shard again (its finished runs are kept)", e);
            }
            if (s == null || s.runs() == null || !f.equals(shardFile(s.shard()))) {
                throw new UserError(f + ": not a shard record (it names another shard); delete it and run that shard again (its finished runs are kept)");
            }
            all.add(s);
        }
        StudyManifest m = Files.isRegularFile(dir.resolve(MANIFEST)) ? readManifestIfWhole() : null;
        if (m != null && m.shard() != null && all.stream().noneMatch(s -> s.shard().equals(m.shard().shard()))) all.add(m.shard());
        all.sort(java.util.Comparator.comparingInt(StudyManifest.ShardInfo::count).thenComparingInt(StudyManifest.ShardInfo::index));
        return List.copyOf(all);
    }

    private static final ObjectReader SHARD_READER = JsonFormat.CANONICAL.readerFor(StudyManifest.ShardInfo.class)
            .with(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

    /**
     * Creates or reopens the folder for this grid. A folder holding finished runs of a different
     * grid is refused unless {@code force} (finished runs that are still in the grid are kept
     * either way); one whose study never finished a run has nothing to protect and is reused.
     * Call under {@link #lock}: temporary files left by interrupted writes are removed.
     */
    public StudyManifest prepare(StudySpec spec, List<PlannedRun> runs, boolean force) {
        return prepare(spec, runs, force, null);
    }

    /**
     * {@link #prepare(StudySpec, List, boolean)} for one shard of the grid ({@code initlab run --shard},
     * under {@link #lockShard}); null: the whole grid (under {@link #lock}). A shard writes its
     * {@code shard-I-of-N.json} first, then study.yaml and study.json only when they are not there
     * already for this study: other shards may be reading them, and study.json stays whole-study.
     */
    public StudyManifest prepare(StudySpec spec, List<PlannedRun> runs, boolean force, StudyManifest.ShardInfo shard) {
        StudyManifest manifest = manifest(spec, runs);
        try {
            disk.createDirectories(dir.resolve("runs"));
            if (shard == null) removeTemporaries();
            else removeTemporaries(shard);
            StudyManifest old = null;
            if (Files.exists(dir.resolve(MANIFEST))) {
                old = force ? readManifestIfWhole() : readManifest();
                boolean same = old != null && old.fingerprint().equals(manifest.fingerprint());
                if (old != null && !same && !force && anyFinished(old)) {
                    throw new UserError(dir + " holds results of a different grid (study '" + old.name() + "', "
                            + old.runs().size() + " runs; now '" + spec.name() + "', " + runs.size()
                            + " runs): choose another --out folder, or add --force to run the new grid there (finished runs still in it are kept)");
                }
                if (same) {
                    manifest = new StudyManifest(manifest.name(), manifest.description(), manifest.protocol(), manifest.data(),
                            manifest.seeds(), manifest.experiments(), manifest.runs(), manifest.fingerprint(), manifest.initlab(),
                            old.created(), manifest.commandLine(), manifest.claims(), null);
                }
                // a folder written before shards had files of their own names its shard in study.json: keep that record
                if (old != null && old.shard() != null && !Files.exists(shardFile(old.shard().shard()))) writeShard(old.shard());
            }
            if (shard != null) {
                writeShard(shard);
                if (old != null && old.shard() == null && ShardMerge.comparable(old).equals(ShardMerge.comparable(manifest))) return manifest;
            }
            String options = spec.commandLine() == null ? "" : spec.commandLine().asOptions();
            String text = options.isEmpty() ? spec.source()
                    : "# run with: " + options + " (kept in study.json; 'initlab run " + dir + "' applies them again)\n" + spec.source();
            disk.write(dir.resolve(SPEC), text.getBytes(StandardCharsets.UTF_8));
            disk.write(dir.resolve(MANIFEST), JsonFormat.PRETTY.writeValueAsBytes(manifest));
        } catch (IOException e) {
            throw new UserError("cannot write the study folder " + dir + ": " + FileProblem.why(e), e);
        }
        return manifest;
    }

    /** Writes shard {@code shard}'s record, {@code shard-I-of-N.json}. */
    private void writeShard(StudyManifest.ShardInfo shard) throws IOException {
        disk.write(shardFile(shard.shard()), JsonFormat.PRETTY.writeValueAsBytes(shard));
    }

    /**
     * What keeps the shards of {@code spec} from sharing this folder with those there: "another
     * grid ...", "the same runs under other names ...", "the same grid from another spec text ...";
     * null when the folder holds this study, run with this spec.
     */
    public String differenceFrom(StudySpec spec, List<PlannedRun> runs) {
        return ShardMerge.difference(readManifest(), ShardMerge.specText(this), manifest(spec, runs), ShardMerge.withoutRunWith(spec.source()));
    }

    /** Whether any run of the manifest is finished in the folder. */
    private boolean anyFinished(StudyManifest m) {
        for (StudyManifest.RunEntry e : m.runs()) if (read(e.id()) instanceof StoredResult.Finished) return true;
        return false;
    }

    public StudyManifest readManifest() {
        Path p = dir.resolve(MANIFEST);
        if (!Files.isRegularFile(p)) {
            throw new UserError(dir + " is not a study folder (no " + MANIFEST + "); run 'initlab run STUDY --out " + dir + "' first");
        }
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(p);
        } catch (IOException e) {
            throw new UserError(FileProblem.reading(p, e), e);
        }
        try {
            StudyManifest m = MANIFEST_READER.readValue(bytes);
            if (m == null || m.runs() == null || m.fingerprint() == null) throw new UserError(notAManifest(p, "no grid in it"));
            return m;
        } catch (IOException e) {
            throw new UserError(notAManifest(p, ResultCheck.jsonProblem(e, bytes.length)), e);
        }
    }

    /** The manifest, or null when it is not a whole one (for {@code --force}, which writes a new one). */
    public StudyManifest readManifestIfWhole() {
        try {
            return readManifest();
        } catch (UserError e) {
            return null;
        }
    }

    private String notAManifest(Path p, String why) {
        return p + ": not a study manifest (" + why + "); run 'initlab run SPEC --out " + dir
                + " --force' to write a new one (the finished runs are kept)";
    }

    private static final ObjectReader MANIFEST_READER = JsonFormat.CANONICAL.readerFor(StudyManifest.class)
            .with(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

    public void writeResult(RunRecord record) throws IOException {
        disk.write(runDir(record.id()).resolve(RESULT), out -> JsonFormat.CANONICAL.writeValue(out, record));
    }

    /** Where the weights of run {@code id} go: its folder, through the store's disk. */
    public WeightFiles.Sink weights(String id) {
        return (file, net) -> WeightFiles.write(disk, runDir(id).resolve(file), net);
    }

    /** What the folder of run {@code id} holds, read and judged once: a finished run, a broken result and why, or none. */
    public StoredResult read(String id) {
        Path p = runDir(id).resolve(RESULT);
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(p);
        } catch (NoSuchFileException e) {
            return StoredResult.NONE;
        } catch (IOException e) {
            if (Files.isDirectory(p)) return new StoredResult.Broken(id, "is a folder");
            if (!Files.exists(p)) return StoredResult.NONE; // e.g. a file where the run's folder belongs: training it will say so
            throw new UserError(FileProblem.reading(p, e), e);
        }
        return ResultCheck.judge(id, bytes);
    }

    /**
     * Renames the broken result.json of run {@code id} to {@link #BROKEN} (or {@code -2}, {@code -3},
     * ... beside earlier ones), so that the run is trained again and the bytes stay for the user.
     * Returns the new name.
     */
    public Path setAside(String id) throws IOException {
        Path run = runDir(id), to = run.resolve(BROKEN);
        for (int n = 2; Files.exists(to, LinkOption.NOFOLLOW_LINKS); n++) to = run.resolve(BROKEN + "-" + n);
        disk.move(run.resolve(RESULT), to);
        return to;
    }

    /** The finished record of run {@code id}; a user error saying why when it has none. */
    public RunRecord readResult(String id) {
        return switch (read(id)) {
            case StoredResult.Finished f -> f.record();
            case StoredResult.Broken b -> throw new UserError(b.notFinished(dir));
            case StoredResult.None n -> throw new UserError("run " + id + " has not finished in " + dir + " (no " + RESULT + ")");
        };
    }

    /**
     * The runs of the manifest, each result.json read once: the finished ones in its order, with
     * the manifest's labels and experiments (a spec edited to rename a label or an experiment keeps
     * its runs, same ids, and what they are called is what the spec says now), and the broken ones.
     */
    public FinishedRuns readFinished(StudyManifest m) {
        List<RunRecord> runs = new ArrayList<>();
        List<StoredResult.Broken> broken = new ArrayList<>();
        for (StudyManifest.RunEntry e : m.runs()) {
            switch (read(e.id())) {
                case StoredResult.Finished f -> runs.add(f.record().labelled(e.labels(), e.experiments()));
                case StoredResult.Broken b -> broken.add(b);
                case StoredResult.None n -> { }
            }
        }
        return new FinishedRuns(runs, broken, m.runs().size());
    }

    /** The finished runs of the manifest ({@link #readFinished}, without the broken ones). */
    public List<RunRecord> readResults(StudyManifest m) {
        return readFinished(m).runs();
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
                fingerprint(runs), Version.current(), Instant.now().toString(), spec.commandLine(), spec.claims());
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
