package org.initlab.report.plot;

/**
 * How a text is set: size in px, weight, colour, which end of it sits at the anchor point, and a
 * rotation in degrees (−90: reads upwards). The anchor point's y is the baseline.
 */
public record TextStyle(double size, boolean bold, Rgb colour, Anchor anchor, double rotation) {
    public enum Anchor { START, MIDDLE, END }

    public static TextStyle of(double size, Anchor anchor) {
        return new TextStyle(size, false, Rgb.TEXT, anchor, 0);
    }

    public TextStyle asBold() { return new TextStyle(size, true, colour, anchor, rotation); }

    public TextStyle colour(Rgb c) { return new TextStyle(size, bold, c, anchor, rotation); }

    public TextStyle rotated(double degrees) { return new TextStyle(size, bold, colour, anchor, degrees); }

    public double width(String s) { return TextMetrics.width(s, size, bold); }
}
