/**
 * The report's figures, drawn from a study's aggregate: each kind is a
 * {@link org.initlab.report.figures.FigureSet} in its own file (training curves, interactions,
 * weights, activations, gradient flow), whose prefix names its figures and their files; a
 * {@link org.initlab.report.figures.ScenarioFigure} is drawn once per scenario.
 * {@link org.initlab.report.figures.SeriesColours} gives a level the same colour in every figure.
 * Figures are data ({@link org.initlab.report.plot.Figure}); drawing them is {@code plot}'s job.
 *
 * <p>Imports: {@code report.model}, {@code report.plot}, {@code report.stats}, {@code report.text},
 * {@code org.initlab.study}, {@code org.initlab.train} and {@code train.probe} (records, histogram
 * bins, probe value names) and {@code org.initlab.io} (JSON); not {@code report.html} or
 * {@code report}.
 */
package org.initlab.report.figures;
