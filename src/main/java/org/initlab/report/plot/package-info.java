/**
 * A small plotting library: a {@link org.initlab.report.plot.Figure} is a grid of panels (lines
 * with bands, heatmaps, histograms, ridgelines) on axes (linear, log, asinh, categories), painted
 * the same way to SVG and to PNG ({@link org.initlab.report.plot.FigureRenderer}). It knows
 * nothing of studies.
 *
 * <p>Imports: the JDK (Java 2D and Image I/O for PNG, which no other package uses) and
 * {@code org.initlab.io} (XML escaping and the JSON of hover data in {@code SvgCanvas}); no other
 * {@code report} package.
 */
package org.initlab.report.plot;
