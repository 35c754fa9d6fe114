/**
 * The report page. A report is an ordered list of {@link org.initlab.report.html.Section}s
 * ({@link org.initlab.report.html.StudyReport#SECTIONS}), each a class here that owns its anchor,
 * heading, table-of-contents entry, figure sets and body; {@link org.initlab.report.html.ReportPage}
 * writes the frame around them (head with its Content-Security-Policy, header and table of
 * contents, the sections' elements and headings, the figure list the page's script checks, the
 * script). Every piece of text from a study goes through {@link org.initlab.io.Escape}.
 *
 * <p>Imports: {@code report.figures} (figure sets, colours), {@code report.model},
 * {@code report.text}, {@code report.stats}, {@code org.initlab.study} (the manifest),
 * {@code org.initlab.train} (timings), {@code org.initlab.io} (escaping, JSON) and
 * {@link org.initlab.Version}; figures arrive rendered ({@link org.initlab.report.html.RenderedFigure}),
 * so of {@code report.plot} only colours ({@code Rgb}); not {@code report}.
 */
package org.initlab.report.html;
