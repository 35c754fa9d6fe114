package org.initlab.report;

import org.initlab.io.Csv;
import org.initlab.report.model.ConfigurationSummary;
import org.initlab.report.model.Metric;
import org.initlab.report.model.Reach;
import org.initlab.report.model.RunGroup;
import org.initlab.report.model.StudyAggregate;
import org.initlab.report.stats.Estimate;
import org.initlab.report.stats.Proportion;
import org.initlab.report.text.Finding;
import org.initlab.report.text.SummaryColumns;
import org.initlab.report.text.Values;

import java.util.ArrayList;
import java.util.List;

/**
 * summary.csv and summary.md: one row per configuration. The CSV is for programs: every factor a
 * column, and for every metric its estimate, 95% interval and n (full precision, empty where
 * undefined): accuracies as fractions, their mean and t interval ({@code _mean}); losses their
 * geometric mean and multiplicative interval ({@code _geomean}, {@link Metric#estimate}, as the
 * figures draw them); epochs to a threshold as median, range and counts ("Inf" as the median when
 * half or more seeds never reached it, which pandas and R read as infinity). The Markdown is for
 * people: the same table, accuracies as "mean ± half-width" and losses as "geometric mean (low–high)",
 * then the findings. Values are over the seeds that completed; the diverged ones are counted in the
 * divergence columns ({@link org.initlab.report.model.Divergence}).
 */
public final class SummaryTables {
    private SummaryTables() {}

    /** A summary estimate's column stem, and the metric whose estimate over seeds ({@link Metric#estimate}) it is. */
    private record Estimated(String name, Metric metric) {
        /** "final_test_accuracy_mean" (arithmetic, t interval), "final_test_loss_geomean" (geometric, multiplicative interval). */
        String column() {
            return name + (metric.geometric() ? "_geomean" : "_mean");
        }
    }

    /** The summary's estimates, in the order of its columns. */
    private static final List<Estimated> ESTIMATES = List.of(new Estimated("final_test_accuracy", Metric.TEST_ACCURACY),
            new Estimated("best_test_accuracy", Metric.TEST_ACCURACY), new Estimated("final_validation_accuracy", Metric.VALIDATION_ACCURACY),
            new Estimated("final_train_loss", Metric.TRAIN_LOSS), new Estimated("final_validation_loss", Metric.VALIDATION_LOSS),
            new Estimated("final_test_loss", Metric.TEST_LOSS));

    public static String csv(StudyAggregate agg) {
        StringBuilder sb = new StringBuilder();
        List<String> header = new ArrayList<>(agg.design().factors());
        header.addAll(List.of("experiments", "seeds"));
        for (Estimated e : ESTIMATES) header.addAll(List.of(e.column(), e.name() + "_ci_low", e.name() + "_ci_high", e.name() + "_n"));
        for (String t : List.of("90", "97")) {
            header.addAll(List.of("epochs_to_" + t + "_median", "epochs_to_" + t + "_min", "epochs_to_" + t + "_max",
                    "epochs_to_" + t + "_reached", "epochs_to_" + t + "_followed"));
        }
        header.addAll(List.of("diverged", "diverged_rate", "diverged_ci_low", "diverged_ci_high", "compute_seconds"));
        Csv.row(sb, header);
        for (RunGroup g : agg.groups()) {
            ConfigurationSummary s = agg.summary(g);
            List<String> v = new ArrayList<>();
            for (String f : agg.design().factors()) v.add(g.configuration().labels().getOrDefault(f, ""));
            v.add(String.join(";", g.experiments()));
            v.add(Integer.toString(g.seeds()));
            for (Estimate e : List.of(s.finalTestAccuracy(), s.bestTestAccuracy(), s.finalValidationAccuracy(), s.finalTrainLoss(),
                    s.finalValidationLoss(), s.finalTestLoss())) {
                v.addAll(List.of(number(e.mean()), number(e.low()), number(e.high()), Integer.toString(e.n())));
            }
            for (Reach r : List.of(s.epochsTo90(), s.epochsTo97())) {
                v.addAll(List.of(Double.isInfinite(r.median()) ? "Inf" : number(r.median()), number(r.min()), number(r.max()),
                        Integer.toString(r.reached()), Integer.toString(r.seeds())));
            }
            Proportion d = s.divergence();
            v.addAll(List.of(Integer.toString(d.count()), number(d.rate()), number(d.low()), number(d.high()), number(s.computeSeconds())));
            Csv.row(sb, v);
        }
        return sb.toString();
    }

    private static String number(double v) {
        return Double.isFinite(v) ? Double.toString(v) : "";
    }

    public static String markdown(StudyAggregate agg, List<Finding> findings) {
        StringBuilder sb = new StringBuilder();
        var m = agg.data().manifest();
        sb.append("# ").append(cell(m.name())).append(" — summary\n\n");
        if (m.description() != null && !m.description().isBlank()) sb.append(cell(m.description())).append("\n\n");
        sb.append(agg.data().runs().size()).append(" of ").append(m.runs().size()).append(" runs finished; ")
                .append(agg.groups().size()).append(" configurations. ")
                .append(agg.maxSeeds() == 1 ? "1 seed: no confidence interval." : SummaryColumns.INTERVALS)
                .append(" A run that diverged has no final values: they are over the seeds that completed (\"2 of 3 seeds\" where some diverged),"
                        + " and the diverged ones are counted in the last column with the 95% Wilson score interval of the rate."
                        + " Epochs to a threshold: the median over seeds (a seed that never reached it counts as later than any), and the range.\n\n");
        List<String> factors = new ArrayList<>(agg.design().varying());
        if (factors.isEmpty()) factors.add("initializer");
        List<String> header = new ArrayList<>(factors.stream().map(f -> f.replace('_', ' ')).toList());
        header.addAll(SummaryColumns.HEADINGS);
        sb.append("| ").append(String.join(" | ", header.stream().map(SummaryTables::cell).toList())).append(" |\n|");
        for (int i = 0; i < header.size(); i++) sb.append(i < factors.size() ? " --- |" : " ---: |");
        sb.append('\n');
        for (RunGroup g : agg.groups()) {
            ConfigurationSummary s = agg.summary(g);
            List<String> v = new ArrayList<>();
            for (String f : factors) v.add(g.configuration().labels().getOrDefault(f, Values.NONE));
            int n = g.seeds();
            v.addAll(List.of(Integer.toString(n), Values.accuracy(s.finalTestAccuracy(), n), Values.accuracy(s.bestTestAccuracy(), n),
                    Values.accuracy(s.finalValidationAccuracy(), n), Values.geometric(s.finalTrainLoss(), n), Values.geometric(s.finalValidationLoss(), n),
                    Values.geometric(s.finalTestLoss(), n), Values.epochs(s.epochsTo90()), Values.epochs(s.epochsTo97()), Values.proportion(s.divergence())));
            sb.append("| ").append(String.join(" | ", v.stream().map(SummaryTables::cell).toList())).append(" |\n");
        }
        if (!findings.isEmpty()) {
            sb.append("\n## Findings\n\n");
            for (Finding f : findings) {
                String tag = switch (f.kind()) {
                    case FAILURE -> "fails";
                    case DIVERGENCE -> "diverged";
                    default -> !f.tested() ? "no test" : f.significant() ? "significant" : "not significant";
                };
                sb.append("- **").append(tag).append("**: ").append(cell(f.text())).append('\n');
            }
        }
        return sb.toString();
    }

    /** Markdown table cell text: pipes and backslashes escaped, line breaks as spaces, HTML-significant characters as entities. */
    static String cell(String s) {
        return s.replace("\\", "\\\\").replace("|", "\\|").replace("\r", " ").replace("\n", " ")
                .replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }
}
