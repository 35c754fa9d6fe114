package org.initlab.report.text;

import org.initlab.report.model.Reach;
import org.initlab.report.stats.Estimate;
import org.initlab.report.stats.Proportion;

import java.util.Locale;

/** How the report writes its numbers: locale-free, with the interval when there is one. */
public final class Values {
    private Values() {}

    public static final String NONE = "—";

    /** A fraction as percent with two decimals: "97.81% ± 0.15"; no "±" with one seed. */
    public static String accuracy(Estimate fraction) {
        if (fraction.isEmpty()) return NONE;
        Estimate e = fraction.scaled(100);
        String m = fixed(e.mean(), 2) + "%";
        return e.hasInterval() ? m + " ± " + fixed(e.halfWidth(), 2) : m;
    }

    /** {@link #accuracy(Estimate)} and, when it stands on fewer of the configuration's seeds, how many: "97.81% ± 0.15 (2 of 3 seeds)". */
    public static String accuracy(Estimate fraction, int seeds) {
        return fraction.isEmpty() ? NONE : accuracy(fraction) + seeds(fraction.n(), seeds);
    }

    /** A loss to three significant digits: "0.0712 ± 0.0031"; "5.52e21 ± 3.71e21" beyond 10⁵. */
    public static String loss(Estimate e) {
        if (e.isEmpty()) return NONE;
        if (Math.abs(e.mean()) >= 1e5 || e.hasInterval() && Math.abs(e.halfWidth()) >= 1e5) {
            String m = scientific(e.mean());
            return e.hasInterval() ? m + " ± " + scientific(e.halfWidth()) : m;
        }
        int decimals = decimalsFor(e.mean());
        String m = fixed(e.mean(), decimals);
        return e.hasInterval() ? m + " ± " + fixed(e.halfWidth(), decimals) : m;
    }

    /** A geometric mean with its multiplicative interval: "0.0712 (0.0650–0.0780)". */
    public static String geometric(Estimate e) {
        if (e.isEmpty()) return NONE;
        String m = significant(e.mean());
        return e.hasInterval() ? m + " (" + significant(e.low()) + "–" + significant(e.high()) + ")" : m;
    }

    /** {@link #geometric(Estimate)} and, when it stands on fewer of the configuration's seeds, how many: "0.0712 (0.0650–0.0780) (2 of 3 seeds)". */
    public static String geometric(Estimate e, int seeds) {
        return e.isEmpty() ? NONE : geometric(e) + seeds(e.n(), seeds);
    }

    /** Three significant digits; scientific beyond [0.001, 10⁵). */
    public static String significant(double v) {
        if (!Double.isFinite(v)) return fixed(v, 0);
        double a = Math.abs(v);
        if (a != 0 && (a < 1e-3 || a >= 1e5)) return scientific(v);
        return fixed(v, a == 0 ? 0 : Math.max(0, 2 - (int) Math.floor(Math.log10(a))));
    }

    /** "5.52e21", "1.30e−4". */
    static String scientific(double v) {
        return String.format(Locale.ROOT, "%.2e", v).replace("e+", "e").replace("e0", "e").replace("e-0", "e-").replace('-', '−');
    }

    /**
     * Epochs to a threshold as median (range): "4 (3–6)", "4" when every seed took 4, "5 (3–6), 1 of
     * 5 never", "never (2 of 5 did: 3–4)" when half or more never did; "never", or "—" when not
     * followed per epoch.
     */
    public static String epochs(Reach r) {
        if (r.seeds() == 0) return NONE;
        if (r.never()) return "never";
        int never = r.seeds() - r.reached();
        String range = r.min() < r.max() ? count(r.min()) + "–" + count(r.max()) : count(r.min());
        if (Double.isInfinite(r.median())) return "never (" + r.reached() + " of " + r.seeds() + " did: " + range + ")";
        String m = count(r.median()) + (r.min() < r.max() ? " (" + range + ")" : "");
        return never > 0 ? m + ", " + never + " of " + r.seeds() + " never" : m;
    }

    /** A count that may be a half (a median of two): "4", "4.5". */
    static String count(double v) {
        return v == Math.rint(v) ? fixed(v, 0) : fixed(v, 1);
    }

    /** " (2 of 3 seeds)" when an estimate stands on fewer seeds than its configuration has, else "". */
    public static String seeds(int n, int of) {
        return n < of ? " (" + n + " of " + of + " seed" + (of == 1 ? ")" : "s)") : "";
    }

    /** "0 of 5 (0–43%)", "2 of 5 (12–77%)": the count and its 95% Wilson interval; "0 of 1" without one. */
    public static String proportion(Proportion p) {
        if (p.n() == 0) return NONE;
        String count = p.count() + " of " + p.n();
        return p.n() < 2 ? count : count + " (" + fixed(100 * p.low(), 0) + "–" + fixed(100 * p.high(), 0) + "%)";
    }

    /** "p = 0.012", "p < 0.001". */
    public static String p(double p) {
        if (Double.isNaN(p)) return "no test";
        if (p < 0.001) return "p < 0.001";
        return "p = " + (p < 0.01 ? fixed(p, 4) : fixed(p, 3));
    }

    /** Cohen's d_z to two significant digits; ∞ when the differences had no spread. */
    public static String effect(double dz) {
        if (Double.isNaN(dz)) return NONE;
        if (Double.isInfinite(dz)) return dz > 0 ? "∞" : "−∞";
        return Math.abs(dz) >= 10 ? fixed(dz, 0) : fixed(dz, 1);
    }

    public static String points(double v) {
        return fixed(v, 2);
    }

    public static String seconds(double s) {
        if (s < 90) return fixed(s, 1) + " s";
        if (s < 5400) return fixed(s / 60, 1) + " min";
        return fixed(s / 3600, 2) + " h";
    }

    /** An ISO-8601 instant as "2026-11-29 04:24 UTC"; other text unchanged. */
    public static String instant(String iso) {
        try {
            java.time.Instant t = java.time.Instant.parse(iso);
            return java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'", Locale.ROOT).withZone(java.time.ZoneOffset.UTC).format(t);
        } catch (RuntimeException e) {
            return iso;
        }
    }

    /** Decimals that show about three significant digits of v. */
    static int decimalsFor(double v) {
        double a = Math.abs(v);
        if (!(a > 0) || !Double.isFinite(a)) return 3;
        return Math.max(0, Math.min(8, 2 - (int) Math.floor(Math.log10(a))));
    }

    public static String fixed(double v, int decimals) {
        if (Double.isNaN(v)) return NONE;
        if (Double.isInfinite(v)) return v > 0 ? "∞" : "−∞";
        String s = String.format(Locale.ROOT, "%." + decimals + "f", v);
        if (s.matches("-0(\\.0*)?")) s = s.substring(1);
        return s.replace('-', '−');
    }
}
