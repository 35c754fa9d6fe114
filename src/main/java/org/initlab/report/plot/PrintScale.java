package org.initlab.report.plot;

/**
 * The size a panel saved alone prints at: one scale for every panel, 250 px (the width of a
 * training-curve panel) to 8 cm, so text is the same size on paper in every panel of a poster.
 * Panel text is at least {@link #MIN_TEXT_PX} px, 8.2 pt at that scale; a PNG of a panel has
 * 300 dots per inch at it.
 */
public final class PrintScale {
    private PrintScale() {}

    /** Centimetres per px of a panel on paper: 8 cm / 250 px. */
    public static final double CM_PER_PX = 8.0 / 250;
    /** The smallest text in a panel, in px. */
    public static final double MIN_TEXT_PX = 9;
    /** The smallest text on paper, in points, that {@link #MIN_TEXT_PX} must reach. */
    public static final double MIN_POINTS = 8;

    /** A size in px as printed, in points (1 pt = 1/72 inch = 2.54/72 cm). */
    public static double points(double px) {
        return px * CM_PER_PX / 2.54 * 72;
    }
}
