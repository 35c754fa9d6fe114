package org.initlab.report.html;

import org.initlab.report.figures.FigureSet;

import java.util.List;

/**
 * A section of a report: its anchor, its heading and table-of-contents entry, the figures it
 * shows, and its text and tables. The page writes {@code <section id=…>}, the heading and the
 * table of contents; the writer builds, renders and files the figures; the section writes the rest.
 * A report is an ordered list of sections ({@link StudyReport#SECTIONS}).
 */
public interface Section {
    /** Its element id and table-of-contents anchor: lower-case letters, digits and '-'; unique in a report and the same for every study. */
    String id();

    /** The heading over it. */
    String heading(ReportInput in);

    /** Its entry in the table of contents: the heading unless a shorter one reads better. */
    default String tocEntry(ReportInput in) {
        return heading(in);
    }

    /**
     * Whether this study has anything for it. A section that does not apply is left out: no
     * heading, no table-of-contents entry, no figures (figure files of an earlier report are removed).
     */
    default boolean appliesTo(ReportInput in) {
        return true;
    }

    /**
     * The kinds of figure it shows, in order; none for a section of text and tables. Fixed for the
     * section, whatever the study (a set draws nothing where it has nothing to show): the report
     * knows its figure files by these sets' prefixes.
     */
    default List<FigureSet> figureSets() {
        return List.of();
    }

    /**
     * Writes its body under the heading: text, tables and its figures, given rendered in the
     * order of {@link #figureSets()} (some may be linked only, see {@link RenderedFigure#inline()}).
     */
    void write(Page p, ReportInput in, List<RenderedFigure> figures);
}
