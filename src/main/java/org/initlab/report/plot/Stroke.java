package org.initlab.report.plot;

/** How a line is drawn: colour, width in px, opacity, dash pattern (empty for solid). */
public record Stroke(Rgb colour, double width, double opacity, double[] dash) {
    public Stroke {
        dash = dash.clone();
    }

    public static Stroke solid(Rgb colour, double width) {
        return new Stroke(colour, width, 1, new double[0]);
    }

    public Stroke withOpacity(double o) {
        return new Stroke(colour, width, o, dash);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Stroke s && colour.equals(s.colour) && width == s.width && opacity == s.opacity
                && java.util.Arrays.equals(dash, s.dash);
    }

    @Override
    public int hashCode() {
        return colour.hashCode() * 31 + Double.hashCode(width);
    }
}
