/**
 * Studies side by side: which configurations of two studies match
 * ({@link org.initlab.report.compare.Matching}: on the factors their experiments vary; the settings a
 * protocol or dataset changes are listed, not matched on), each matched configuration's results and
 * difference, paired by seed or Welch's ({@link org.initlab.report.compare.ConfigurationDifference}),
 * and which conclusions change ({@link org.initlab.report.compare.Conclusions}), gathered in
 * {@link org.initlab.report.compare.StudyComparison}. Numbers and sentences; drawing and the page
 * are {@code report.figures}' and {@code report.html}'s.
 *
 * <p>Imports: {@code report.model}, {@code report.stats}, {@code report.text} and
 * {@code org.initlab.study}, {@code org.initlab.train}; not {@code report.figures},
 * {@code report.html} or {@code report}.
 */
package org.initlab.report.compare;
