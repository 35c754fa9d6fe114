package org.initlab.report.html;

import java.util.List;

/** A section as the page shows it: the section and its figures as rendered, in the order of its figure sets. */
public record RenderedSection(Section section, List<RenderedFigure> figures) {
    public RenderedSection {
        figures = List.copyOf(figures);
    }
}
