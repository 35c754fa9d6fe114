package org.initlab.study;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/** The things a study can vary. Each may be set once (a setting) or listed (a factor of the grid). */
public enum Factor {
    INITIALIZER("initializer"),
    BIAS_INITIALIZER("bias_initializer"),
    ACTIVATION("activation"),
    OUTPUT_ACTIVATION("output_activation"),
    OPTIMIZER("optimizer"),
    LEARNING_RATE("learning_rate"),
    ARCHITECTURE("architecture"),
    BATCH_SIZE("batch_size"),
    EPOCHS("epochs");

    private final String key;

    Factor(String key) {
        this.key = key;
    }

    /** The name used in spec files and CSV columns. */
    public String key() {
        return key;
    }

    public static List<String> keys() {
        return Arrays.stream(values()).map(Factor::key).toList();
    }

    /** The factor named {@code key}, or null. */
    public static Factor byKey(String key) {
        String k = key.toLowerCase(Locale.ROOT).replace('-', '_');
        for (Factor f : values()) if (f.key.equals(k)) return f;
        return null;
    }
}
