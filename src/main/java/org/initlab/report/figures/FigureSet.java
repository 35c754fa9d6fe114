package org.initlab.report.figures;

import org.initlab.report.plot.Figure;

import java.util.List;

/**
 * One kind of figure the report draws (training curves, weight histograms, …): how it is built
 * from a study, and the prefix that names its figures. A report section lists the sets it shows;
 * adding a figure to the report is a new set and one line in a section's list.
 */
public interface FigureSet {
    /**
     * The start of every id this set gives its figures, followed by '-': "curves" names
     * {@code curves-1-activations.svg}. Unique in a report; a report removes the files of an
     * earlier one by these prefixes, so a set must never write a figure without it.
     */
    String prefix();

    /** The figures, in the order the page shows them; none where the study has nothing for them. */
    List<Figure> figures(FigureInput in);
}
