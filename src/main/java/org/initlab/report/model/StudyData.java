package org.initlab.report.model;

import org.initlab.UserError;
import org.initlab.io.FileProblem;
import org.initlab.study.RunRecord;
import org.initlab.study.StudyManifest;
import org.initlab.study.StudyStore;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * What the report reads from a study folder, and nothing else: the manifest, the spec text and
 * the finished runs (in the manifest's order), each with only its valid values (a diverged run
 * without what it recorded after it diverged: {@link Divergence}). The report never writes back
 * into the store.
 *
 * @param specText the study.yaml as written (empty when missing)
 */
public record StudyData(Path dir, StudyManifest manifest, String specText, List<RunRecord> runs) {
    public StudyData {
        runs = runs.stream().map(Divergence::validPart).toList();
    }

    /** Reads the study in {@code dir}: the finished runs only (broken results are left out). */
    public static StudyData load(Path dir) {
        StudyStore store = new StudyStore(dir);
        StudyManifest m = store.readManifest();
        return of(dir, m, store.readResults(m));
    }

    /** The study of {@code dir} with these finished runs of its manifest (read already); its spec text is read here. */
    public static StudyData of(Path dir, StudyManifest m, List<RunRecord> runs) {
        if (runs.isEmpty()) {
            throw new UserError(dir + " has no finished runs yet (" + m.runs().size() + " planned): run 'initlab run' on it first");
        }
        String spec = "";
        Path specFile = dir.resolve(StudyStore.SPEC);
        try {
            if (Files.isRegularFile(specFile)) spec = Files.readString(specFile, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UserError(FileProblem.reading(specFile, e), e);
        }
        return new StudyData(dir, m, spec, runs);
    }
}
