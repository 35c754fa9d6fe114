package org.initlab.report;

import org.initlab.UserError;
import org.initlab.io.Csv;
import org.initlab.io.Disk;
import org.initlab.io.FileProblem;
import org.initlab.report.compare.ConfigurationDifference;
import org.initlab.report.compare.Matching;
import org.initlab.report.compare.StudyComparison;
import org.initlab.report.figures.ComparisonFigures;
import org.initlab.report.html.ComparisonInput;
import org.initlab.report.html.ComparisonPage;
import org.initlab.report.html.RenderedFigure;
import org.initlab.report.model.StudyAggregate;
import org.initlab.report.model.StudyData;
import org.initlab.report.plot.Figure;
import org.initlab.report.stats.Estimate;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Writes the comparison of two or more studies (the first is the reference, each other one is set
 * beside it): {@code compare.html} in the report's page frame, its figures as SVG (and 300 dpi
 * PNG) under {@code figures/}, and {@code compare.csv} with one row per matched configuration and
 * comparison. Reads the study folders only.
 */
public final class ComparisonWriter {
    private ComparisonWriter() {}

    public static final String HTML = "compare.html", CSV = "compare.csv";
    static final String PREFIX = "compare";

    public record Written(Path html, Path csv, List<Path> figures, long htmlBytes, int matched) {}

    public static Written write(List<Path> studyDirs, Path out, boolean png) {
        if (studyDirs.size() < 2) throw new UserError("compare needs two or more study folders, got " + studyDirs.size());
        List<Path> normal = studyDirs.stream().map(d -> d.toAbsolutePath().normalize()).toList();
        if (normal.stream().distinct().count() < normal.size()) throw new UserError("a study folder is given twice: give each study once");
        List<StudyAggregate> studies = new ArrayList<>();
        for (Path d : studyDirs) studies.add(StudyAggregate.of(StudyData.load(d)));
        List<String> names = StudyComparison.names(studies);
        List<StudyComparison> comparisons = new ArrayList<>();
        for (int i = 1; i < studies.size(); i++) comparisons.add(StudyComparison.of(studies.getFirst(), studies.get(i), names.getFirst(), names.get(i)));
        ComparisonInput in = new ComparisonInput(studies, names, comparisons, CSV);
        try {
            FigureFiles files = new FigureFiles(out.resolve(ReportWriter.FIGURES), ReportWriter.FIGURES, png, Disk.REAL);
            List<Figure> figures = new ArrayList<>();
            for (int i = 0; i < comparisons.size(); i++) figures.addAll(ComparisonFigures.of(comparisons.get(i), PREFIX + "-" + (i + 1)));
            List<RenderedFigure> rendered = files.write(figures);
            files.removeStale(List.of(PREFIX));
            Path html = out.resolve(HTML), csv = out.resolve(CSV);
            Disk.REAL.write(csv, csv(comparisons).getBytes(StandardCharsets.UTF_8));
            byte[] bytes = ComparisonPage.html(in, rendered).getBytes(StandardCharsets.UTF_8);
            Disk.REAL.write(html, bytes);
            return new Written(html, csv, files.written(), bytes.length, comparisons.stream().mapToInt(c -> c.matching().pairs().size()).sum());
        } catch (IOException e) {
            throw new UserError("cannot write the comparison to " + out + ": " + FileProblem.why(e), e);
        }
    }

    /**
     * One row per comparison and matched configuration: the two studies, the matching factors, each
     * study's final test accuracy (fraction: mean, 95% interval, n over the completed seeds, and the
     * diverged count), the difference B − A in points with its interval, whether paired, the p-value,
     * Holm's, and the settings that differ.
     */
    static String csv(List<StudyComparison> comparisons) {
        StringBuilder sb = new StringBuilder();
        List<String> keys = new ArrayList<>();
        for (StudyComparison c : comparisons) for (String k : c.matching().keys()) if (!keys.contains(k)) keys.add(k);
        List<String> header = new ArrayList<>(List.of("study_a", "study_b"));
        header.addAll(keys);
        for (String s : List.of("a", "b")) header.addAll(List.of(s + "_test_accuracy_mean", s + "_test_accuracy_ci_low", s + "_test_accuracy_ci_high",
                s + "_test_accuracy_n", s + "_seeds", s + "_diverged"));
        header.addAll(List.of("difference_points", "difference_ci_low", "difference_ci_high", "paired", "n", "p", "holm_p", "settings_that_differ"));
        Csv.row(sb, header);
        for (StudyComparison c : comparisons) {
            for (ConfigurationDifference d : c.differences()) {
                List<String> v = new ArrayList<>(List.of(c.nameA(), c.nameB()));
                for (String k : keys) v.add(d.pair().key().getOrDefault(k, ""));
                for (var s : List.of(d.a(), d.b())) {
                    Estimate e = s.finalTestAccuracy();
                    v.addAll(List.of(number(e.mean()), number(e.low()), number(e.high()), Integer.toString(e.n()), Integer.toString(s.seeds()),
                            Integer.toString(s.divergence().count())));
                }
                v.addAll(List.of(number(d.mean()), number(d.low()), number(d.high()), Boolean.toString(d.paired()), Integer.toString(d.n()),
                        number(d.p()), number(d.adjustedP()), String.join("; ", d.pair().differences().stream().map(Matching.Setting::toString).toList())));
                Csv.row(sb, v);
            }
        }
        return sb.toString();
    }

    private static String number(double v) {
        return Double.isFinite(v) ? Double.toString(v) : "";
    }
}
