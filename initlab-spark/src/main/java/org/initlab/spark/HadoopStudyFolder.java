package org.initlab.spark;

import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FSDataOutputStream;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.LocalFileSystem;
import org.apache.hadoop.fs.LocatedFileStatus;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.fs.RemoteIterator;
import org.initlab.UserError;
import org.initlab.io.AtomicFile;
import org.initlab.study.PlannedRun;
import org.initlab.study.StudyManifest;
import org.initlab.study.StoredResult;
import org.initlab.study.StudySpec;
import org.initlab.study.StudyStore;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.file.Files;
import java.util.List;
import java.util.UUID;

/**
 * A study folder ({@link StudyStore}'s layout, byte for byte) on any Hadoop-compatible file
 * system: a local or shared folder, {@code hdfs://}, {@code s3a://}. Every file is written under
 * a temporary name in its own folder and then renamed to its name, so a task killed while
 * writing leaves only a {@code .NAME-UUID.tmp} file, which looks unfinished to every reader
 * (initlab's {@code isComplete} tests the final name) and which the next job, or
 * {@code initlab run} resuming the folder, deletes. On HDFS a rename is atomic; on S3 the object
 * under the final name appears whole when its copy completes, which is the same guarantee for a
 * reader.
 */
public final class HadoopStudyFolder {
    private final FileSystem fs;
    private final Path dir;

    public HadoopStudyFolder(URI dir, Configuration conf) {
        try {
            FileSystem f = FileSystem.get(dir, conf);
            // Hadoop's local file system writes a .NAME.crc beside every file: not part of a study folder
            this.fs = f instanceof LocalFileSystem local ? local.getRawFileSystem() : f;
            this.dir = fs.makeQualified(new Path(dir));
        } catch (IOException e) {
            // e.g. No FileSystem for scheme "s3a": the cluster lacks that file system's jars (hadoop-aws)
            throw new UserError("cannot open " + dir + ": " + e.getMessage(), e);
        }
    }

    /** Whether {@code location} is written as a URI ({@code hdfs://nn/studies/x}, {@code file:/...}), not as a path. */
    static boolean isUri(String location) {
        return location.matches("[A-Za-z][A-Za-z0-9+.-]*:/.*");
    }

    /** Whether the folder {@code uri} is a local or shared path ({@code file:}), which initlab's own commands can open. */
    static boolean isLocal(URI uri) {
        return "file".equals(uri.getScheme());
    }

    /** A folder given as a URI ({@code hdfs://nn/studies/x}, {@code file:/...}) or a plain local path ({@code studies/x}). */
    public static URI parse(String location) {
        if (!isUri(location)) return java.nio.file.Path.of(location).toAbsolutePath().normalize().toUri();
        try {
            return new URI(location);
        } catch (java.net.URISyntaxException e) {
            throw new UserError(location + " is not a valid URI (" + e.getReason() + "); escape special characters, e.g. a space as %20");
        }
    }

    public URI uri() { return dir.toUri(); }

    /** The file of {@code runs/ID/NAME}, as {@link StudyStore#runDir} places it. */
    public Path runFile(String id, String name) {
        return new Path(new Path(new Path(dir, "runs"), id), name);
    }

    public boolean isComplete(String id) throws IOException {
        return fs.exists(runFile(id, StudyStore.RESULT));
    }

    /** What run {@code id}'s result.json holds, judged as {@link StudyStore#read} judges a local one. */
    public StoredResult read(String id) throws IOException {
        Path p = runFile(id, StudyStore.RESULT);
        byte[] bytes;
        try (InputStream in = fs.open(p)) {
            bytes = in.readAllBytes();
        } catch (java.io.FileNotFoundException e) {
            return StoredResult.NONE;
        }
        return StoredResult.judge(id, bytes);
    }

    /**
     * Renames run {@code id}'s result.json, which is not a finished run, aside as
     * {@link StudyStore#setAside} does ({@code result.json.broken}, then {@code -2}, ...), so that
     * the run is trained again and the bytes stay for the user. Returns the new location.
     */
    public URI setAside(String id) throws IOException {
        Path to = runFile(id, StudyStore.BROKEN);
        for (int n = 2; fs.exists(to); n++) to = runFile(id, StudyStore.BROKEN + "-" + n);
        if (!fs.rename(runFile(id, StudyStore.RESULT), to)) throw new IOException("cannot rename " + runFile(id, StudyStore.RESULT) + " to " + to);
        return to.toUri();
    }

    /**
     * Writes {@code target} atomically. Another attempt (a retried task, a resubmitted job) may
     * write it at the same time: runs are deterministic, so whichever file stays holds the same bits.
     */
    public void write(Path target, AtomicFile.Body body) throws IOException {
        Path tmp = new Path(target.getParent(), "." + target.getName() + "-" + UUID.randomUUID() + AtomicFile.TEMP_SUFFIX);
        try {
            try (FSDataOutputStream out = fs.create(tmp, false)) {
                body.write(new java.io.FilterOutputStream(out) {
                    @Override
                    public void write(byte[] b, int off, int len) throws IOException {
                        out.write(b, off, len);
                    }

                    @Override
                    public void close() throws IOException {
                        flush(); // writers such as Jackson close the stream they were given: closing is ours
                    }
                });
                out.hsync(); // on disk (or on every HDFS replica) before the name says it is finished
            }
            // HDFS and S3 refuse to rename onto an existing file (false); a local file system replaces it
            if (!fs.rename(tmp, target) && !fs.exists(target)) throw new IOException("cannot rename " + tmp + " to " + target);
        } finally {
            fs.delete(tmp, false);
        }
    }

    /** Writes a local file's bytes to {@code target} atomically (weights written by initlab's own writers). */
    public void upload(java.nio.file.Path local, Path target) throws IOException {
        write(target, out -> Files.copy(local, out));
    }

    /**
     * Creates or reopens the folder for this grid, exactly as {@link StudyStore#prepare} does
     * (the same study.yaml and study.json, the same refusal of a different grid unless
     * {@code force}): the core prepares a local copy, holding the folder's current manifest if
     * any, and its two files are then written here. Also deletes temporaries of killed writers.
     *
     * @param location the folder as the user named it, which study.yaml's first line repeats
     */
    public StudyManifest prepare(StudySpec spec, List<PlannedRun> runs, boolean force, String location) throws IOException {
        java.nio.file.Path staging = Files.createTempDirectory("initlab-spark-study");
        try {
            Path manifest = new Path(dir, StudyStore.MANIFEST);
            if (fs.exists(manifest)) {
                try (InputStream in = fs.open(manifest)) {
                    Files.copy(in, staging.resolve(StudyStore.MANIFEST));
                }
            }
            if (fs.exists(dir)) {
                for (FileStatus f : fs.listStatus(dir)) {
                    if (f.isFile() && StudyStore.isShardRecord(f.getPath().getName())) {
                        try (InputStream in = fs.open(f.getPath())) {
                            Files.copy(in, staging.resolve(f.getPath().getName()));
                        }
                    }
                }
            }
            StudyStore local = new StudyStore(staging);
            List<StudyManifest.ShardInfo> shards = local.shards();
            // a folder holding every shard of one split is the whole study, as for 'initlab run'
            boolean whole = !shards.isEmpty() && shards.size() == shards.getFirst().count()
                    && shards.stream().allMatch(s -> s.count() == shards.getFirst().count());
            if (!shards.isEmpty() && !whole) {
                throw new UserError(dir.toUri() + " holds " + (shards.size() == 1 ? shards.getFirst().describe() : shards.size() + " shards")
                        + " of a study ('initlab run --shard'): the Spark job trains whole studies; give it another --out folder,"
                        + " or finish the shards and merge them first ('initlab merge')");
            }
            StudyManifest m = local.prepare(spec, runs, force);
            fs.mkdirs(new Path(dir, "runs"));
            cleanTemporaries();
            // the core names the folder it prepared, here the staging copy, in study.yaml's "# run with:" line
            String yaml = Files.readString(staging.resolve(StudyStore.SPEC)).replace(staging.toString(), location);
            write(new Path(dir, StudyStore.SPEC), out -> out.write(yaml.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
            upload(staging.resolve(StudyStore.MANIFEST), manifest);
            return m;
        } finally {
            try (var files = Files.walk(staging)) {
                files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    /** Deletes {@code .NAME-UUID.tmp} files left by writers that were killed. Returns how many. */
    public int cleanTemporaries() throws IOException {
        if (!fs.exists(dir)) return 0;
        int n = 0;
        RemoteIterator<LocatedFileStatus> it = fs.listFiles(dir, true);
        while (it.hasNext()) {
            Path p = it.next().getPath();
            String name = p.getName();
            if (name.startsWith(".") && name.endsWith(AtomicFile.TEMP_SUFFIX) && fs.delete(p, false)) n++;
        }
        return n;
    }
}
