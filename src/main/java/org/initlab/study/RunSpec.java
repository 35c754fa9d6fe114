package org.initlab.study;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.initlab.catalog.Component;
import org.initlab.study.factor.ArchitectureFactor;
import org.initlab.train.Evaluation;
import org.initlab.train.ProbeSettings;

import java.util.List;

/**
 * Everything that determines one training run. Its canonical JSON (see {@link RunSpecs#canonicalJson})
 * and the hash of that name the run on disk; the same RunSpec gives the same bits.
 *
 * @param dataset          catalogue name of the dataset, or a folder of IDX files
 * @param validationSize   training examples held out for validation (the last ones)
 * @param preprocessing    how pixels become inputs (see {@code org.initlab.data.Preprocessing})
 * @param classes          the class count the spec declares (the output layer's width), or null for the dataset's
 *                         own; left out of the canonical JSON when null, so that runs of specs that declare none
 *                         keep their ids
 * @param hidden           hidden layer widths
 * @param outputActivation apply the hidden activation to the output layer too (the notebook's quirk)
 */
public record RunSpec(String dataset, int validationSize, String preprocessing,
                      @JsonInclude(JsonInclude.Include.NON_NULL) Integer classes, List<Integer> hidden,
                      Component activation, boolean outputActivation,
                      Component initializer, Component biasInitializer, Component optimizer,
                      int batchSize, int epochs, long seed,
                      Evaluation evaluation, ProbeSettings probes) {
    public RunSpec {
        hidden = List.copyOf(hidden);
    }

    /** The hidden widths as text: "128-64", "4×128" for four equal widths, "linear" for none. */
    public String architectureLabel() {
        return ArchitectureFactor.label(hidden);
    }

    /** The dataset choice this run trains on (runs with equal choices share one loaded dataset). */
    public StudySpec.DataChoice dataChoice() {
        return new StudySpec.DataChoice(dataset, validationSize, preprocessing, classes);
    }
}
