package org.initlab.train;

/**
 * One dense layer at one epoch record: its name and shape ({@code in} inputs, {@code out} units)
 * and what the probes recorded about it, by name.
 */
public record LayerRecord(String layer, int in, int out, NamedValues values) {
    public LayerRecord {
        if (values == null) values = NamedValues.NONE;
    }
}
