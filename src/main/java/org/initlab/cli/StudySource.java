package org.initlab.cli;

import org.initlab.UserError;
import org.initlab.study.BuiltInStudies;
import org.initlab.study.StudySpec;
import org.initlab.study.StudySpecParser;
import org.initlab.study.StudyStore;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** Finds a study by built-in name or spec file path, and parses it. */
final class StudySource {
    private StudySource() {}

    static StudySpec load(String study, StudySpecParser.Overrides overrides) {
        Path p = Path.of(study);
        if (study.endsWith(".yaml") || study.endsWith(".yml") || Files.isRegularFile(p)) {
            if (!Files.isRegularFile(p)) throw new UserError("no study spec at " + p + " (a built-in study is named without .yaml: see 'initlab list studies')");
            try {
                return StudySpecParser.parse(Files.readString(p, StandardCharsets.UTF_8), p.toString(), overrides);
            } catch (IOException e) {
                throw new UserError("cannot read " + p + ": " + e.getMessage());
            }
        }
        if (Files.isDirectory(p) && Files.isRegularFile(p.resolve("study.yaml"))) {
            // a study folder: its spec, with the command-line options it was run with
            StudySpecParser.Overrides saved = Files.isRegularFile(p.resolve(StudyStore.MANIFEST))
                    ? new StudyStore(p).readManifest().commandLine() : null;
            return load(p.resolve("study.yaml").toString(), overrides.orElse(saved));
        }
        return StudySpecParser.parse(BuiltInStudies.source(study), "built-in study " + study, overrides);
    }
}
