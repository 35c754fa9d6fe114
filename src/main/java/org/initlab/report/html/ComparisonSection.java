package org.initlab.report.html;

import java.util.List;

/**
 * A section of the page that sets studies side by side, as {@link Section} is of a study's report:
 * its anchor, heading and table-of-contents entry, whether it applies, and its body (given the
 * page's rendered figures, of which it shows its own). {@link ComparisonPage#SECTIONS} lists them.
 */
public interface ComparisonSection {
    /** Its element id and anchor: lower-case letters, digits and '-'. */
    String id();

    String heading(ComparisonInput in);

    default String tocEntry(ComparisonInput in) {
        return heading(in);
    }

    default boolean appliesTo(ComparisonInput in) {
        return true;
    }

    void write(Page p, ComparisonInput in, List<RenderedFigure> figures);
}
