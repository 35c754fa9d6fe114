package org.initlab.report.plot;

/**
 * A point symbol. Each series of a line panel has its own, besides its colour and dash, so series
 * that coincide (two initializers at the same accuracy) stay visible and tell apart in grey print:
 * distinct shapes survive where colours overlap (Cleveland 1985, The Elements of Graphing Data, §3.3).
 */
public enum Marker {
    NONE, CIRCLE, SQUARE, TRIANGLE, DIAMOND, TRIANGLE_DOWN, CROSS;

    /** The outline of the symbol centred at (x, y) with radius r, as a closed polygon (a circle is drawn as such). */
    double[][] polygon(double x, double y, double r) {
        return switch (this) {
            case SQUARE -> new double[][]{{x - r * 0.85, x + r * 0.85, x + r * 0.85, x - r * 0.85}, {y - r * 0.85, y - r * 0.85, y + r * 0.85, y + r * 0.85}};
            case TRIANGLE -> new double[][]{{x, x + r * 1.1, x - r * 1.1}, {y - r * 1.15, y + r * 0.8, y + r * 0.8}};
            case TRIANGLE_DOWN -> new double[][]{{x, x + r * 1.1, x - r * 1.1}, {y + r * 1.15, y - r * 0.8, y - r * 0.8}};
            case DIAMOND -> new double[][]{{x, x + r * 1.15, x, x - r * 1.15}, {y - r * 1.15, y, y + r * 1.15, y}};
            case CROSS -> {
                double a = r * 1.05, b = r * 0.38;
                yield new double[][]{{x - b, x + b, x + b, x + a, x + a, x + b, x + b, x - b, x - b, x - a, x - a, x - b},
                        {y - a, y - a, y - b, y - b, y + b, y + b, y + a, y + a, y + b, y + b, y - b, y - b}};
            }
            case NONE, CIRCLE -> null;
        };
    }

    /** Draws the symbol filled with {@code fill}, outlined in white so it stands out on lines and bands. */
    void draw(Canvas c, double x, double y, double r, Rgb fill) {
        if (this == NONE) return;
        Stroke edge = Stroke.solid(Rgb.WHITE, 0.8);
        double[][] p = polygon(x, y, r);
        if (p == null) c.circle(x, y, r, Fill.of(fill), edge);
        else c.polygon(p[0], p[1], Fill.of(fill), edge);
    }
}
