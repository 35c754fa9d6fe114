/**
 * Weight and bias initializers with the formulas of PyTorch, Keras and DL4J, each a record in its
 * own file citing its source, listed once in {@link org.initlab.init.Initializers} (names,
 * aliases, presets, defaults): variance scaling and its presets, orthogonal, identity, sparse,
 * LSUV (a {@link org.initlab.init.DataDependentInitializer}, which sees the network only as a
 * {@link org.initlab.init.LayerwiseNetwork}), and critical "edge of chaos" initialization.
 *
 * <p>May import {@code math}, {@code catalog} and {@link org.initlab.UserError}; not {@code nn}.
 */
package org.initlab.init;
