/**
 * The report's statistics, each with its source: means with Student t intervals and geometric
 * means ({@link org.initlab.report.stats.Estimate}), Wilson intervals for proportions, the paired
 * t-test with Cohen's d_z, Holm's adjustment, and the special functions under them (log-gamma,
 * the regularized incomplete beta function, the t distribution).
 *
 * <p>Imports: the JDK only.
 */
package org.initlab.report.stats;
