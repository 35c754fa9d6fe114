/**
 * A small plotting library: a {@link org.initlab.report.plot.Figure} is a grid of panels (lines
 * with bands, heatmaps, histograms, ridgelines) on axes (linear, log, asinh, categories), painted
 * the same way to SVG and to PNG ({@link org.initlab.report.plot.FigureRenderer}). It knows
 * nothing of studies.
 *
 * <p>Imports: the JDK only, and {@link org.initlab.report.html.Escape} for XML escaping in
 * {@code SvgCanvas} — an upward import that should go (escaping belongs below both packages).
 */
package org.initlab.report.plot;
