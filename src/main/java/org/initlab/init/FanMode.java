package org.initlab.init;

import java.util.List;

/** Which fan a variance-scaling initializer divides by (PyTorch {@code mode}, Keras {@code mode}). */
public enum FanMode {
    /** n = fan_in: preserves the forward signal's variance. */
    FAN_IN("fan_in"),
    /** n = fan_out: preserves the backward gradient's variance. */
    FAN_OUT("fan_out"),
    /** n = (fan_in + fan_out)/2: Glorot &amp; Bengio's compromise (Keras only). */
    FAN_AVG("fan_avg");

    /** The spellings a user writes. */
    public static final List<String> LABELS = List.of("fan_in", "fan_out", "fan_avg");

    private final String label;

    FanMode(String label) { this.label = label; }

    /** "fan_in", "fan_out" or "fan_avg". */
    public String label() { return label; }

    /** The mode spelt {@code label}, by the {@link org.initlab.catalog.Spelling} rule. */
    static FanMode of(String label) {
        return org.initlab.catalog.Spelling.choose("fan mode", label, List.of(values()), FanMode::label);
    }
}
