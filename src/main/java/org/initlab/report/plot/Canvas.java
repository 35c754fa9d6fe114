package org.initlab.report.plot;

import java.util.Map;

/**
 * What a figure is drawn on, in px with y downwards: the SVG writer and the Java2D raster
 * implement the same primitives, so the SVG and the PNG of a figure are the same drawing.
 * Groups and hover data only matter to interactive output (SVG); the raster ignores them.
 */
public interface Canvas {
    void line(double x1, double y1, double x2, double y2, Stroke stroke);

    /** An open polyline through the n points; a NaN coordinate breaks it into pieces. */
    void polyline(double[] xs, double[] ys, Stroke stroke);

    /** A closed, filled polygon (no outline when {@code stroke} is null). */
    void polygon(double[] xs, double[] ys, Fill fill, Stroke stroke);

    /** A rectangle; fill or stroke may be null. */
    void rect(double x, double y, double w, double h, Fill fill, Stroke stroke);

    void circle(double cx, double cy, double r, Fill fill, Stroke stroke);

    void text(double x, double y, String text, TextStyle style);

    /**
     * Starts a group: {@code cssClass} and {@code data} (attribute name without "data-" → value)
     * let the page's script find it; {@code tip} is a hover text (null for none).
     */
    void beginGroup(String cssClass, Map<String, String> data, String tip);

    void endGroup();

    /**
     * Starts the group of one view of a {@link ChoicePanel}, shown under these options of the
     * choice ({@code shown}: the default is among them). End it with {@link #endGroup()}.
     *
     * @return whether to draw the view: interactive output keeps every view, a raster only the one shown
     */
    boolean beginVariant(String choice, java.util.List<String> options, boolean shown);

    /** Starts a group clipped to the rectangle; end it with {@link #endGroup()}. */
    void beginClip(double x, double y, double w, double h);

    /**
     * An invisible hover target over a panel's plot area: at pixel column {@code xs[i]} the
     * tooltip shows {@code titles[i]} and each series' {@code values[s][i]} (null: no value).
     */
    void hoverTarget(double x, double y, double w, double h, double[] xs, String[] titles, HoverSeries[] series);

    /** A series as a hover target lists it. */
    record HoverSeries(String key, String label, Rgb colour, String[] values) {}
}
