package org.initlab.study;

import com.fasterxml.jackson.annotation.JsonInclude;

import java.util.List;

/**
 * A study as declared: a dataset, a protocol, seeds, and one or more experiments (grids). Parsed
 * and validated from YAML by {@link StudySpecParser}; expanded into runs by {@link Grid}.
 *
 * @param source      the YAML text it was read from (kept with the results)
 * @param commandLine the command-line options that changed it (--protocol, --seeds, --epochs)
 * @param claims      the hypotheses the spec states about its results ({@link ClaimsSection})
 */
public record StudySpec(String name, String description, String protocol, DataChoice data, List<Long> seeds,
                        List<Experiment> experiments, String source, StudySpecParser.Overrides commandLine, List<Claim> claims) {
    public StudySpec {
        seeds = List.copyOf(seeds);
        experiments = List.copyOf(experiments);
        claims = claims == null ? List.of() : List.copyOf(claims);
    }

    /**
     * Which data a study trains on.
     *
     * @param classes the class count the spec declares ({@code dataset: {classes: C}}), or null:
     *                the catalogue's, or for a path dataset the largest label plus one
     */
    public record DataChoice(String dataset, int validationSize, String preprocessing,
                             @JsonInclude(JsonInclude.Include.NON_NULL) Integer classes) {
        /** A choice that declares no class count. */
        public DataChoice(String dataset, int validationSize, String preprocessing) {
            this(dataset, validationSize, preprocessing, null);
        }
    }
}
