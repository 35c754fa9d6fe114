package org.initlab.report.plot;

/**
 * Text widths for layout, from a fixed table instead of the fonts installed: the SVG a figure
 * becomes must not depend on the machine. The table is DejaVu Sans's advance widths (the font
 * the PNGs are drawn with, and the first choice of the SVGs) for printable ASCII, in 1/1000 em;
 * other characters count as 0.84 em, bold text as 1.11× wider.
 */
public final class TextMetrics {
    private TextMetrics() {}

    private static final short[] ASCII = {
            318, 401, 460, 838, 636, 950, 780, 275, 390, 390, 500, 838, 318, 361, 318, 337, 636, 636, 636, 636, 636, 636,
            636, 636, 636, 636, 337, 337, 838, 838, 838, 531, 1000, 684, 686, 698, 770, 632, 575, 775, 752, 295, 295, 656,
            557, 863, 748, 787, 603, 787, 695, 635, 611, 732, 684, 989, 685, 611, 685, 390, 337, 390, 838, 500, 500, 613,
            635, 550, 635, 615, 352, 635, 634, 278, 278, 579, 278, 974, 634, 612, 635, 635, 411, 521, 392, 634, 592, 818,
            592, 592, 525, 636, 337, 636, 838};

    public static double width(String s, double size, boolean bold) {
        double units = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c >= 32 && c < 127) units += ASCII[c - 32];
            else if (c == '·') units += 318;
            else if (c == '–' || c == '⁻' || c == '²' || c == '³' || c == '¹' || c == '⁰') units += 500;
            else units += 838;
        }
        return units / 1000 * size * (bold ? 1.11 : 1);
    }

    /** {@code s} shortened with "…" to fit {@code max} pixels. */
    public static String fit(String s, double size, boolean bold, double max) {
        if (width(s, size, bold) <= max) return s;
        String t = s;
        while (t.length() > 1 && width(t + "…", size, bold) > max) t = t.substring(0, t.length() - 1);
        return t + "…";
    }
}
