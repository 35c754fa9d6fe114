/**
 * Optimizers with PyTorch's names, parameter names, defaults and update rules: {@code sgd},
 * {@code adam}, {@code adamw}, {@code rmsprop}, {@code adagrad}.
 *
 * <p>A spec ({@link org.initlab.optim.OptimizerSpec}, an immutable record per algorithm) comes from
 * {@link org.initlab.optim.Optimizers#spec}; {@code bind} allocates the state buffers for a list of
 * {@link org.initlab.math.Parameter}s once, and {@link org.initlab.optim.Optimizer#step()} then
 * updates every parameter in place from its gradient, allocating nothing.
 *
 * <p>Numerics: element arithmetic is float32, as PyTorch's for float32 tensors. Per-step scalars
 * (bias corrections, Adagrad's decayed rate, AdamW's decay factor) are computed in double, as PyTorch
 * computes them in Python floats, and rounded to float once. Element loops use the Vector API
 * with a scalar tail that performs the same float operations in the same order, so results are
 * the same bits whatever the vector width.
 *
 * <p>May import {@code math}, {@code catalog} and {@link org.initlab.UserError}; not {@code nn},
 * {@code init} or {@code data}, which sit beside it.
 */
package org.initlab.optim;
