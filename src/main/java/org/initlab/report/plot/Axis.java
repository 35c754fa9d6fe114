package org.initlab.report.plot;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * One axis of a panel: its label (with the unit), scale, range and ticks. For a category axis the
 * range is [−0.5, k − 0.5] and category i sits at i.
 *
 * @param percent tick labels get a "%" (values are already in percent)
 */
public record Axis(String label, Scale scale, double min, double max, List<Tick> ticks, List<String> categories, boolean percent) {
    public Axis {
        ticks = List.copyOf(ticks);
        categories = List.copyOf(categories);
    }

    public record Tick(double value, String label) {}

    public boolean isCategorical() { return !categories.isEmpty(); }

    /** Position of v on the axis as a fraction of its length (0 at min); NaN when v has none (v ≤ 0 on a log axis). */
    public double fraction(double v) {
        double u = scale.forward(v), a = scale.forward(min), b = scale.forward(max);
        return b == a ? 0.5 : (u - a) / (b - a);
    }

    /** A linear axis around [lo, hi] widened to round tick values. */
    public static Axis linear(String label, double lo, double hi, boolean percent) {
        if (!(hi > lo)) {
            double pad = lo == 0 || !Double.isFinite(lo) ? 1 : Math.abs(lo) * 0.05;
            lo = Double.isFinite(lo) ? lo - pad : 0;
            hi = Double.isFinite(hi) ? hi + pad : 1;
        }
        double step = niceStep((hi - lo) / 5);
        double a = Math.floor(lo / step + 1e-9) * step, b = Math.ceil(hi / step - 1e-9) * step;
        int decimals = decimalsOf(step);
        List<Tick> ticks = new ArrayList<>();
        for (long k = Math.round(a / step); k * step <= b + step * 1e-9; k++) {
            double v = k * step;
            ticks.add(new Tick(v, Numbers.fixed(v, decimals) + (percent ? "%" : "")));
        }
        return new Axis(label, Scale.LINEAR, a, b, ticks, List.of(), percent);
    }

    /**
     * A log axis over whole decades around [lo, hi] (both &gt; 0), with 2 and 5 ticks when it spans
     * two decades or less. One number style per axis: plain numbers (0.01 … 1000) or all powers of ten.
     */
    public static Axis log(String label, double lo, double hi) {
        if (!(lo > 0) || !Double.isFinite(lo)) lo = hi > 0 && Double.isFinite(hi) ? hi / 10 : 0.1;
        if (!(hi > lo) || !Double.isFinite(hi)) hi = lo * 10;
        int e0 = (int) Math.floor(Math.log10(lo) + 1e-9), e1 = (int) Math.ceil(Math.log10(hi) - 1e-9);
        if (e1 == e0) e1++;
        int every = Math.max(1, (int) Math.ceil((e1 - e0) / 6.0));
        // one style per axis: plain numbers when every decade reads well that way, else all as powers of ten
        boolean plain = e0 >= -2 && e1 <= 3;
        List<Tick> ticks = new ArrayList<>();
        for (int e = e0; e <= e1; e++) {
            if ((e - e0) % every == 0) ticks.add(new Tick(Math.pow(10, e), plain ? Numbers.plain(Math.pow(10, e)) : Numbers.superscript(e)));
        }
        if (e1 - e0 <= 2) {
            // 2 and 5 between the decades: labelled where the decades are plain numbers too, else unlabelled marks
            for (int e = e0; e < e1; e++) {
                for (int m : new int[]{2, 5}) ticks.add(new Tick(m * Math.pow(10, e), plain ? Numbers.plain(m * Math.pow(10, e)) : ""));
            }
            ticks.sort(java.util.Comparator.comparingDouble(Tick::value));
        }
        return new Axis(label, Scale.LOG, Math.pow(10, e0), Math.pow(10, e1), ticks, List.of(), false);
    }

    /**
     * An asinh axis over [lo, hi], ticked at 0 and symmetrically at ±10ᵏ (and ±2·10ᵏ, ±5·10ᵏ on
     * short ranges), skipping magnitudes too close to the last one ticked.
     */
    public static Axis asinh(String label, double lo, double hi) {
        if (!(hi > lo)) {
            lo = Math.min(lo, -0.01);
            hi = Math.max(hi, 0.01);
        }
        double span = Scale.ASINH.forward(hi) - Scale.ASINH.forward(lo);
        double minGap = span / 7;
        List<Double> magnitudes = new ArrayList<>();
        for (int e = -3; e <= 4; e++) {
            double p = Math.pow(10, e);
            magnitudes.add(p);
            if (span < 6) {
                magnitudes.add(2 * p);
                magnitudes.add(5 * p);
            }
        }
        magnitudes.sort(Double::compare);
        List<Tick> ticks = new ArrayList<>();
        if (lo <= 0 && hi >= 0) ticks.add(new Tick(0, "0"));
        double lastU = lo <= 0 && hi >= 0 ? 0 : Double.NEGATIVE_INFINITY;
        for (double m : magnitudes) {
            double u = Scale.ASINH.forward(m);
            if (u - lastU < minGap || (m > hi && -m < lo)) continue;
            if (m <= hi) ticks.add(new Tick(m, Numbers.plain(m)));
            if (-m >= lo) ticks.add(new Tick(-m, Numbers.plain(-m)));
            lastU = u;
        }
        ticks.sort(java.util.Comparator.comparingDouble(Tick::value));
        return new Axis(label, Scale.ASINH, lo, hi, ticks, List.of(), false);
    }

    /** Categories at 0, 1, …, k − 1. */
    public static Axis categories(String label, List<String> categories) {
        List<Tick> ticks = new ArrayList<>();
        for (int i = 0; i < categories.size(); i++) ticks.add(new Tick(i, categories.get(i)));
        return new Axis(label, Scale.LINEAR, -0.5, categories.size() - 0.5, ticks, categories, false);
    }

    /** Whole-number ticks (epochs) over [lo, hi], every 1, 2, 5, 10, 20, … so that there are at most seven. */
    public static Axis counts(String label, double lo, double hi) {
        if (!(hi > lo)) hi = lo + 1;
        long step = 1;
        for (int i = 0; (hi - lo) / step > 6; i++) step = (i % 3 == 1 ? step * 5 / 2 : step * 2);
        List<Tick> ticks = new ArrayList<>();
        for (long v = (long) Math.ceil(lo / step) * step; v <= hi + 1e-9; v += step) ticks.add(new Tick(v, Long.toString(v)));
        return new Axis(label, Scale.LINEAR, lo, hi, ticks, List.of(), false);
    }

    /** The smallest of 1, 2, 2.5, 5 × 10ᵏ that is ≥ raw. */
    static double niceStep(double raw) {
        if (!(raw > 0) || !Double.isFinite(raw)) return 1;
        double p = Math.pow(10, Math.floor(Math.log10(raw)));
        for (double m : new double[]{1, 2, 2.5, 5, 10}) if (m * p >= raw * (1 - 1e-9)) return m * p;
        return 10 * p;
    }

    static int decimalsOf(double step) {
        for (int d = 0; d < 12; d++) {
            double scaled = step * Math.pow(10, d);
            if (Math.abs(scaled - Math.round(scaled)) < 1e-6 * Math.max(1, scaled)) return d;
        }
        return 12;
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "Axis[%s, %s, %g..%g]", label, scale, min, max);
    }
}
