package org.initlab.train;

/**
 * One layer observed at one moment (at initialisation, after an epoch): its weights and biases,
 * and what it computes on the fixed probe batch.
 *
 * @param deadFraction      rectifier-family layers: the fraction of units whose pre-activation
 *                          is ≤ 0 on every probe example (a ReLU unit there passes no gradient;
 *                          a leaky or exponential one only its small negative-side gradient); else null
 * @param saturatedFraction squashing layers (sigmoid, tanh, softsign): the fraction of
 *                          activations where |φ′(z)| &lt; threshold·max|φ′|; else null
 */
public record LayerSnapshot(String layer, Summary weights, Histogram weightHistogram, Summary biases,
                            Summary preActivations, Histogram preActivationHistogram,
                            Summary activations, Histogram activationHistogram,
                            Double deadFraction, Double saturatedFraction) {}
