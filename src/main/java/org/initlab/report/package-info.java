/**
 * A study's report: {@link org.initlab.report.ReportWriter} reads a study folder, builds the
 * figures of every section of {@link org.initlab.report.html.StudyReport}, writes them under
 * {@code figures/} as SVG and 300 dpi PNG ({@code FigureFiles}, which also removes the files of
 * an earlier report by their sets' prefixes), keeps the page under its size budget, and writes
 * {@code report.html}, {@code summary.csv} and {@code summary.md}.
 *
 * <p>Imports: every {@code report} sub-package, {@code org.initlab.study} (the study folder),
 * {@code org.initlab.io} (atomic files, CSV) and {@link org.initlab.UserError}. Only {@code cli}
 * imports this package; no sub-package imports it.
 */
package org.initlab.report;
