/**
 * Training one MLP: the loop ({@link org.initlab.train.Trainer}: batch → forward → loss → backward
 * → update), the data order, evaluation, divergence, and what a run records
 * ({@link org.initlab.train.RunResult}, {@link org.initlab.train.EpochRecord}, probe values by name in
 * {@link org.initlab.train.NamedValues}).
 *
 * <p>Observers see a run through {@link org.initlab.train.RunView} and are called through
 * {@link org.initlab.train.RunObserver}; the probes ({@code org.initlab.train.probe}) are built on
 * this package, which does not import them.
 *
 * <p>May import {@code theory}, {@code nn}, {@code optim}, {@code init}, {@code data},
 * {@code math} and the bottom layer (and Jackson, for the JSON form of values); not
 * {@code train.probe}, which is built on it, nor {@code study}.
 */
package org.initlab.train;
