package org.initlab.report;

import org.initlab.report.figures.FigureInput;
import org.initlab.report.figures.FigureSet;
import org.initlab.report.figures.TrainingCurves;
import org.initlab.report.html.Page;
import org.initlab.report.html.RenderedFigure;
import org.initlab.report.html.ReportInput;
import org.initlab.report.html.Section;
import org.initlab.report.html.StudyReport;
import org.initlab.report.plot.Figure;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The report is its list of sections: the page, its table of contents and its figure files follow the list. */
class SectionsTest {
    /** The training curves under another prefix: a figure set the report does not have. */
    record Renamed(String prefix, boolean keepIds) implements FigureSet {
        @Override
        public List<Figure> figures(FigureInput in) {
            List<Figure> out = new ArrayList<>();
            for (Figure f : new TrainingCurves().figures(in)) {
                String id = keepIds ? f.id() : prefix + "-" + (out.size() + 1);
                out.add(new Figure(id, f.title(), f.subtitle(), f.panelWidth(), f.panelHeight(), f.columnHeaders(), f.rowHeaders(),
                        f.cells(), f.legend(), f.note(), f.choices()));
            }
            return out;
        }
    }

    /** A section with one figure set that applies or not. */
    record Extra(boolean applies, FigureSet set) implements Section {
        @Override
        public String id() {
            return "extra";
        }

        @Override
        public String heading(ReportInput in) {
            return "Extra figures";
        }

        @Override
        public boolean appliesTo(ReportInput in) {
            return applies;
        }

        @Override
        public List<FigureSet> figureSets() {
            return List.of(set);
        }

        @Override
        public void write(Page p, ReportInput in, List<RenderedFigure> figures) {
            for (RenderedFigure f : figures) p.element("p", "class=\"extra\"", f.id());
        }
    }

    /** A section of text alone, with a heading that follows the study. */
    record TextOnly() implements Section {
        @Override
        public String id() {
            return "text-only";
        }

        @Override
        public String heading(ReportInput in) {
            return in.agg().groups().size() + " configurations";
        }

        @Override
        public String tocEntry(ReportInput in) {
            return "Count";
        }

        @Override
        public void write(Page p, ReportInput in, List<RenderedFigure> figures) {
            p.element("p", "id=\"text-only-body\"", figures.isEmpty() ? "no figures" : figures.size() + " figures");
        }
    }

    static final Pattern TOC_ENTRY = Pattern.compile("<a href=\"#([a-z0-9-]+)\">([^<]*)</a>"), SECTION = Pattern.compile("<section id=\"([a-z0-9-]+)\">");

    @Test
    void thePageAndItsTableOfContentsFollowTheRegistry(@TempDir Path tmp) throws IOException {
        Path s = ReportWriterTest.study(tmp.resolve("s"), "fixture", List.of("xavier", "he"), 2);
        ReportWriter.write(s, new ReportWriter.Options(s, false, 12));
        String html = Files.readString(s.resolve("report.html"));
        List<String> ids = StudyReport.SECTIONS.stream().map(Section::id).toList();
        assertEquals(List.of("answers", "findings", "summary", "rq1", "rq2", "rq3", "claims", "edge-of-chaos", "weights", "activations", "gradients",
                "theory", "provenance"), ids);
        // the fixture states no claims, does not vary σ_w × depth and has no theory probe: those sections do not apply
        List<String> shown = ids.stream().filter(id -> !List.of("claims", "edge-of-chaos", "theory").contains(id)).toList();
        assertEquals(shown, all(SECTION, html.substring(html.indexOf("<main>")), 1));
        String toc = html.substring(html.indexOf("<nav class=\"toc\">"), html.indexOf("</nav>"));
        assertEquals(shown, all(TOC_ENTRY, toc, 1));
        assertEquals(List.of("Answers", "Findings", "Summary table", "Training", "Interactions", "Best where", "Weights", "Activations",
                "Gradient flow", "Provenance"), all(TOC_ENTRY, toc, 2));
    }

    /** Headings follow the study's factors; a section with nothing to show for them is left out. */
    @Test
    void sectionsFollowTheStudysFactors(@TempDir Path tmp) throws IOException {
        Path s = ReportWriterTest.study(tmp.resolve("s"), "fixture", List.of("xavier", "he"), 2);
        ReportWriter.write(s, new ReportWriter.Options(s, false, 12));
        String html = Files.readString(s.resolve("report.html"));
        assertTrue(html.contains("<h2>How does each initializer train?</h2>"));
        assertTrue(html.contains("<h2>How does the initializer interact with activation?</h2>"), "the one other factor the study varies");
        assertFalse(html.contains("optimizer") && html.contains("interact with activation, optimizer"), "no factor the study does not vary");
        assertTrue(html.contains("<h2>Which initializer is best where?</h2>"));

        // initializers alone: nothing to interact with, one scenario
        Path one = Fixtures.write(tmp.resolve("one"), Fixtures.manifest("inits", java.util.Map.of("e", java.util.Map.of("initializer", List.of("xavier", "he"))),
                initializersOnly()), initializersOnly(), "name: inits\n");
        ReportWriter.write(one, new ReportWriter.Options(one, false, 12));
        html = Files.readString(one.resolve("report.html"));
        assertFalse(html.contains("<section id=\"rq2\">") || html.contains("#rq2") || html.contains("interact with"), "no interactions section");
        assertTrue(html.contains("<h2>Which initializer is best?</h2>"), "one scenario: no 'where'");
        assertFalse(Files.list(one.resolve("figures")).anyMatch(f -> f.getFileName().toString().startsWith("interactions-")));
    }

    private static List<org.initlab.study.RunRecord> initializersOnly() {
        List<org.initlab.study.RunRecord> runs = new ArrayList<>();
        for (String init : List.of("xavier", "he")) {
            for (int seed = 0; seed < 3; seed++) {
                double a = init.equals("he") ? 0.97 + 0.001 * seed : 0.96 + 0.002 * seed;
                runs.add(Fixtures.run(init + seed, Fixtures.labels(init, "relu", seed), List.of("e"), new double[]{0.1, 0.8, a}, new double[]{0.1, 0.8, a}, 0));
            }
        }
        return runs;
    }

    /** Each finding is written once, at the top; the sections below link to it. */
    @Test
    void theFindingsAppearOnce(@TempDir Path tmp) throws IOException {
        Path s = ReportWriterTest.study(tmp.resolve("s"), "fixture", List.of("xavier", "he", "zero"), 3);
        ReportWriter.write(s, new ReportWriter.Options(s, false, 12));
        String html = Files.readString(s.resolve("report.html"));
        var agg = org.initlab.report.model.StudyAggregate.of(org.initlab.report.model.StudyData.load(s));
        var findings = org.initlab.report.text.Findings.all(agg);
        assertTrue(findings.stream().anyMatch(f -> f.kind() == org.initlab.report.text.Finding.Kind.INTERACTION));
        for (var f : findings) {
            String text = org.initlab.io.Escape.html(f.text());
            int count = html.split(java.util.regex.Pattern.quote(text), -1).length - 1;
            // each scenario's best is answered at the top (with its paired interval), not said again among the findings
            int expected = f.kind() == org.initlab.report.text.Finding.Kind.BEST ? 0 : 1;
            assertEquals(expected, count, "written " + count + " times: " + f.text());
        }
        assertTrue(html.contains("<section id=\"answers\">"), "the answers are on the page");
        // the answers at the top are a list of their own (per research question, with why), styled alike
        String besidesAnswers = html.replaceAll("(?s)<section id=\"answers\">.*?</section>", "");
        assertEquals(1, besidesAnswers.split("<ul class=\"findings\">", -1).length - 1, "one list of findings");
        String rq3 = html.substring(html.indexOf("<section id=\"rq3\">"));
        assertTrue(rq3.contains("<a href=\"#findings\">"), "the ranking links to the findings");
    }

    @Test
    void aSectionShowsWhenItAppliesAndItsFilesGoWhenItNoLongerDoes(@TempDir Path tmp) throws IOException {
        Path s = ReportWriterTest.study(tmp.resolve("s"), "fixture", List.of("xavier", "he"), 2);
        List<Section> shown = new ArrayList<>(StudyReport.SECTIONS);
        shown.add(2, new TextOnly());
        shown.add(new Extra(true, new Renamed("extra", false)));
        ReportWriter.write(s, new ReportWriter.Options(s, false, 12), shown);
        String html = Files.readString(s.resolve("report.html"));
        assertTrue(Files.isRegularFile(s.resolve("figures/extra-1.svg")));
        assertTrue(html.contains("<section id=\"extra\">\n<h2>Extra figures</h2>\n<p class=\"extra\">extra-1</p>"), "its figures, as rendered, in its body");
        assertTrue(html.contains("<section id=\"text-only\">\n<h2>4 configurations</h2>\n<p id=\"text-only-body\">no figures</p>\n</section>"));
        String toc = html.substring(html.indexOf("<nav class=\"toc\">"), html.indexOf("</nav>"));
        assertEquals("text-only", all(TOC_ENTRY, toc, 1).get(2), "in the registry's order");
        assertTrue(toc.contains("<a href=\"#extra\">Extra figures</a>"), "the heading is the entry unless the section says otherwise");

        List<Section> hidden = new ArrayList<>(StudyReport.SECTIONS);
        hidden.add(new Extra(false, new Renamed("extra", false)));
        ReportWriter.write(s, new ReportWriter.Options(s, false, 12), hidden);
        html = Files.readString(s.resolve("report.html"));
        assertFalse(html.contains("id=\"extra\"") || html.contains("#extra"), "no section, no entry");
        assertFalse(Files.exists(s.resolve("figures/extra-1.svg")), "the files of a section that no longer applies are stale");
        assertTrue(Files.exists(s.resolve("figures/curves-1-grid.svg")));
    }

    @Test
    void aFigureMustCarryItsSetsPrefix(@TempDir Path tmp) throws IOException {
        Path s = ReportWriterTest.study(tmp.resolve("s"), "fixture", List.of("xavier", "he"), 2);
        List<Section> registry = new ArrayList<>(StudyReport.SECTIONS);
        registry.add(new Extra(true, new Renamed("extra", true)));
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> ReportWriter.write(s, new ReportWriter.Options(s, false, 12), registry));
        assertTrue(e.getMessage().contains("lacks its prefix extra"), e.getMessage());
    }

    @Test
    void twoFiguresCannotShareAFile(@TempDir Path tmp) throws IOException {
        Path s = ReportWriterTest.study(tmp.resolve("s"), "fixture", List.of("xavier", "he"), 2);
        List<Section> registry = new ArrayList<>(StudyReport.SECTIONS);
        registry.add(new Extra(true, new TrainingCurves()));
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> ReportWriter.write(s, new ReportWriter.Options(s, false, 12), registry));
        assertTrue(e.getMessage().contains("two figures have the id curves-1-grid"), e.getMessage());
    }

    @Test
    void everyFigureSetOfTheReportHasItsOwnPrefix() {
        List<String> prefixes = StudyReport.SECTIONS.stream().flatMap(s -> s.figureSets().stream()).map(FigureSet::prefix).toList();
        assertEquals(List.of("curves", "interactions", "phase", "weights", "activations", "gradients", "theory"), prefixes);
        assertEquals(prefixes.size(), new HashSet<>(prefixes).size());
        Pattern names = FigureFiles.names(ReportWriter.figurePrefixes(StudyReport.SECTIONS));
        for (String f : List.of("curves-1-activations.svg", "interactions-heatmap-2.png", "gradients-12-relu-sgd.png")) assertTrue(names.matcher(f).matches(), f);
        for (String f : List.of("poster-1.png", "curves.svg", "notes.txt", "weights-1.pdf", "xcurves-1.svg")) assertFalse(names.matcher(f).matches(), f);
    }

    @Test
    void theInlineBudgetRunsAcrossSectionsAndStopsAtTheFirstFigureOverIt() {
        RenderedFigure small = new RenderedFigure("a-1", "a", "x".repeat(10), "figures/a-1.svg", null, true);
        RenderedFigure big = new RenderedFigure("b-1", "b", "x".repeat(30), "figures/b-1.svg", null, true);
        long[] budget = {25};
        List<RenderedFigure> first = ReportWriter.inline(List.of(small), budget);
        List<RenderedFigure> second = ReportWriter.inline(List.of(big, small), budget);
        assertEquals(List.of(true), first.stream().map(RenderedFigure::inline).toList());
        assertEquals(List.of(false, false), second.stream().map(RenderedFigure::inline).toList(), "after the first one over budget, the rest are linked");
        assertEquals(0, budget[0]);
    }

    private static List<String> all(Pattern p, String text, int group) {
        List<String> out = new ArrayList<>();
        Matcher m = p.matcher(text);
        while (m.find()) out.add(m.group(group));
        return out;
    }
}
