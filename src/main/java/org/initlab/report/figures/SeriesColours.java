package org.initlab.report.figures;

import org.initlab.report.model.StudyDesign;
import org.initlab.report.plot.Figure;
import org.initlab.report.plot.Marker;
import org.initlab.report.plot.Palette;
import org.initlab.report.plot.Rgb;

/**
 * One look per level of a primary factor across the whole report: level i of the factor (in the
 * spec's order) gets palette colour, dash and symbol i, so "he" is the same blue, dashed, with
 * squares, in every figure and table.
 */
public record SeriesColours(StudyDesign design) {
    public Rgb colour(String factor, String level) {
        return Palette.colour(index(factor, level));
    }

    public double[] dash(String factor, String level) {
        return Palette.dash(index(factor, level));
    }

    public Marker marker(String factor, String level) {
        return Palette.marker(index(factor, level));
    }

    private int index(String factor, String level) {
        int i = design.levelIndex(factor, level);
        return i == Integer.MAX_VALUE ? 0 : i;
    }

    /** The key that ties a series to its legend entry (unique within a figure). */
    public static String key(String level) {
        return level;
    }

    public Figure.LegendEntry legend(String factor, String level) {
        return Figure.LegendEntry.series(key(level), level, colour(factor, level), dash(factor, level), marker(factor, level));
    }
}
