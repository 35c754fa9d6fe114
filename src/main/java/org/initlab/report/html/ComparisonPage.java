package org.initlab.report.html;

import org.initlab.report.model.StudyAggregate;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * compare.html: studies side by side, in the report's page frame ({@link PageFrame}) — the
 * conclusions that change first, then the matched configurations' results and differences, their
 * figures, and how the studies differ by design. A new section is a class here and one line in
 * {@link #SECTIONS}.
 */
public final class ComparisonPage {
    private ComparisonPage() {}

    public static final List<ComparisonSection> SECTIONS = List.of(
            new ChangesSection(),
            new SideBySideSection(),
            new ComparisonFiguresSection(),
            new StudiesSection());

    public static String html(ComparisonInput in, List<RenderedFigure> figures) {
        Page p = new Page();
        String title = String.join(" vs ", in.names());
        PageFrame.open(p, title + " — initlab comparison");
        List<ComparisonSection> shown = SECTIONS.stream().filter(s -> s.appliesTo(in)).toList();
        List<String> facts = new ArrayList<>();
        for (int i = 0; i < in.studies().size(); i++) {
            StudyAggregate a = in.studies().get(i);
            facts.add(in.names().get(i) + ": " + a.data().manifest().protocol() + " protocol, "
                    + (a.data().manifest().data() == null ? "" : a.data().manifest().data().dataset() + ", ") + a.data().runs().size() + " runs, "
                    + ReportPage.seedsText(a));
        }
        PageFrame.header(p, "Comparison: " + title, "The same configurations under " + in.studies().size()
                        + " studies: per configuration each study's result and the difference, and which conclusions change. "
                        + in.names().getFirst() + " is the reference.", facts,
                shown.stream().map(s -> Map.entry(s.id(), s.tocEntry(in))).toList());
        p.raw("<main>\n");
        for (ComparisonSection s : shown) {
            p.raw("<section id=\"" + s.id() + "\">\n");
            p.element("h2", "", s.heading(in));
            s.write(p, in, figures);
            p.raw("</section>\n");
        }
        p.raw("</main>\n");
        Map<String, Object> meta = new LinkedHashMap<>();
        meta.put("studies", in.names());
        meta.put("figures", figures.stream().filter(RenderedFigure::inline).map(RenderedFigure::id).toList());
        PageFrame.close(p, meta);
        return p.toString();
    }

    /** "seed-notebook vs seed" as a sub-heading where a page compares more than two studies, else nothing. */
    static void pairHeading(Page p, ComparisonInput in, int i) {
        if (in.comparisons().size() > 1) p.element("h3", "", in.comparisons().get(i).nameB() + " against " + in.comparisons().get(i).nameA());
    }
}
