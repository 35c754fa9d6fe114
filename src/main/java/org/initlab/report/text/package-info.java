/**
 * The report's words: how it writes numbers ({@link org.initlab.report.text.Values}: locale-free,
 * with the interval when there is one) and its findings, sentences computed from the aggregate and
 * its tests ({@link org.initlab.report.text.Findings}), used by the page and the Markdown summary.
 *
 * <p>Imports: {@code report.model}, {@code report.stats}, {@code org.initlab.study} and
 * {@code org.initlab.train}; not {@code report.plot}, {@code report.figures}, {@code report.html}
 * or {@code report}.
 */
package org.initlab.report.text;
