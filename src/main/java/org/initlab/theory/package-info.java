/**
 * Theory beside measurement: what mean-field theory predicts for an MLP at initialization, to be
 * shown next to what the probes measure.
 *
 * <ul>
 *   <li>{@link org.initlab.theory.InitializerMoments}: the exact mean and variance of a weight or
 *       bias entry for every initializer in the catalogue, so σ_w² = fan_in·Var(W) per layer;</li>
 *   <li>{@link org.initlab.theory.NetworkSpec} and {@link org.initlab.theory.InputStatistics}: the
 *       network and the data's q⁰, c⁰ as the theory needs them;</li>
 *   <li>{@link org.initlab.theory.SignalPropagation}: per layer q^l, its variance, the correlation
 *       c^l, χ_l, the backward signal and the dead and saturated fractions
 *       ({@link org.initlab.theory.InactiveUnits}); network-wide, the gradient-norm ratio and the
 *       Jacobian's predicted mean square and spread ({@link org.initlab.theory.Prediction});</li>
 *   <li>{@link org.initlab.theory.DepthScales}: q*, c*, χ₁, χ_c, ξ_q, ξ_c for any (φ, σ_w, σ_b),
 *       the edge-of-chaos phase diagram's overlay;</li>
 *   <li>{@link org.initlab.theory.Jacobians}: the singular values of the actual network's
 *       input–output and hidden-to-hidden Jacobians at a probe input.</li>
 * </ul>
 *
 * <p>Sources: Poole et al. 2016 (arXiv:1606.05340), Schoenholz et al. 2017 (arXiv:1611.01232),
 * Pennington, Schoenholz &amp; Ganguli 2017 (arXiv:1711.04735). Everything is double precision,
 * deterministic and free of global state; a probe calls {@code NetworkSpec.of}, then
 * {@code SignalPropagation.predict}, once per run at init (milliseconds).
 *
 * <p>Layering: above {@code nn} and {@code init}, below {@code train}: may import {@code math},
 * {@code nn}, {@code init}, {@code catalog} and EJML (its only user); a probe in
 * {@code train.probe} may import it, {@code nn}, {@code init} and the layers below may not.
 */
package org.initlab.theory;
