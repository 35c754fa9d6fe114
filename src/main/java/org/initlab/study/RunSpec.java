package org.initlab.study;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import org.initlab.catalog.Component;
import org.initlab.init.Initializers;
import org.initlab.io.JsonFormat;
import org.initlab.nn.Activations;
import org.initlab.optim.Optimizers;
import org.initlab.study.factor.ArchitectureFactor;
import org.initlab.train.Evaluation;
import org.initlab.train.TrainingPlan;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;

/**
 * Everything that determines one training run, by name: what a study's grid makes, what
 * {@code result.json} keeps, and, through its {@linkplain #canonicalJson canonical JSON}, what
 * names the run on disk ({@link #id}); the same RunSpec gives the same bits. What is observed of
 * the run (its probes) is not part of it: the run's {@link PlannedRun} carries that. The trainer
 * gets it as live objects ({@link #plan}).
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
                      Evaluation evaluation) {
    public RunSpec {
        hidden = List.copyOf(hidden);
    }

    /** Hex digits of SHA-256 kept in a run id: 48 bits, no collision in any realistic study. */
    public static final int ID_LENGTH = 12;

    /** Compact JSON with sorted keys: equal specs give equal text. */
    public String canonicalJson() {
        try {
            return JsonFormat.CANONICAL.writeValueAsString(this);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialise " + this, e);
        }
    }

    /** The run's name on disk: the first {@value #ID_LENGTH} hex digits of SHA-256(canonical JSON). */
    public String id() {
        try {
            byte[] h = MessageDigest.getInstance("SHA-256").digest(canonicalJson().getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(h).substring(0, ID_LENGTH);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The live objects the trainer needs: each component built from the catalogue by name. */
    public TrainingPlan plan() {
        int[] widths = hidden.stream().mapToInt(Integer::intValue).toArray();
        return new TrainingPlan(widths,
                Activations.create(activation.name(), activation.params()),
                outputActivation,
                Initializers.weight(initializer.name(), initializer.params()),
                Initializers.bias(biasInitializer.name(), biasInitializer.params()),
                Optimizers.spec(optimizer.name(), optimizer.params()),
                batchSize, epochs, seed, evaluation);
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
