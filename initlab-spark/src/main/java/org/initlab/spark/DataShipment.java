package org.initlab.spark;

import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.initlab.UserError;
import org.initlab.cli.DataOptionsFor;
import org.initlab.data.Dataset;
import org.initlab.data.DatasetLoader;
import org.initlab.data.Origin;
import org.initlab.data.SourceFile;
import org.initlab.study.StudySpec;

import java.io.IOException;
import java.io.InputStream;
import java.io.Serializable;
import java.net.URI;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What an executor needs to load a study's dataset itself: the shared folder the driver read it
 * from (any Hadoop file system), each file's name and the SHA-256 the driver computed, and the
 * options that prepare it. The data itself never travels with a task: each executor copies the
 * files once ({@link ExecutorDatasets}) and checks them against these checksums.
 *
 * @param dataset      the study's name for it (a catalogue name, or a path for a custom dataset)
 * @param catalogue    a catalogue dataset (found in a data folder by name) rather than a path
 * @param folder       the shared folder holding the files
 * @param file         for a custom dataset that is one file (a {@code .pkl.gz}), its name; else null
 * @param files        every file read, with its SHA-256
 * @param classes      the class count the spec declares, or null
 * @param provenance   what each run records as its data: the driver's, so that a run trained on
 *                     any executor records what a local run records
 */
public record DataShipment(String dataset, boolean catalogue, String folder, String file, List<FileSum> files,
                           int validationSize, String preprocessing, Integer classes, boolean verify, Map<String, Object> provenance)
        implements Serializable {

    /** The study's data choice this ships. */
    public StudySpec.DataChoice choice() {
        return new StudySpec.DataChoice(dataset, validationSize, preprocessing, classes);
    }

    public record FileSum(String name, String sha256) implements Serializable {}

    /** The dataset as the driver loaded it, and how executors load the same. */
    public record Prepared(Dataset dataset, DataShipment shipment) {}

    /**
     * Loads {@code choice} on the driver. {@code dataDir} is a local or shared folder, or a URI
     * of another Hadoop file system, whose files the driver first copies to a local folder.
     */
    public static Prepared prepare(StudySpec.DataChoice choice, String dataDir, boolean verify, Configuration conf) {
        URI shared = dataDir == null ? null : HadoopStudyFolder.parse(dataDir);
        java.nio.file.Path localDir;
        try {
            localDir = shared == null ? null : "file".equals(shared.getScheme()) ? java.nio.file.Path.of(shared) : localCopy(shared, choice, conf);
        } catch (IOException e) {
            throw new UserError("cannot read the data folder " + dataDir + ": " + e.getMessage(), e);
        }
        Dataset d = new DatasetLoader().load(choice.dataset(), DataOptionsFor.of(localDir, choice).withVerify(verify));

        java.nio.file.Path location = java.nio.file.Path.of(d.source().location());
        boolean single = Files.isRegularFile(location);
        java.nio.file.Path folder = single ? location.getParent() : location;
        String folderUri = folder.toUri().toString();
        Map<String, Object> provenance = new LinkedHashMap<>(DataOptionsFor.provenance(d)); // what a local run records
        if (shared != null && !"file".equals(shared.getScheme())) {
            // the driver read a local copy: runs record, and executors read, the shared folder it came from
            folderUri = remoteFolder(shared, choice, conf).toString();
            provenance.put("location", folderUri + (single ? "/" + location.getFileName() : ""));
        }
        List<FileSum> sums = new ArrayList<>();
        for (SourceFile f : d.source().files()) sums.add(new FileSum(f.name(), f.sha256()));
        DataShipment s = new DataShipment(choice.dataset(), d.source().origin() != Origin.PATH, folderUri,
                single ? location.getFileName().toString() : null, List.copyOf(sums), choice.validationSize(),
                choice.preprocessing(), choice.classes(), verify, provenance);
        return new Prepared(d, s);
    }

    /** {@code DIR/NAME} when it is a folder (a data folder's layout), else {@code DIR}: as initlab looks. */
    private static Path remoteFolder(URI shared, StudySpec.DataChoice choice, Configuration conf) {
        try {
            Path base = new Path(shared);
            FileSystem fs = FileSystem.get(shared, conf);
            Path named = new Path(base, new Path(choice.dataset()).getName());
            return fs.isDirectory(named) ? fs.makeQualified(named) : fs.makeQualified(base);
        } catch (IOException e) {
            throw new UserError("cannot read the data folder " + shared + ": " + e.getMessage(), e);
        }
    }

    private static java.nio.file.Path localCopy(URI shared, StudySpec.DataChoice choice, Configuration conf) throws IOException {
        Path from = remoteFolder(shared, choice, conf);
        FileSystem fs = FileSystem.get(shared, conf);
        java.nio.file.Path to = Files.createTempDirectory("initlab-spark-data");
        to.toFile().deleteOnExit();
        for (FileStatus st : fs.listStatus(from)) {
            if (!st.isFile()) continue;
            java.nio.file.Path local = to.resolve(st.getPath().getName());
            try (InputStream in = fs.open(st.getPath())) {
                Files.copy(in, local);
            }
            local.toFile().deleteOnExit();
        }
        return to;
    }
}
