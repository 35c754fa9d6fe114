package org.initlab.report.plot;

import java.util.List;

/**
 * The series colours: Okabe &amp; Ito's colour-blind-safe palette ("Color Universal Design", 2002),
 * ordered so the first four are told apart best in print and by every kind of colour vision;
 * yellow is last because it is weak on white. Each series also has its own dash pattern and
 * point symbol ({@link Marker}): lines that coincide stay visible (one dashed over another solid),
 * and past eight series, where colours repeat, every series stays distinguishable.
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

    /** Solid first; then dashes that differ in rhythm, not only in length, so two of them on top of each other still show both. */
    private static final List<double[]> DASHES = List.of(new double[0], new double[]{7, 3}, new double[]{2, 2.5}, new double[]{9, 3, 2, 3},
            new double[]{4, 2, 1, 2, 1, 2});

    private static final List<Marker> MARKERS = List.of(Marker.CIRCLE, Marker.SQUARE, Marker.TRIANGLE, Marker.DIAMOND, Marker.TRIANGLE_DOWN,
            Marker.CROSS);

    /** The colour of series {@code index} (0-based). */
    public static Rgb colour(int index) {
        return OKABE_ITO.get(Math.floorMod(index, OKABE_ITO.size()));
    }

    /** The dash pattern of series {@code index}: solid for the first, then one per series (five patterns, then again). */
    public static double[] dash(int index) {
        return DASHES.get(Math.floorMod(index, DASHES.size())).clone();
    }

    /** The point symbol of series {@code index} (six shapes, then again; with the colours and dashes no two of the first 120 series look alike). */
    public static Marker marker(int index) {
        return MARKERS.get(Math.floorMod(index, MARKERS.size()));
    }
}
