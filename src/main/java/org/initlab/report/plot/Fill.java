package org.initlab.report.plot;

/** How an area is filled: colour and opacity. */
public record Fill(Rgb colour, double opacity) {
    public static Fill of(Rgb colour) {
        return new Fill(colour, 1);
    }
}
