package org.initlab.spark;

import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.initlab.UserError;
import org.initlab.cli.StudySource;
import org.initlab.io.JsonFormat;
import org.initlab.study.StudyManifest;
import org.initlab.study.StudySpec;
import org.initlab.study.StudySpecParser;
import org.initlab.study.StudyStore;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;

/**
 * Finds a study as {@code initlab run} does ({@link StudySource}): a built-in name, a {@code .yaml}
 * spec, or a study folder to resume (with the options it was run with). A local path is the
 * core's business; a folder or spec on another Hadoop file system ({@code hdfs://},
 * {@code s3a://}) is read here and parsed by the core the same way.
 */
final class StudySources {
    private StudySources() {}

    static StudySpec load(String study, StudySpecParser.Overrides overrides, Configuration conf) {
        boolean uri = HadoopStudyFolder.isUri(study);
        if (!uri) return StudySource.load(study, overrides);
        URI u = HadoopStudyFolder.parse(study);
        if (HadoopStudyFolder.isLocal(u)) return StudySource.load(java.nio.file.Path.of(u).toString(), overrides);
        try {
            FileSystem fs = FileSystem.get(u, conf);
            Path p = new Path(u);
            if (fs.isDirectory(p)) {
                Path spec = new Path(p, StudyStore.SPEC);
                if (!fs.isFile(spec)) throw new UserError(study + " is a folder without " + StudyStore.SPEC + ": give a study spec, a built-in study or a study folder");
                Path manifest = new Path(p, StudyStore.MANIFEST);
                StudySpecParser.Overrides saved = null;
                if (fs.isFile(manifest)) {
                    try (InputStream in = fs.open(manifest)) {
                        saved = JsonFormat.CANONICAL.readValue(in, StudyManifest.class).commandLine();
                    }
                }
                return parse(fs, spec, overrides.orElse(saved));
            }
            if (fs.isFile(p)) return parse(fs, p, overrides);
        } catch (IOException e) {
            throw new UserError("cannot read " + study + ": " + e.getMessage(), e);
        }
        throw new UserError("no study spec or study folder at " + study);
    }

    /** Whether {@code study} names a study folder (one holding study.json), local or on another Hadoop file system. */
    static boolean isStudyFolder(String study, Configuration conf) {
        if (!HadoopStudyFolder.isUri(study)) return java.nio.file.Files.isRegularFile(java.nio.file.Path.of(study).resolve(StudyStore.MANIFEST));
        try {
            URI u = HadoopStudyFolder.parse(study);
            return FileSystem.get(u, conf).isFile(new Path(new Path(u), StudyStore.MANIFEST));
        } catch (IOException | IllegalArgumentException e) {
            return false;
        }
    }

    private static StudySpec parse(FileSystem fs, Path p, StudySpecParser.Overrides overrides) throws IOException {
        try (InputStream in = fs.open(p)) {
            byte[] bytes = in.readNBytes(StudySource.MAX_SPEC_BYTES + 1);
            return StudySource.parse(p.toString(), bytes, fs.getFileStatus(p).getLen(), overrides);
        }
    }
}
