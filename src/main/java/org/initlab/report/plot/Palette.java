package org.initlab.report.plot;

import java.util.List;

/**
 * The series colours: Okabe &amp; Ito's colour-blind-safe palette ("Color Universal Design", 2002),
 * ordered so the first four are told apart best in print and by every kind of colour vision;
 * yellow is last because it is weak on white. Past eight series the colours repeat with a dash
 * pattern, so every series stays distinguishable.
 */
public final class Palette {
    private Palette() {}

    public static final List<Rgb> OKABE_ITO = List.of(
            Rgb.hex("#0072B2"), // blue
            Rgb.hex("#D55E00"), // vermillion
            Rgb.hex("#009E73"), // bluish green
            Rgb.hex("#CC79A7"), // reddish purple
            Rgb.hex("#E69F00"), // orange
            Rgb.hex("#56B4E9"), // sky blue
            Rgb.hex("#000000"), // black
            Rgb.hex("#F0E442")); // yellow

    private static final List<double[]> DASHES = List.of(new double[0], new double[]{6, 3}, new double[]{2, 2}, new double[]{8, 3, 2, 3});

    /** The colour of series {@code index} (0-based). */
    public static Rgb colour(int index) {
        return OKABE_ITO.get(Math.floorMod(index, OKABE_ITO.size()));
    }

    /** The dash pattern of series {@code index}: solid for the first eight. */
    public static double[] dash(int index) {
        return DASHES.get(Math.floorMod(index / OKABE_ITO.size(), DASHES.size())).clone();
    }
}
