package org.initlab.report.html;

import java.util.List;

/** The comparisons' figures: both studies' test error per configuration, and the difference with its interval. */
final class ComparisonFiguresSection implements ComparisonSection {
    @Override
    public String id() {
        return "figures";
    }

    @Override
    public String heading(ComparisonInput in) {
        return "Figures";
    }

    @Override
    public boolean appliesTo(ComparisonInput in) {
        return in.comparisons().stream().anyMatch(c -> !c.matching().pairs().isEmpty());
    }

    @Override
    public void write(Page p, ComparisonInput in, List<RenderedFigure> figures) {
        p.element("p", "", "One panel per scenario of " + in.names().getFirst() + ". Hover over a panel to read the values; click a legend entry to hide or show a series.");
        for (int i = 0; i < in.comparisons().size(); i++) {
            ComparisonPage.pairHeading(p, in, i);
            String prefix = "compare-" + (i + 1) + "-";
            for (RenderedFigure f : figures) if (f.id().startsWith(prefix)) FigureHtml.figure(p, f);
        }
    }
}
