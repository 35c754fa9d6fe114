package org.initlab.report.plot;

/**
 * A sequential colour scale for heatmaps: matplotlib's viridis (van der Walt &amp; Smith 2015),
 * perceptually uniform and readable in grey and by colour-blind readers, here as linear
 * interpolation between nine of its colours (at 0, 1/8, …, 1).
 */
public final class ColourScale {
    private ColourScale() {}

    private static final Rgb[] VIRIDIS = {
            Rgb.hex("#440154"), Rgb.hex("#472d7b"), Rgb.hex("#3b528b"), Rgb.hex("#2c728e"), Rgb.hex("#21918c"),
            Rgb.hex("#28ae80"), Rgb.hex("#5ec962"), Rgb.hex("#addc30"), Rgb.hex("#fde725")};

    /** The colour at t ∈ [0, 1] (clamped); NaN gives light grey. */
    public static Rgb viridis(double t) {
        if (Double.isNaN(t)) return new Rgb(0xDD, 0xDD, 0xDD);
        double x = Math.max(0, Math.min(1, t)) * (VIRIDIS.length - 1);
        int i = Math.min((int) Math.floor(x), VIRIDIS.length - 2);
        return VIRIDIS[i].mix(VIRIDIS[i + 1], x - i);
    }
}
