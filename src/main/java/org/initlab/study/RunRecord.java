package org.initlab.study;

import org.initlab.train.RunResult;

import java.util.List;
import java.util.Map;

/**
 * What a finished run's {@code result.json} holds: the spec that made it (and whose hash is its
 * id), the study's labels for it, the outcome, and the provenance of the bits.
 *
 * @param initlab  the initlab version that trained it
 * @param started  ISO-8601 instant the run started
 * @param finished ISO-8601 instant it finished
 * @param machine  Java version, OS, architecture and processor count
 * @param data     where the dataset came from (files and checksums)
 */
public record RunRecord(String id, String initlab, RunSpec spec, Map<String, String> labels, List<String> experiments,
                        RunResult result, String started, String finished, Map<String, String> machine,
                        Map<String, Object> data) {}
