/**
 * The report's statistics, each with its source: means with Student t intervals and geometric
 * means ({@link org.initlab.report.stats.Estimate}), Wilson intervals for proportions, the paired
 * t-test with Cohen's d_z, and Holm's adjustment. The distributions, intervals and the test come
 * from Apache Commons Statistics (a maintained library: the t distribution there agrees with the
 * one initlab had to 4e−11 and is more exact at large ν); Holm's adjustment is ours, as the
 * library has none.
 *
 * <p>Imports: the JDK and Apache Commons Statistics.
 */
package org.initlab.report.stats;
