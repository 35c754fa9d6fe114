package org.initlab.study;

import org.initlab.io.JsonFormat;
import com.fasterxml.jackson.core.JsonProcessingException;
import org.initlab.init.Initializers;
import org.initlab.nn.Activations;
import org.initlab.optim.Optimizers;
import org.initlab.train.TrainingPlan;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** Canonical JSON and hashes of run specs, and their translation into training plans. */
public final class RunSpecs {
    private RunSpecs() {}

    /** Hex digits of SHA-256 kept in a run id: 48 bits, no collision in any realistic study. */
    public static final int ID_LENGTH = 12;

    /** Compact JSON with sorted keys: equal specs give equal text. */
    public static String canonicalJson(RunSpec spec) {
        try {
            return JsonFormat.CANONICAL.writeValueAsString(spec);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialise " + spec, e);
        }
    }

    /** The run's name on disk: the first {@value #ID_LENGTH} hex digits of SHA-256(canonical JSON). */
    public static String id(RunSpec spec) {
        try {
            byte[] h = MessageDigest.getInstance("SHA-256").digest(canonicalJson(spec).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(h).substring(0, ID_LENGTH);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The live objects the trainer needs. */
    public static TrainingPlan plan(RunSpec s) {
        int[] hidden = s.hidden().stream().mapToInt(Integer::intValue).toArray();
        return new TrainingPlan(hidden,
                Activations.create(s.activation().name(), s.activation().params()),
                s.outputActivation(),
                Initializers.weight(s.initializer().name(), s.initializer().params()),
                Initializers.bias(s.biasInitializer().name(), s.biasInitializer().params()),
                Optimizers.spec(s.optimizer().name(), s.optimizer().params()),
                s.batchSize(), s.epochs(), s.seed(), s.evaluation());
    }
}
