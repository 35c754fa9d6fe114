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

    /** 10ᵉ as text: 0.01, 0.1, 1, 10, 100 within three decades of 1, else 10⁻⁴ style. */
    public static String powerOfTen(int e) {
        if (e >= -2 && e <= 3) return plain(Math.pow(10, e));
        return superscript(e);
    }

    /** 10ᵉ with a superscript exponent: 10⁻⁴, 10⁰, 10³. */
    public static String superscript(int e) {
        StringBuilder sb = new StringBuilder("10");
        if (e < 0) sb.append('⁻');
        for (char c : Integer.toString(Math.abs(e)).toCharArray()) sb.append(SUPERSCRIPTS.charAt(c - '0'));
        return sb.toString();
    }

    /** Three significant digits, for values on log axes and in tooltips: 0.000123 → 1.23e−4 style when small. */
    public static String significant(double v) {
        if (Double.isNaN(v)) return "—";
        if (v == 0) return "0";
        double a = Math.abs(v);
        if (a >= 1e-3 && a < 1e5) {
            int decimals = Math.max(0, 2 - (int) Math.floor(Math.log10(a)));
            return fixed(v, decimals);
        }
        String s = String.format(Locale.ROOT, "%.2e", v);
        int e = s.indexOf('e');
        int exp = Integer.parseInt(s.substring(e + 1));
        return s.substring(0, e).replace('-', '−') + "×" + powerOfTen(exp);
    }
}
