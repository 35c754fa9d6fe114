package org.initlab.report;

import org.initlab.UserError;
import org.initlab.report.figures.ActivationFigure;
import org.initlab.report.figures.GradientFigure;
import org.initlab.report.figures.Interactions;
import org.initlab.report.figures.SeriesColours;
import org.initlab.report.figures.TrainingCurves;
import org.initlab.report.figures.WeightFigure;
import org.initlab.report.html.RenderedFigure;
import org.initlab.report.html.ReportPage;
import org.initlab.report.model.Scenario;
import org.initlab.report.model.StudyAggregate;
import org.initlab.report.model.StudyData;
import org.initlab.report.plot.Figure;
import org.initlab.report.plot.FigureRenderer;
import org.initlab.report.text.Finding;
import org.initlab.report.text.Findings;
import org.initlab.io.AtomicFile;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Writes a study's report: {@code report.html} (one offline file), every figure as SVG and as a
 * 300 dpi PNG under {@code figures/}, and {@code summary.csv} / {@code summary.md}. Reads the study
 * folder only; writes every file atomically; figure files of an earlier report that this one does
 * not write again are removed.
 */
public final class ReportWriter {
    private ReportWriter() {}

    public static final String HTML = "report.html", CSV = "summary.csv", MARKDOWN = "summary.md", FIGURES = "figures";

    /**
     * @param out                where to write (the study folder by default)
     * @param png                also write PNGs (the slow part)
     * @param maxLayerScenarios  scenarios with per-layer figures (weights, activations, gradients): the page stays small with many
     */
    public record Options(Path out, boolean png, int maxLayerScenarios) {
        public Options {
            if (maxLayerScenarios < 0) throw new IllegalArgumentException("maxLayerScenarios must be ≥ 0");
        }

        public static Options defaults(Path out) {
            return new Options(out, true, 12);
        }
    }

    /** What was written. */
    public record Written(Path html, Path csv, Path markdown, List<Path> figures, long htmlBytes, int runs, int configurations) {}

    public static Written write(Path studyDir, Options options) {
        StudyData data = StudyData.load(studyDir);
        StudyAggregate agg = StudyAggregate.of(data);
        List<Finding> findings = Findings.all(agg);
        SeriesColours colours = new SeriesColours(agg.design());
        Path out = options.out();
        Path figureDir = out.resolve(FIGURES);
        try {
            Files.createDirectories(figureDir);
            List<Path> files = new ArrayList<>();
            List<RenderedFigure> curves = render(TrainingCurves.figures(agg, colours), figureDir, options, files);
            List<RenderedFigure> interactions = render(Interactions.figures(agg, colours), figureDir, options, files);
            List<Scenario> layerScenarios = agg.scenarios().subList(0, Math.min(options.maxLayerScenarios(), agg.scenarios().size()));
            List<Figure> weights = new ArrayList<>(), activations = new ArrayList<>(), gradients = new ArrayList<>();
            int n = 0;
            for (Scenario s : layerScenarios) {
                n++;
                weights.add(WeightFigure.of(agg, colours, s, n));
                activations.add(ActivationFigure.of(agg, colours, s, n));
                gradients.add(GradientFigure.of(agg, colours, s, n));
            }
            long[] budget = {INLINE_BUDGET};
            ReportPage.Figures figures = new ReportPage.Figures(inline(curves, budget), inline(interactions, budget),
                    inline(render(weights, figureDir, options, files), budget), inline(render(activations, figureDir, options, files), budget),
                    inline(render(gradients, figureDir, options, files), budget), layerScenarios.size(), agg.scenarios().size());
            removeStale(figureDir, files);
            Path csv = out.resolve(CSV), md = out.resolve(MARKDOWN), html = out.resolve(HTML);
            AtomicFile.write(csv, SummaryTables.csv(agg).getBytes(StandardCharsets.UTF_8));
            AtomicFile.write(md, SummaryTables.markdown(agg, findings).getBytes(StandardCharsets.UTF_8));
            byte[] page = ReportPage.html(agg, findings, figures, CSV, MARKDOWN).getBytes(StandardCharsets.UTF_8);
            AtomicFile.write(html, page);
            return new Written(html, csv, md, files, page.length, data.runs().size(), agg.groups().size());
        } catch (IOException e) {
            throw new UserError("cannot write the report to " + out + ": " + e.getMessage(), e);
        }
    }

    /** The names of the figure files a report writes: anything else in figures/ is left alone. */
    static final String FIGURE_FILE = "(curves|interactions|weights|activations|gradients)-[a-z0-9-]+\\.(svg|png)";

    /** Deletes figure files an earlier report wrote that this one did not (figure ids change with the study). */
    private static void removeStale(Path dir, List<Path> written) throws IOException {
        Set<Path> keep = new HashSet<>(written);
        try (var files = Files.list(dir)) {
            for (Path f : files.toList()) {
                if (!keep.contains(f) && f.getFileName().toString().matches(FIGURE_FILE)) Files.delete(f);
            }
        }
    }

    /**
     * Bytes of SVG the page inlines at most: with the tables and the script it stays under 10 MB
     * whatever the study. Figures past the budget are linked instead (their files are complete).
     */
    static final long INLINE_BUDGET = 8_500_000;

    /** Keeps figures inline, in order, while they fit the remaining budget; later ones of a full section are linked only. */
    private static List<RenderedFigure> inline(List<RenderedFigure> figures, long[] budget) {
        List<RenderedFigure> out = new ArrayList<>();
        for (RenderedFigure f : figures) {
            long size = f.svg().getBytes(StandardCharsets.UTF_8).length;
            if (size <= budget[0]) {
                budget[0] -= size;
                out.add(f);
            } else {
                budget[0] = 0;
                out.add(f.linkedOnly());
            }
        }
        return out;
    }

    /** Writes each figure's SVG, then its PNG (the slow part, drawn on all cores: the figures are independent). */
    private static List<RenderedFigure> render(List<Figure> figures, Path dir, Options options, List<Path> files) throws IOException {
        List<RenderedFigure> out = new ArrayList<>();
        if (options.png()) {
            try {
                figures.parallelStream().forEach(f -> {
                    try {
                        AtomicFile.write(dir.resolve(f.id() + ".png"), FigureRenderer.png(f, FigureRenderer.POSTER_DPI));
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                });
            } catch (UncheckedIOException e) {
                throw e.getCause();
            }
        }
        for (Figure f : figures) {
            String svg = FigureRenderer.svg(f);
            Path svgFile = dir.resolve(f.id() + ".svg"), pngFile = dir.resolve(f.id() + ".png");
            AtomicFile.write(svgFile, ("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n" + svg).getBytes(StandardCharsets.UTF_8));
            files.add(svgFile);
            if (options.png()) files.add(pngFile);
            out.add(new RenderedFigure(f.id(), f.title(), svg, FIGURES + "/" + svgFile.getFileName(),
                    options.png() ? FIGURES + "/" + pngFile.getFileName() : null, true));
        }
        return out;
    }
}
