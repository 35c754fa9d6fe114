package org.initlab.study;

/**
 * One value of a factor, as a study spec gives it, already validated and canonical.
 *
 * @param label how tables, legends and file names show it ("he", "relu", "128-64")
 * @param value a {@link Component} (initializer, bias initializer, activation, optimizer),
 *              {@code List<Integer>} (architecture), Double (learning rate), Integer (batch size,
 *              epochs) or Boolean (output activation)
 * @param bias  for an initializer level only: the bias initializer that goes with it (the
 *              notebook zeroes biases for zero init only), else null
 */
public record Level(String label, Object value, Component bias) {
    /** Same value (and bias); labels do not matter. */
    public boolean sameValue(Level o) {
        return value.equals(o.value) && java.util.Objects.equals(bias, o.bias);
    }
}
