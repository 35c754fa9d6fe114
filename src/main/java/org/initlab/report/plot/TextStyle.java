package org.initlab.report.plot;

/**
 * How a text is set: size in px, weight, colour, which end of it sits at the anchor point, a
 * rotation in degrees (−90: reads upwards), and an optional halo. The anchor point's y is the
 * baseline.
 *
 * @param halo      an outline of this colour drawn under the glyphs (null: none), as maps set names
 *                  over roads: a line drawn before the text is hidden where it passes close to the
 *                  glyphs, so the text stays readable over it
 * @param haloWidth the outline's stroke width in px, centred on the glyph edges (so it reaches
 *                  half of it beyond them)
 */
public record TextStyle(double size, boolean bold, Rgb colour, Anchor anchor, double rotation, Rgb halo, double haloWidth) {
    public enum Anchor { START, MIDDLE, END }

    public static TextStyle of(double size, Anchor anchor) {
        return new TextStyle(size, false, Rgb.TEXT, anchor, 0, null, 0);
    }

    public TextStyle asBold() { return new TextStyle(size, true, colour, anchor, rotation, halo, haloWidth); }

    public TextStyle colour(Rgb c) { return new TextStyle(size, bold, c, anchor, rotation, halo, haloWidth); }

    public TextStyle rotated(double degrees) { return new TextStyle(size, bold, colour, anchor, degrees, halo, haloWidth); }

    /** The same with a halo of colour {@code c}, {@code width} px wide (stroke width). */
    public TextStyle halo(Rgb c, double width) { return new TextStyle(size, bold, colour, anchor, rotation, c, width); }

    public boolean hasHalo() { return halo != null && haloWidth > 0; }

    public double width(String s) { return TextMetrics.width(s, size, bold); }
}
