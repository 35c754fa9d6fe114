package org.initlab.report;

import org.initlab.UserError;
import org.initlab.io.FileProblem;
import org.initlab.io.AtomicFile;
import org.initlab.io.Disk;
import org.initlab.report.figures.FigureInput;
import org.initlab.report.figures.FigureSet;
import org.initlab.report.figures.SeriesColours;
import org.initlab.report.html.RenderedFigure;
import org.initlab.report.html.RenderedSection;
import org.initlab.report.html.ReportInput;
import org.initlab.report.html.ReportPage;
import org.initlab.report.html.Section;
import org.initlab.report.html.StudyReport;
import org.initlab.report.model.StudyAggregate;
import org.initlab.report.model.StudyData;
import org.initlab.report.plot.Figure;
import org.initlab.report.text.Findings;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Writes a study's report: {@code report.html} (one offline file: the sections of
 * {@link StudyReport#SECTIONS} that apply, in order), every figure of theirs as SVG and as a
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
    public record Options(Path out, boolean png, int maxLayerScenarios, Disk disk) {
        public Options {
            if (maxLayerScenarios < 0) throw new IllegalArgumentException("maxLayerScenarios must be ≥ 0");
        }

        /** On the file system. */
        public Options(Path out, boolean png, int maxLayerScenarios) {
            this(out, png, maxLayerScenarios, Disk.REAL);
        }

        public static Options defaults(Path out) {
            return new Options(out, true, 12);
        }

        /** These options, writing through {@code disk}. */
        public Options on(Disk disk) {
            return new Options(out, png, maxLayerScenarios, disk);
        }
    }

    /** What was written. */
    public record Written(Path html, Path csv, Path markdown, List<Path> figures, long htmlBytes, int runs, int configurations) {}

    public static Written write(Path studyDir, Options options) {
        return write(StudyData.load(studyDir), options, StudyReport.SECTIONS);
    }

    /** The report of the study as read already. */
    public static Written write(StudyData data, Options options) {
        return write(data, options, StudyReport.SECTIONS);
    }

    static Written write(Path studyDir, Options options, List<Section> registry) {
        return write(StudyData.load(studyDir), options, registry);
    }

    /** The report of these sections, in order: those that apply to the study are shown; the figure files of all are the report's. */
    static Written write(StudyData data, Options options, List<Section> registry) {
        StudyAggregate agg = StudyAggregate.of(data);
        ReportInput in = new ReportInput(new FigureInput(agg, new SeriesColours(agg.design()), options.maxLayerScenarios()),
                Findings.all(agg), CSV, MARKDOWN);
        Path out = options.out();
        try {
            FigureFiles figureFiles = new FigureFiles(out.resolve(FIGURES), FIGURES, options.png(), options.disk());
            List<Section> sections = registry.stream().filter(s -> s.appliesTo(in)).toList();
            List<List<Figure>> figures = new ArrayList<>();
            for (Section s : sections) figures.add(figures(s, in));
            List<RenderedFigure> rendered = figureFiles.write(figures.stream().flatMap(List::stream).toList());
            List<RenderedSection> page = new ArrayList<>();
            long[] budget = {INLINE_BUDGET};
            int from = 0;
            for (int i = 0; i < sections.size(); i++) {
                int to = from + figures.get(i).size();
                page.add(new RenderedSection(sections.get(i), inline(rendered.subList(from, to), budget)));
                from = to;
            }
            figureFiles.removeStale(figurePrefixes(registry));
            Path csv = out.resolve(CSV), md = out.resolve(MARKDOWN), html = out.resolve(HTML);
            options.disk().write(csv, SummaryTables.csv(agg).getBytes(StandardCharsets.UTF_8));
            options.disk().write(md, SummaryTables.markdown(agg, in.findings()).getBytes(StandardCharsets.UTF_8));
            byte[] bytes = ReportPage.html(in, page).getBytes(StandardCharsets.UTF_8);
            options.disk().write(html, bytes);
            return new Written(html, csv, md, figureFiles.written(), bytes.length, data.runs().size(), agg.groups().size());
        } catch (IOException e) {
            throw new UserError("cannot write the report to " + out + ": " + FileProblem.why(e), e);
        }
    }

    /**
     * Deletes the temporary files an interrupted report left in {@code out} (beside its page and
     * tables, and in its figure folder). Only for the holder of the study folder's lock.
     */
    public static void removeTemporaries(Path out, Disk disk) {
        try {
            List<Path> temps = new ArrayList<>(AtomicFile.temporaries(out.resolve(FIGURES)));
            for (String f : List.of(HTML, CSV, MARKDOWN)) temps.addAll(AtomicFile.temporariesOf(out.resolve(f)));
            for (Path t : temps) disk.delete(t);
        } catch (IOException e) {
            throw new UserError("cannot write the report to " + out + ": " + FileProblem.why(e), e);
        }
    }

    /** A section's figures, set by set; each figure's id must start with its set's prefix, by which stale files are found. */
    private static List<Figure> figures(Section section, ReportInput in) {
        List<Figure> out = new ArrayList<>();
        for (FigureSet set : section.figureSets()) {
            for (Figure f : set.figures(in.figureInput())) {
                if (!f.id().startsWith(set.prefix() + "-")) {
                    throw new IllegalStateException("figure " + f.id() + " of " + set.getClass().getSimpleName() + " lacks its prefix " + set.prefix());
                }
                out.add(f);
            }
        }
        return out;
    }

    /**
     * The prefixes of every figure set of these sections, also of sections that do not apply to
     * this study: their files from an earlier report are stale too.
     */
    static List<String> figurePrefixes(List<Section> sections) {
        return sections.stream().flatMap(s -> s.figureSets().stream()).map(FigureSet::prefix).distinct().toList();
    }

    /**
     * Bytes of SVG the page inlines at most: with the curves' data (at most 1.5 MB), the tables
     * and the scripts it stays under 10 MB whatever the study. Figures past the budget are linked
     * instead (their files are complete).
     */
    static final long INLINE_BUDGET = 7_000_000;

    /** Keeps figures inline, in order, while they fit the remaining budget; once one does not, it and every later one are linked only. */
    static List<RenderedFigure> inline(List<RenderedFigure> figures, long[] budget) {
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
}
