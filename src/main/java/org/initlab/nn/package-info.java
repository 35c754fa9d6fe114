/**
 * The network: activations, each a file with φ and φ′ beside their formula and source, listed
 * once in {@link org.initlab.nn.Activations}; the dense layer with its backward pass
 * ({@link org.initlab.nn.Dense}); the MLP ({@link org.initlab.nn.Mlp}); softmax cross-entropy
 * fused with its gradient. Forward and backward allocate nothing.
 *
 * <p>May import {@code math} and {@code catalog} (the activation catalogue); not {@code init},
 * {@code optim} or {@code data}, which sit beside it.
 */
package org.initlab.nn;
