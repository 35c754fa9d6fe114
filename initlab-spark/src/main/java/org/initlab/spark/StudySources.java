package org.initlab.spark;

import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.initlab.UserError;
import org.initlab.io.JsonFormat;
import org.initlab.study.BuiltInStudies;
import org.initlab.study.StudyManifest;
import org.initlab.study.StudySpec;
import org.initlab.study.StudySpecParser;
import org.initlab.study.StudyStore;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;

/**
 * Finds a study as {@code initlab run} does: a built-in name, a {@code .yaml} spec, or a study
 * folder to resume (with the options it was run with), the folder here on any Hadoop file
 * system. (The core's {@code cli.StudySource} does the same for local paths; it is not public.)
 */
final class StudySources {
    private StudySources() {}

    static StudySpec load(String study, StudySpecParser.Overrides overrides, Configuration conf) {
        URI uri = HadoopStudyFolder.parse(study);
        try {
            FileSystem fs = FileSystem.get(uri, conf);
            Path p = new Path(uri);
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
                return StudySpecParser.parse(read(fs, spec), spec.toString(), overrides.orElse(saved));
            }
            if (fs.isFile(p)) return StudySpecParser.parse(read(fs, p), study, overrides);
        } catch (IOException e) {
            throw new UserError("cannot read " + study + ": " + e.getMessage(), e);
        }
        if (study.endsWith(".yaml") || study.endsWith(".yml")) {
            throw new UserError("no study spec at " + study + " (a built-in study is named without .yaml: see 'initlab list studies')");
        }
        // a built-in study; a typo gets the core's message with the nearest name
        return StudySpecParser.parse(BuiltInStudies.source(study), "built-in study " + study, overrides);
    }

    private static String read(FileSystem fs, Path p) throws IOException {
        try (InputStream in = fs.open(p)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
