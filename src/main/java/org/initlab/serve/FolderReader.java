package org.initlab.serve;

import org.initlab.io.JsonFormat;
import org.initlab.study.ProgressFiles;
import org.initlab.study.RunRecord;
import org.initlab.study.StudyManifest;
import org.initlab.study.StudyStore;
import org.initlab.train.RunResult;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.LongSupplier;

/**
 * Reads a study folder for the live view, again and again and cheaply: its manifest, each planned
 * run's state — {@code result.json} if it is there, else its {@link ProgressFiles} — and whether
 * the report is written. A file is parsed again only when its size or time changed. It reads
 * the folder only (so the study may be written by another process, or a cluster), never writes,
 * and never follows a link out of the folder. A file that does not parse is skipped, never fatal:
 * a {@code result.json} that does not read marks its run {@link RunStatus#BROKEN} (not finished),
 * a progress file that does not read is left out.
 *
 * <p>One thread refreshes at a time; what it read is published as an immutable {@link View}.
 */
final class FolderReader {
    /** A run whose progress files are older than this is shown as stalled (its heartbeat is every 30 s). */
    static final int STALE_SECONDS = 150;
    static final String REPORT = "report.html";

    private final Path dir;
    private final StudyStore store;
    private final LongSupplier clock;
    private final Path realDir;

    private StudyManifest manifest;
    private FileKey manifestKey;
    private String problem;
    private Map<String, Tracked> tracked = new LinkedHashMap<>();
    private Map<String, List<String>> siblings = Map.of();
    private FileKey reportKey;
    private volatile View view;

    /** What the folder showed at the last refresh. */
    record View(StudyManifest manifest, String problem, List<RunState> runs, Map<String, RunState> byId,
                Map<String, Live> live, FileKey report, Map<String, List<String>> siblings) {}

    /** A run in training (or stalled, or failed) as its progress files show it. */
    record Live(ProgressFiles.RunStart start, List<ProgressFiles.EpochProgress> epochs) {}

    /**
     * What a refresh changed: runs whose state is new; {@code regrid}: the manifest itself changed;
     * {@code root}: the report, or what the summary says is wrong with the folder.
     */
    record Changes(List<RunState> runs, boolean regrid, boolean root) {
        boolean any() {
            return regrid || root || !runs.isEmpty();
        }
    }

    /** A file's size and time of last change: equal keys, same content (as written atomically). */
    record FileKey(long size, long modified) {
        static FileKey of(BasicFileAttributes a) {
            return new FileKey(a.size(), a.lastModifiedTime().toMillis());
        }
    }

    /** What is kept of a run between refreshes. */
    private static final class Tracked {
        final StudyManifest.RunEntry entry;
        RunState state;
        Boolean inside;
        FileKey result, startKey, failureKey;
        ProgressFiles.RunStart start;
        ProgressFiles.Failure failure;
        final TreeMap<Integer, ProgressFiles.EpochProgress> epochs = new TreeMap<>();
        final Map<Integer, FileKey> epochKeys = new HashMap<>();
        Live live;

        Tracked(StudyManifest.RunEntry entry) {
            this.entry = entry;
            this.state = RunState.todo(entry.id(), entry.labels(), entry.experiments());
        }

        void forgetProgress() {
            start = null;
            startKey = null;
            failure = null;
            failureKey = null;
            epochs.clear();
            epochKeys.clear();
            live = null;
        }
    }

    /**
     * @param clock milliseconds since 1970 (System::currentTimeMillis; a test's own clock)
     */
    FolderReader(Path dir, LongSupplier clock) throws IOException {
        this.dir = dir;
        this.store = new StudyStore(dir);
        this.clock = clock;
        this.realDir = dir.toRealPath();
        refreshAll();
    }

    Path dir() { return dir; }

    /** The folder's real path: every file read or served must resolve under it. */
    Path realDir() { return realDir; }

    View view() { return view; }

    /** Reads everything again: the manifest, every run, the report. */
    synchronized Changes refreshAll() {
        return refresh(null, true);
    }

    /**
     * Reads again these runs ({@code ids}; null for all) and, with {@code root}, the manifest and
     * the report; publishes the new view and returns what changed.
     */
    synchronized Changes refresh(Set<String> ids, boolean root) {
        long now = clock.getAsLong();
        boolean regrid = false, report = false;
        if (root || manifest == null) {
            String before = problem;
            regrid = readManifest();
            FileKey r = regular(dir.resolve(REPORT));
            report = !java.util.Objects.equals(r, reportKey) || !java.util.Objects.equals(problem, before);
            reportKey = r;
        }
        Set<String> which = regrid || ids == null ? tracked.keySet() : ids;
        List<RunState> changed = new ArrayList<>();
        boolean liveChanged = false;
        for (String id : which) {
            Tracked t = tracked.get(id);
            if (t == null) continue;
            RunState before = t.state;
            Live liveBefore = t.live;
            try {
                t.state = read(t, now);
            } catch (RuntimeException e) {
                // a folder that changes under the reader (a run deleted while listed): keep what was known, read it next time
                continue;
            }
            if (!t.state.equals(before)) changed.add(t.state);
            liveChanged |= t.live != liveBefore;
        }
        if (regrid || !changed.isEmpty() || liveChanged || report || view == null) publish();
        return new Changes(changed, regrid, report);
    }

    /** Runs whose folder the watch should follow: those with a folder and not finished. */
    synchronized Set<String> unfinishedWithFolders() {
        Set<String> out = new LinkedHashSet<>();
        for (Tracked t : tracked.values()) {
            if (t.state.status() != RunStatus.DONE && Files.isDirectory(store.runDir(t.entry.id()), LinkOption.NOFOLLOW_LINKS)) out.add(t.entry.id());
        }
        return out;
    }

    /** The run folder of a planned run (not checked). */
    Path runDir(String id) { return store.runDir(id); }

    private void publish() {
        List<RunState> runs = new ArrayList<>(tracked.size());
        Map<String, RunState> byId = new HashMap<>();
        Map<String, Live> live = new HashMap<>();
        for (Tracked t : tracked.values()) {
            runs.add(t.state);
            byId.put(t.entry.id(), t.state);
            if (t.live != null) live.put(t.entry.id(), t.live);
        }
        view = new View(manifest, problem, Collections.unmodifiableList(runs), Collections.unmodifiableMap(byId),
                Collections.unmodifiableMap(live), reportKey, siblings);
    }

    /** Reads study.json when it changed; true when the grid is new. */
    private boolean readManifest() {
        FileKey k = regular(dir.resolve(StudyStore.MANIFEST));
        if (k == null) {
            boolean had = manifest != null;
            manifest = null;
            manifestKey = null;
            problem = "no " + StudyStore.MANIFEST + " yet: not a study folder, or its study has not started";
            tracked = new LinkedHashMap<>();
            siblings = Map.of();
            return had;
        }
        if (k.equals(manifestKey) && manifest != null) return false;
        StudyManifest m;
        try {
            m = store.readManifest();
        } catch (RuntimeException e) {
            // being replaced, or damaged: keep the grid known so far
            problem = StudyStore.MANIFEST + " does not read: " + e.getMessage();
            return false;
        }
        manifestKey = k;
        problem = null;
        boolean regrid = manifest == null || !m.fingerprint().equals(manifest.fingerprint()) || !m.runs().equals(manifest.runs());
        manifest = m;
        if (regrid) {
            Map<String, Tracked> next = new LinkedHashMap<>();
            Map<String, List<String>> byConfig = new HashMap<>();
            for (StudyManifest.RunEntry e : m.runs()) {
                Tracked old = tracked.get(e.id());
                next.put(e.id(), old != null && old.entry.equals(e) ? old : new Tracked(e));
                byConfig.computeIfAbsent(configuration(e.labels()), c -> new ArrayList<>()).add(e.id());
            }
            Map<String, List<String>> sib = new HashMap<>();
            for (StudyManifest.RunEntry e : m.runs()) sib.put(e.id(), List.copyOf(byConfig.get(configuration(e.labels()))));
            tracked = next;
            siblings = Collections.unmodifiableMap(sib);
        }
        return regrid;
    }

    /** A run's labels but the seed: the runs of one configuration share it. */
    static String configuration(Map<String, String> labels) {
        TreeMap<String, String> c = new TreeMap<>(labels);
        c.remove("seed");
        return c.toString();
    }

    private RunState read(Tracked t, long now) {
        StudyManifest.RunEntry e = t.entry;
        Path runDir = store.runDir(e.id());
        if (!Files.exists(runDir, LinkOption.NOFOLLOW_LINKS)) {
            t.result = null;
            t.inside = null;
            t.forgetProgress();
            return RunState.todo(e.id(), e.labels(), e.experiments());
        }
        if (t.inside == null) t.inside = inside(runDir);
        if (!t.inside) {
            t.forgetProgress();
            return new RunState(e.id(), e.labels(), e.experiments(), RunStatus.BROKEN, null, null, null, 0, null, null, null, null, false,
                    "its folder is a link out of the study folder: not read");
        }
        Path resultFile = runDir.resolve(StudyStore.RESULT);
        FileKey rk = regular(resultFile);
        if (rk != null) {
            if (rk.equals(t.result) && (t.state.status() == RunStatus.DONE || t.state.status() == RunStatus.BROKEN)) return t.state;
            t.result = rk;
            t.forgetProgress();
            return finished(e, resultFile, rk);
        }
        t.result = null;
        return inTraining(t, runDir, now);
    }

    /**
     * A finished run's outline: its status, final metrics, epochs and time, read without the probe
     * values (a fraction of the file's parse).
     */
    record Outline(Result result) {
        record Result(String status, String divergence, RunResult.Metrics finalMetrics, List<EpochOutline> epochs, Timing timing) {}

        record EpochOutline(int epoch, Double trainLoss, Double validationLoss) {}

        record Timing(Double totalSeconds) {}
    }

    private static RunState finished(StudyManifest.RunEntry e, Path file, FileKey key) {
        Outline o;
        try {
            o = JsonFormat.CANONICAL.readValue(file.toFile(), Outline.class);
        } catch (IOException | RuntimeException ex) {
            o = null;
        }
        if (o == null || o.result() == null || o.result().epochs() == null || o.result().epochs().isEmpty()) {
            return new RunState(e.id(), e.labels(), e.experiments(), RunStatus.BROKEN, null, null, null, key.modified(), null, null, null, null,
                    false, StudyStore.RESULT + " does not read: not finished ('initlab run' trains it again)");
        }
        Outline.Result r = o.result();
        Outline.EpochOutline last = r.epochs().getLast();
        RunResult.Metrics m = r.finalMetrics();
        return new RunState(e.id(), e.labels(), e.experiments(), RunStatus.DONE, last.epoch(), last.epoch(),
                r.timing() == null ? null : r.timing().totalSeconds(), key.modified(), last.trainLoss(),
                m == null ? last.validationLoss() : m.validationLoss(), m == null ? null : m.validationAccuracy(),
                m == null ? null : m.testAccuracy(), RunResult.DIVERGED.equals(r.status()), r.divergence());
    }

    private RunState inTraining(Tracked t, Path runDir, long now) {
        StudyManifest.RunEntry e = t.entry;
        List<ProgressFiles.Listed> files = ProgressFiles.list(runDir);
        if (files.isEmpty()) {
            t.forgetProgress();
            return RunState.todo(e.id(), e.labels(), e.experiments());
        }
        long lastWrite = 0;
        boolean failed = false, changed = false;
        Set<Integer> present = new HashSet<>();
        for (ProgressFiles.Listed f : files) {
            FileKey k = new FileKey(f.size(), f.modified().toMillis());
            lastWrite = Math.max(lastWrite, k.modified());
            if (f.name().equals(ProgressFiles.START)) {
                if (!k.equals(t.startKey)) {
                    ProgressFiles.RunStart s = ProgressFiles.readStart(f.path());
                    if (s != null) {
                        t.start = s;
                        t.startKey = k;
                        changed = true;
                    }
                }
            } else if (f.name().equals(ProgressFiles.FAILED)) {
                failed = true;
                if (!k.equals(t.failureKey)) {
                    ProgressFiles.Failure fl = ProgressFiles.readFailure(f.path());
                    t.failure = fl != null ? fl : new ProgressFiles.Failure("(the failure's message does not read)", null);
                    t.failureKey = k;
                    changed = true;
                }
            } else {
                int n = ProgressFiles.epochOf(f.name());
                present.add(n);
                if (!k.equals(t.epochKeys.get(n))) {
                    ProgressFiles.EpochProgress ep = ProgressFiles.readEpoch(f.path());
                    if (ep != null && ep.epoch() == n) {
                        t.epochs.put(n, ep);
                        t.epochKeys.put(n, k);
                        changed = true;
                    }
                }
            }
        }
        if (!failed && t.failure != null) {
            t.failure = null;
            t.failureKey = null;
            changed = true;
        }
        changed |= t.epochs.keySet().retainAll(present);
        t.epochKeys.keySet().retainAll(present);
        if (changed || t.live == null) t.live = new Live(t.start, List.copyOf(t.epochs.values()));

        ProgressFiles.EpochProgress last = t.epochs.isEmpty() ? null : t.epochs.lastEntry().getValue();
        Integer planned = t.start != null ? Integer.valueOf(t.start.epochs()) : last != null ? Integer.valueOf(last.epochs()) : null;
        RunStatus status;
        String message = null;
        long age = (now - lastWrite) / 1000;
        if (t.failure != null) {
            status = RunStatus.FAILED;
            message = t.failure.message();
        } else if (age > STALE_SECONDS) {
            status = RunStatus.STALLED;
            message = "nothing written for " + duration(age) + ": its process has probably stopped ('initlab run' trains it again)";
        } else {
            status = RunStatus.RUNNING;
        }
        var rec = last == null ? null : last.record();
        return new RunState(e.id(), e.labels(), e.experiments(), status, last == null ? null : last.epoch(), planned,
                last == null ? null : last.seconds(), lastWrite, rec == null ? null : rec.trainLoss(),
                rec == null ? null : rec.validationLoss(), rec == null ? null : rec.validationAccuracy(),
                rec == null ? null : rec.testAccuracy(), false, message);
    }

    static String duration(long s) {
        if (s < 120) return s + " s";
        if (s < 7200) return (s / 60) + " min";
        return (s / 3600) + " h";
    }

    /**
     * The size and time of a regular file, or null when there is none; a link counts only when it
     * leads to a file inside the folder.
     */
    FileKey regular(Path p) {
        try {
            BasicFileAttributes a = Files.readAttributes(p, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
            if (a.isSymbolicLink()) {
                if (!inside(p)) return null;
                a = Files.readAttributes(p, BasicFileAttributes.class);
            }
            return a.isRegularFile() ? FileKey.of(a) : null;
        } catch (IOException e) {
            return null;
        }
    }

    /** Whether {@code p} exists and its real path (links followed) is inside the study folder. */
    boolean inside(Path p) {
        try {
            return p.toRealPath().startsWith(realDir);
        } catch (IOException e) {
            return false;
        }
    }

    /**
     * A finished run's record as the manifest labels it, or null when it is not finished or does
     * not read (a finished run's record is read again only when its file changed).
     */
    RunRecord record(String id) {
        View v = view;
        RunState s = v.byId().get(id);
        if (s == null || s.status() != RunStatus.DONE) return null;
        Path f = store.runDir(id).resolve(StudyStore.RESULT);
        FileKey k = regular(f);
        if (k == null) return null;
        synchronized (records) {
            Cached c = records.get(id);
            if (c != null && c.key().equals(k)) return c.record();
        }
        RunRecord r;
        try {
            r = store.readResult(id).labelled(s.labels(), s.experiments());
        } catch (RuntimeException ex) {
            return null;
        }
        synchronized (records) {
            records.put(id, new Cached(k, r));
        }
        return r;
    }

    private record Cached(FileKey key, RunRecord record) {}

    /** The last few finished records read (a run page asks for a run and its seeds). */
    private final Map<String, Cached> records = new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Cached> eldest) {
            return size() > 12;
        }
    };
}
