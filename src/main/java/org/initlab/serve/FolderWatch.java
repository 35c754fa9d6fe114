package org.initlab.serve;

import java.io.IOException;
import java.nio.file.ClosedWatchServiceException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardWatchEventKinds;
import java.nio.file.WatchEvent;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/**
 * Notices what changes in a study folder and says which runs to read again, so that the live
 * view pushes changes as they happen without anyone polling it. Two ways at once:
 * <ul>
 * <li>the operating system's folder watch ({@link WatchService}; inotify on Linux) on the folder,
 * {@code runs/}, and the folder and progress folder of each unfinished run that has one (so a
 * study of thousands of runs needs a watch per run in training, not per run);</li>
 * <li>a full rescan, every {@value #RESCAN_SECONDS} s as a safety net (a watch that could not be
 * added, a run stalling, which changes no file), and every {@value #NETWORK_RESCAN_SECONDS} s on a
 * network file system (NFS, SMB/CIFS, sshfs, 9p, Ceph, Lustre, GPFS, ...: {@link #NETWORK}), where
 * a watch sees only this machine's writes, not those of the machines that train.</li>
 * </ul>
 * Changes are gathered for {@value #SETTLE_MILLIS} ms before they are passed on (a run writes
 * several files at an epoch's end).
 */
final class FolderWatch implements AutoCloseable {
    static final int RESCAN_SECONDS = 30, NETWORK_RESCAN_SECONDS = 3, SETTLE_MILLIS = 150;
    /** File system types (as {@link java.nio.file.FileStore#type} names them on Linux) where other machines write unseen by a watch. */
    static final Set<String> NETWORK = Set.of("nfs", "nfs4", "cifs", "smb", "smb2", "smb3", "smbfs", "9p", "ceph", "fuse.ceph", "lustre",
            "gpfs", "glusterfs", "fuse.glusterfs", "beegfs", "afs", "fuse.sshfs", "sshfs", "fuse.s3fs", "fuse.gcsfuse", "fuse.rclone", "panfs",
            "davfs", "fuse.davfs2", "vboxsf", "virtiofs");

    /** What the watch tells, from its own thread, one call at a time. */
    interface Listener {
        /** These runs changed ({@code root}: the folder's own files too: study.json, report.html). */
        void changed(Set<String> runs, boolean root);

        /** Read everything again. */
        void rescan();

        /** The runs whose folders to watch now. */
        Set<String> follow();
    }

    private enum Kind { ROOT, RUNS, RUN, PROGRESS }

    private record Target(Kind kind, String id) {}

    private final Path dir;
    private final Listener listener;
    private final WatchService service;
    private final Map<WatchKey, Target> targets = new HashMap<>();
    private final Map<Path, WatchKey> watched = new HashMap<>();
    private final long rescanNanos;
    private final String fileSystem;
    private final Thread thread;
    private volatile boolean closed;
    private volatile String problem;

    FolderWatch(Path dir, Listener listener) {
        this(dir, listener, null, true);
    }

    /**
     * @param rescan   time between full rescans; null: by the file system ({@link #NETWORK} or not)
     * @param useWatch false: rescans only, as where the system cannot watch (tests)
     */
    FolderWatch(Path dir, Listener listener, java.time.Duration rescan, boolean useWatch) {
        this.dir = dir;
        this.listener = listener;
        String type;
        try {
            type = Files.getFileStore(dir).type().toLowerCase(Locale.ROOT);
        } catch (IOException e) {
            type = "unknown";
        }
        this.fileSystem = type;
        this.rescanNanos = rescan != null ? rescan.toNanos() : TimeUnit.SECONDS.toNanos(NETWORK.contains(type) ? NETWORK_RESCAN_SECONDS : RESCAN_SECONDS);
        WatchService s = null;
        try {
            if (useWatch) s = FileSystems.getDefault().newWatchService();
            else problem = "not watched: rescanned every " + seconds(rescanNanos) + " s";
        } catch (IOException | UnsupportedOperationException e) {
            problem = "the folder cannot be watched (" + e.getMessage() + "): rescanning it every " + seconds(rescanNanos) + " s";
        }
        this.service = s;
        if (service != null) {
            watch(dir, new Target(Kind.ROOT, null));
            watch(dir.resolve("runs"), new Target(Kind.RUNS, null));
        }
        thread = new Thread(this::loop, "initlab-watch");
        thread.setDaemon(true);
        thread.start();
    }

    /** How changes are noticed, in words (for the terminal). */
    String how() {
        String rescan = "a full rescan every " + seconds(rescanNanos) + " s";
        if (problem != null) return problem;
        return NETWORK.contains(fileSystem)
                ? "a " + fileSystem + " folder: watched for this machine's writes, and " + rescan + " for other machines'"
                : "watched for changes (and " + rescan + ")";
    }

    private static long seconds(long nanos) {
        return TimeUnit.NANOSECONDS.toSeconds(nanos);
    }

    private void loop() {
        Set<String> pending = new HashSet<>();
        boolean pendingRoot = false;
        long settleAt = Long.MAX_VALUE, rescanAt = System.nanoTime() + rescanNanos;
        // what changed between the first reading and the watches: read once more
        pending.addAll(follow());
        pendingRoot = true;
        settleAt = System.nanoTime();
        Set<String> fresh;
        while (!closed) {
            try {
                long now = System.nanoTime(), until = Math.min(settleAt, rescanAt);
                WatchKey key = null;
                if (until > now) {
                    if (service == null) Thread.sleep(Math.max(1, TimeUnit.NANOSECONDS.toMillis(until - now)));
                    else key = service.poll(until - now, TimeUnit.NANOSECONDS);
                }
                for (; key != null; key = service.poll()) {
                    Target t = targets.get(key);
                    for (WatchEvent<?> ev : key.pollEvents()) {
                        if (ev.kind() == StandardWatchEventKinds.OVERFLOW || t == null) {
                            rescanAt = System.nanoTime();
                            continue;
                        }
                        String name = ev.context() == null ? "" : ev.context().toString();
                        switch (t.kind()) {
                            case ROOT -> {
                                pendingRoot = true;
                                if (name.equals("runs")) rescanAt = System.nanoTime();
                            }
                            case RUNS -> pending.add(name);
                            case RUN, PROGRESS -> pending.add(t.id());
                        }
                    }
                    if (!key.reset()) forget(key);
                    if (settleAt == Long.MAX_VALUE) settleAt = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(SETTLE_MILLIS);
                }
                now = System.nanoTime();
                if (now >= rescanAt) {
                    listener.rescan();
                    pending.clear();
                    pendingRoot = false;
                    settleAt = Long.MAX_VALUE;
                    rescanAt = System.nanoTime() + rescanNanos;
                    fresh = follow();
                } else if (now >= settleAt) {
                    listener.changed(Set.copyOf(pending), pendingRoot);
                    pending.clear();
                    pendingRoot = false;
                    settleAt = Long.MAX_VALUE;
                    fresh = follow();
                } else {
                    fresh = Set.of();
                }
                if (!fresh.isEmpty()) {
                    // what was written before the new watches were there is read once more now
                    pending.addAll(fresh);
                    settleAt = System.nanoTime();
                }
            } catch (InterruptedException | ClosedWatchServiceException e) {
                return;
            } catch (RuntimeException e) {
                // a reader's failure must not end the watch: the next rescan tries again
                problem = "watching the folder failed once (" + e + "); still rescanning it every " + seconds(rescanNanos) + " s";
            }
        }
    }

    /** Watches the folders of the runs the listener follows, and no others; returns the runs with a folder watched anew. */
    private Set<String> follow() {
        if (service == null) return Set.of();
        Set<String> fresh = new HashSet<>();
        if (!watched.containsKey(dir.resolve("runs"))) watch(dir.resolve("runs"), new Target(Kind.RUNS, null));
        Set<Path> wanted = new HashSet<>();
        for (String id : listener.follow()) {
            Path run = dir.resolve("runs").resolve(id), progress = run.resolve(org.initlab.study.ProgressFiles.DIR);
            wanted.add(run);
            if (!watched.containsKey(run) && watch(run, new Target(Kind.RUN, id))) fresh.add(id);
            if (Files.isDirectory(progress, LinkOption.NOFOLLOW_LINKS)) {
                wanted.add(progress);
                if (!watched.containsKey(progress) && watch(progress, new Target(Kind.PROGRESS, id))) fresh.add(id);
            }
        }
        for (Iterator<Map.Entry<Path, WatchKey>> it = watched.entrySet().iterator(); it.hasNext(); ) {
            Map.Entry<Path, WatchKey> e = it.next();
            Kind k = targets.getOrDefault(e.getValue(), new Target(Kind.ROOT, null)).kind();
            if ((k == Kind.RUN || k == Kind.PROGRESS) && !wanted.contains(e.getKey())) {
                e.getValue().cancel();
                targets.remove(e.getValue());
                it.remove();
            }
        }
        return fresh;
    }

    private boolean watch(Path p, Target t) {
        if (!Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS)) return false;
        try {
            WatchKey k = p.register(service, StandardWatchEventKinds.ENTRY_CREATE, StandardWatchEventKinds.ENTRY_DELETE,
                    StandardWatchEventKinds.ENTRY_MODIFY);
            targets.put(k, t);
            watched.put(p, k);
            return true;
        } catch (IOException | RuntimeException e) {
            // e.g. the system's limit of watches: the rescan still sees it, later
            problem = "some folders cannot be watched (" + e.getMessage() + "): changes there show within " + seconds(rescanNanos) + " s";
            return false;
        }
    }

    private void forget(WatchKey key) {
        targets.remove(key);
        watched.values().remove(key);
    }

    @Override
    public void close() {
        closed = true;
        thread.interrupt();
        try {
            if (service != null) service.close();
        } catch (IOException ignored) {
            // closing
        }
        try {
            thread.join(2000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
