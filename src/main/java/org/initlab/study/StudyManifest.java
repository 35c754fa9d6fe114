package org.initlab.study;

import com.fasterxml.jackson.annotation.JsonInclude;

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
 * @param shard       for a folder of {@code initlab run --shard I/N}: which shard, and its runs (the
 *                    whole grid is in {@code runs}); null (absent) for a whole study
 */
public record StudyManifest(String name, String description, String protocol, StudySpec.DataChoice data,
                            List<Long> seeds, List<ExperimentInfo> experiments, List<RunEntry> runs,
                            String fingerprint, String initlab, String created, StudySpecParser.Overrides commandLine,
                            List<Claim> claims, @JsonInclude(JsonInclude.Include.NON_NULL) ShardInfo shard) {
    public StudyManifest {
        claims = claims == null ? List.of() : List.copyOf(claims);
    }

    /** A whole study's manifest. */
    public StudyManifest(String name, String description, String protocol, StudySpec.DataChoice data,
                         List<Long> seeds, List<ExperimentInfo> experiments, List<RunEntry> runs,
                         String fingerprint, String initlab, String created, StudySpecParser.Overrides commandLine, List<Claim> claims) {
        this(name, description, protocol, data, seeds, experiments, runs, fingerprint, initlab, created, commandLine, claims, null);
    }

    /** This manifest for shard {@code shard} (null: for the whole study). */
    public StudyManifest withShard(ShardInfo shard) {
        return new StudyManifest(name, description, protocol, data, seeds, experiments, runs, fingerprint, initlab, created,
                commandLine, claims, shard);
    }

    /**
     * The folder holds shard {@code index}/{@code count} of the grid, whose runs are {@code runs}
     * (ids, in the grid's order): what {@code initlab merge} checks the shard folders against.
     */
    public record ShardInfo(int index, int count, List<String> runs) {
        public ShardInfo {
            runs = List.copyOf(runs);
        }

        public Shard shard() {
            return new Shard(index, count);
        }

        /** "shard 1/3". */
        public String describe() {
            return "shard " + index + "/" + count;
        }
    }

    /** An experiment's name, description and the factors it varies, with their level labels in order. */
    public record ExperimentInfo(String name, String description, Map<String, List<String>> factors,
                                 Map<String, String> settings) {}

    /** A planned run: id, level labels, experiments. */
    public record RunEntry(String id, Map<String, String> labels, List<String> experiments) {}
}
