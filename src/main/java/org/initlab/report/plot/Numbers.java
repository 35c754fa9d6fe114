package org.initlab.report.plot;

import java.math.BigDecimal;
import java.util.Locale;

/** Number text for axes and labels: locale-free, a true minus sign, no "-0". */
public final class Numbers {
    private Numbers() {}

    private static final String SUPERSCRIPTS = "⁰¹²³⁴⁵⁶⁷⁸⁹";

    /** v with exactly {@code decimals} decimals. */
    public static String fixed(double v, int decimals) {
        if (Double.isNaN(v)) return "—";
        if (Double.isInfinite(v)) return v > 0 ? "∞" : "−∞";
        String s = String.format(Locale.ROOT, "%." + decimals + "f", v);
        if (s.matches("-0(\\.0*)?")) s = s.substring(1);
        return s.replace('-', '−');
    }

    /** v in the fewest digits that show it (up to 6 significant): 0.05, 2, 1e-05 as 0.00001. */
    public static String plain(double v) {
        if (v == 0) return "0";
        if (Double.isNaN(v)) return "—";
        BigDecimal d = new BigDecimal(v).round(new java.math.MathContext(6)).stripTrailingZeros();
        return d.toPlainString().replace('-', '−');
    }

    /** 10ᵉ with a superscript exponent: 10⁻⁴, 10⁰, 10³. */
    public static String superscript(int e) {
        StringBuilder sb = new StringBuilder("10");
        if (e < 0) sb.append('⁻');
        for (char c : Integer.toString(Math.abs(e)).toCharArray()) sb.append(SUPERSCRIPTS.charAt(c - '0'));
        return sb.toString();
    }
}
