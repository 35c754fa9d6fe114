package org.initlab.math;

/**
 * A trainable tensor and its gradient, flattened: {@code value[i]} is updated by an optimizer
 * from {@code grad[i]}. Both arrays are owned by the layer; an optimizer keeps only references.
 *
 * @param name   a stable name such as {@code "dense1.weight"}
 * @param value  the parameter values
 * @param grad   the gradient of the loss with respect to {@code value}, same length
 * @param decays whether weight decay applies to it (PyTorch applies it to every parameter
 *               by default; we keep the flag so a study can exclude biases)
 */
public record Parameter(String name, float[] value, float[] grad, boolean decays) {
    public Parameter {
        if (value.length != grad.length) {
            throw new IllegalArgumentException(name + ": value has " + value.length + " elements, grad " + grad.length);
        }
    }

    public int size() { return value.length; }
}
