package org.initlab.train;

/**
 * Gradient flow through one layer during one epoch.
 *
 * @param firstStepNorm ‖∂L/∂W‖₂ at the run's first step (first epoch only, else null)
 * @param meanNorm      mean over the epoch's steps of ‖∂L/∂W‖₂
 * @param maxNorm       largest ‖∂L/∂W‖₂ of the epoch
 * @param updateRatio   mean over sampled steps of ‖ΔW‖₂ / ‖W‖₂: the optimizer's step relative to
 *                      the weights, the health check of Karpathy's CS231n notes ("around 1e-3") and
 *                      of the DL4J training UI; null when ‖W‖ = 0, as after zero init
 */
public record LayerGradients(String layer, Double firstStepNorm, Double meanNorm, Double maxNorm, Double updateRatio) {}
