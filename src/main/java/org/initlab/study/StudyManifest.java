package org.initlab.study;

import java.util.List;
import java.util.Map;

/**
 * A study folder's {@code study.json}: what was asked for (the resolved grid) so that a rerun can
 * tell whether the spec changed, and so that the report knows every planned run.
 *
 * @param fingerprint a hash of the grid (run ids in order): equal fingerprints, same study
 * @param commandLine the options that changed the spec file (--protocol, --seeds, --epochs);
 *                    {@code initlab run STUDY_DIR} applies them again
 * @param claims      the spec's claims, for the report to test (empty in folders written before claims existed)
 */
public record StudyManifest(String name, String description, String protocol, StudySpec.DataChoice data,
                            List<Long> seeds, List<ExperimentInfo> experiments, List<RunEntry> runs,
                            String fingerprint, String initlab, String created, StudySpecParser.Overrides commandLine,
                            List<Claim> claims) {
    public StudyManifest {
        claims = claims == null ? List.of() : List.copyOf(claims);
    }

    /** An experiment's name, description and the factors it varies, with their level labels in order. */
    public record ExperimentInfo(String name, String description, Map<String, List<String>> factors,
                                 Map<String, String> settings) {}

    /** A planned run: id, level labels, experiments. */
    public record RunEntry(String id, Map<String, String> labels, List<String> experiments) {}
}
