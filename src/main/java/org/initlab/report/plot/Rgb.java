package org.initlab.report.plot;

import java.util.Locale;

/** An opaque sRGB colour, 0–255 per channel. */
public record Rgb(int r, int g, int b) {
    public static final Rgb BLACK = new Rgb(0, 0, 0);
    public static final Rgb WHITE = new Rgb(255, 255, 255);
    public static final Rgb TEXT = new Rgb(0x22, 0x22, 0x22);
    public static final Rgb MUTED = new Rgb(0x66, 0x66, 0x66);
    public static final Rgb GRID = new Rgb(0xE3, 0xE3, 0xE3);
    public static final Rgb AXIS = new Rgb(0x88, 0x88, 0x88);

    public Rgb {
        if ((r | g | b) < 0 || r > 255 || g > 255 || b > 255) throw new IllegalArgumentException("channel out of 0..255");
    }

    /** From "#RRGGBB". */
    public static Rgb hex(String hex) {
        int v = Integer.parseInt(hex.substring(1), 16);
        return new Rgb(v >> 16 & 255, v >> 8 & 255, v & 255);
    }

    public String hex() {
        return String.format(Locale.ROOT, "#%02x%02x%02x", r, g, b);
    }

    /** (1 − t)·this + t·other, per channel. */
    public Rgb mix(Rgb other, double t) {
        return new Rgb((int) Math.round(r + (other.r - r) * t), (int) Math.round(g + (other.g - g) * t),
                (int) Math.round(b + (other.b - b) * t));
    }

    /**
     * WCAG relative luminance: 0.2126 R + 0.7152 G + 0.0722 B of the linearised channels
     * (sRGB, IEC 61966-2-1); text on this colour is black above 0.18, white below.
     */
    public double luminance() {
        return 0.2126 * linear(r) + 0.7152 * linear(g) + 0.0722 * linear(b);
    }

    private static double linear(int c) {
        double s = c / 255.0;
        return s <= 0.04045 ? s / 12.92 : Math.pow((s + 0.055) / 1.055, 2.4);
    }

    public Rgb readableText() {
        return luminance() > 0.18 ? TEXT : WHITE;
    }
}
