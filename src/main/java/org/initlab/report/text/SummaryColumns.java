package org.initlab.report.text;

import java.util.List;

/**
 * The summary table's words, the same on the page and in summary.md: the headings of its value
 * columns and what its values and intervals are ({@link org.initlab.report.model.Metric#estimate}
 * computes them).
 */
public final class SummaryColumns {
    private SummaryColumns() {}

    /** The headings of the columns after the factors. */
    public static final List<String> HEADINGS = List.of("seeds", "final test acc.", "best test acc.", "final val. acc.",
            "train loss, geom. mean (95% CI)", "val. loss, geom. mean (95% CI)", "test loss, geom. mean (95% CI)",
            "epochs to 90% val., median (range)", "epochs to 97% val., median (range)", "diverged (Wilson 95% CI)");

    /** What the accuracies and losses are, as a sentence. */
    public static final String INTERVALS = "Accuracies: the mean over seeds ± the half-width of its 95% confidence interval (t distribution)."
            + " Losses: the geometric mean over seeds with its 95% confidence interval in brackets — the t interval of the log losses,"
            + " transformed back (Limpert, Stahel & Abbt 2001), so it is multiplicative and never reaches below 0; the figures draw losses so too,"
            + " since seeds' losses can differ by orders of magnitude.";
}
