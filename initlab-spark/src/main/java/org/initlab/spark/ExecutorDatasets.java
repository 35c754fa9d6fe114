package org.initlab.spark;

import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.initlab.cli.DataOptionsFor;
import org.initlab.data.DataOptions;
import org.initlab.data.Dataset;
import org.initlab.data.DatasetLoader;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The datasets this executor JVM has loaded: the first task that needs one copies its files from
 * the shared folder into a local folder, checks each file's SHA-256 against the driver's, and
 * loads it; every later task on this executor, and every task running meanwhile, gets the same
 * read-only {@link Dataset}. So the data crosses the network once per executor, not once per
 * task, and never through the driver.
 *
 * <p>JVM-wide by necessity: an executor runs many tasks, each with a fresh deserialised closure,
 * and only a static survives between them. It holds immutable datasets only, and a failed load
 * is forgotten so that the task's retry loads again.
 */
final class ExecutorDatasets {
    private ExecutorDatasets() {}

    private static final ConcurrentHashMap<DataShipment, CompletableFuture<Dataset>> LOADED = new ConcurrentHashMap<>();

    /** A dataset, and whether this call fetched its files (false: it was in this JVM already). */
    record Loaded(Dataset dataset, boolean fetched) {}

    /**
     * Gives this JVM's tasks the dataset the driver loaded: in local mode ({@code local[N]}) the
     * driver's JVM is the executor, which then neither copies nor loads the files again.
     */
    static void offer(DataShipment shipment, Dataset loaded) {
        LOADED.putIfAbsent(shipment, CompletableFuture.completedFuture(loaded));
    }

    /**
     * The dataset of {@code shipment}, fetched into {@code localRoot} the first time.
     *
     * @param conf the Hadoop configuration of the job (credentials of {@code s3a://}, HDFS name node, ...)
     */
    static Loaded get(DataShipment shipment, Configuration conf, java.nio.file.Path localRoot) {
        CompletableFuture<Dataset> mine = new CompletableFuture<>();
        CompletableFuture<Dataset> existing = LOADED.putIfAbsent(shipment, mine);
        if (existing != null) {
            try {
                return new Loaded(existing.join(), false);
            } catch (CompletionException e) {
                if (e.getCause() instanceof RuntimeException r) throw r;
                throw e;
            }
        }
        try {
            Dataset d = fetchAndLoad(shipment, conf, localRoot);
            mine.complete(d);
            return new Loaded(d, true);
        } catch (RuntimeException e) {
            LOADED.remove(shipment, mine);
            mine.completeExceptionally(e);
            throw e;
        }
    }

    private static Dataset fetchAndLoad(DataShipment s, Configuration conf, java.nio.file.Path localRoot) {
        java.nio.file.Path dir = localRoot.resolve("initlab-data-" + Integer.toHexString(s.files().hashCode()) + "-" + System.nanoTime());
        try {
            Files.createDirectories(dir);
            URI folder = URI.create(s.folder());
            FileSystem fs = FileSystem.get(folder, conf);
            for (DataShipment.FileSum f : s.files()) {
                Path from = new Path(new Path(folder), f.name());
                String sha = copy(fs, from, dir.resolve(f.name()));
                if (!sha.equals(f.sha256())) {
                    throw new IllegalStateException("dataset file " + from + " has SHA-256 " + sha + " on this executor but "
                            + f.sha256() + " on the driver: the shared data folder must hold the same files for every node");
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot copy the dataset from " + s.folder() + ": " + e.getMessage(), e);
        }
        DataOptions options = DataOptionsFor.of(dir, s.choice()).withAllowDownload(false).withVerify(s.verify());
        String name = s.catalogue() ? s.dataset() : (s.file() != null ? dir.resolve(s.file()) : dir).toString();
        // an empty environment: INITLAB_DATA on a node must not substitute other files for the driver's
        return new DatasetLoader(Map.of()).load(name, options);
    }

    /** Copies {@code from} to the local {@code to} (atomically) and returns the SHA-256 of what was copied. */
    private static String copy(FileSystem fs, Path from, java.nio.file.Path to) throws IOException {
        MessageDigest md;
        try {
            md = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        java.nio.file.Path tmp = to.resolveSibling("." + to.getFileName() + ".part");
        try (InputStream in = fs.open(from); OutputStream out = Files.newOutputStream(tmp)) {
            byte[] buf = new byte[1 << 16];
            for (int n; (n = in.read(buf)) > 0; ) {
                md.update(buf, 0, n);
                out.write(buf, 0, n);
            }
        }
        Files.move(tmp, to, StandardCopyOption.ATOMIC_MOVE);
        return HexFormat.of().formatHex(md.digest());
    }
}
