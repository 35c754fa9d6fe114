package org.initlab.report.plot;

import org.initlab.io.Escape;
import org.initlab.io.JsonFormat;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Draws into SVG text. Coordinates are written with two decimals at most, so the same drawing
 * gives the same bytes. Element ids (clip paths) start with the figure's id, so many figures can
 * share one HTML page.
 */
public final class SvgCanvas implements Canvas {
    static final String FONT = "'DejaVu Sans', Verdana, 'Helvetica Neue', Arial, sans-serif";

    private final StringBuilder sb = new StringBuilder(1 << 16);
    private final String idPrefix;
    private final double width, height;
    private int clips;
    private int depth;

    public SvgCanvas(String idPrefix, double width, double height) {
        this.idPrefix = idPrefix;
        this.width = width;
        this.height = height;
    }

    /** The whole SVG element (no XML declaration: it is also inlined into HTML). */
    public String toSvg() {
        if (depth != 0) throw new IllegalStateException("unclosed group");
        StringBuilder out = new StringBuilder(sb.length() + 400);
        out.append("<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"figure-svg\" id=\"").append(Escape.html(idPrefix))
                .append("\" width=\"").append(n(width)).append("\" height=\"").append(n(height))
                .append("\" viewBox=\"0 0 ").append(n(width)).append(' ').append(n(height))
                .append("\" font-family=\"").append(Escape.html(FONT)).append("\" data-panel-cm-per-px=\"").append(PrintScale.CM_PER_PX).append("\">\n");
        out.append("<rect width=\"100%\" height=\"100%\" fill=\"#ffffff\"/>\n");
        out.append(sb);
        out.append("</svg>\n");
        return out.toString();
    }

    /** A coordinate or size with at most two decimals, no trailing zeros, "-0" as "0". */
    static String n(double v) {
        if (!Double.isFinite(v)) throw new IllegalArgumentException("non-finite coordinate " + v);
        long c = Math.round(v * 100);
        if (c == 0) return "0";
        StringBuilder s = new StringBuilder();
        if (c < 0) {
            s.append('-');
            c = -c;
        }
        s.append(c / 100);
        long frac = c % 100;
        if (frac != 0) {
            s.append('.');
            if (frac < 10) s.append('0').append(frac);
            else if (frac % 10 == 0) s.append(frac / 10);
            else s.append(frac);
        }
        return s.toString();
    }

    /**
     * Path data in tenths of a px, relative after the first point, with h/v where a step is
     * horizontal or vertical: a step histogram costs ~9 bytes a bin instead of ~26. Deltas are
     * taken between rounded absolute positions, so no error accumulates.
     */
    static void pathData(StringBuilder d, double[] xs, double[] ys, int from, int to, boolean close) {
        long px = 0, py = 0;
        for (int i = from; i < to; i++) {
            long x = Math.round(xs[i] * 10), y = Math.round(ys[i] * 10);
            if (i == from) {
                d.append('M').append(tenths(x)).append(',').append(tenths(y));
            } else if (y == py) {
                if (x != px) d.append('h').append(tenths(x - px));
            } else if (x == px) {
                d.append('v').append(tenths(y - py));
            } else {
                d.append('l').append(tenths(x - px));
                if (y - py >= 0) d.append(',');
                d.append(tenths(y - py));
            }
            px = x;
            py = y;
        }
        if (close) d.append('z');
    }

    /** v/10 with at most one decimal: 12 → "1.2", −5 → "-.5", 30 → "3". */
    static String tenths(long v) {
        StringBuilder s = new StringBuilder();
        if (v < 0) {
            s.append('-');
            v = -v;
        }
        long whole = v / 10, frac = v % 10;
        if (whole != 0 || frac == 0) s.append(whole);
        if (frac != 0) s.append('.').append(frac);
        return s.toString();
    }

    private void stroke(Stroke s) {
        if (s == null) {
            sb.append(" stroke=\"none\"");
            return;
        }
        sb.append(" stroke=\"").append(s.colour().hex()).append("\" stroke-width=\"").append(n(s.width())).append('"');
        if (s.opacity() < 1) sb.append(" stroke-opacity=\"").append(n(s.opacity())).append('"');
        if (s.dash().length > 0) {
            sb.append(" stroke-dasharray=\"");
            for (int i = 0; i < s.dash().length; i++) sb.append(i > 0 ? " " : "").append(n(s.dash()[i]));
            sb.append('"');
        }
    }

    private void fill(Fill f) {
        if (f == null) {
            sb.append(" fill=\"none\"");
            return;
        }
        sb.append(" fill=\"").append(f.colour().hex()).append('"');
        if (f.opacity() < 1) sb.append(" fill-opacity=\"").append(n(f.opacity())).append('"');
    }

    @Override
    public void line(double x1, double y1, double x2, double y2, Stroke stroke) {
        sb.append("<line x1=\"").append(n(x1)).append("\" y1=\"").append(n(y1)).append("\" x2=\"").append(n(x2))
                .append("\" y2=\"").append(n(y2)).append('"');
        stroke(stroke);
        sb.append("/>\n");
    }

    @Override
    public void polyline(double[] xs, double[] ys, Stroke stroke) {
        StringBuilder d = new StringBuilder();
        int i = 0;
        while (i < xs.length) {
            while (i < xs.length && !(Double.isFinite(xs[i]) && Double.isFinite(ys[i]))) i++;
            int j = i;
            while (j < xs.length && Double.isFinite(xs[j]) && Double.isFinite(ys[j])) j++;
            if (j > i) pathData(d, xs, ys, i, j, false);
            i = j;
        }
        if (d.isEmpty()) return;
        sb.append("<path d=\"").append(d).append("\" fill=\"none\"");
        stroke(stroke);
        sb.append(" stroke-linejoin=\"round\" stroke-linecap=\"round\"/>\n");
    }

    @Override
    public void polygon(double[] xs, double[] ys, Fill fill, Stroke stroke) {
        if (xs.length == 0) return;
        sb.append("<path d=\"");
        pathData(sb, xs, ys, 0, xs.length, true);
        sb.append('"');
        fill(fill);
        stroke(stroke);
        sb.append("/>\n");
    }

    @Override
    public void rect(double x, double y, double w, double h, Fill fill, Stroke stroke) {
        sb.append("<rect x=\"").append(n(x)).append("\" y=\"").append(n(y)).append("\" width=\"").append(n(w))
                .append("\" height=\"").append(n(h)).append('"');
        fill(fill);
        stroke(stroke);
        sb.append("/>\n");
    }

    @Override
    public void circle(double cx, double cy, double r, Fill fill, Stroke stroke) {
        sb.append("<circle cx=\"").append(n(cx)).append("\" cy=\"").append(n(cy)).append("\" r=\"").append(n(r)).append('"');
        fill(fill);
        stroke(stroke);
        sb.append("/>\n");
    }

    @Override
    public void text(double x, double y, String text, TextStyle style) {
        sb.append("<text x=\"").append(n(x)).append("\" y=\"").append(n(y)).append("\" font-size=\"").append(n(style.size())).append('"');
        if (style.bold()) sb.append(" font-weight=\"bold\"");
        if (style.anchor() != TextStyle.Anchor.START) {
            sb.append(" text-anchor=\"").append(style.anchor() == TextStyle.Anchor.MIDDLE ? "middle" : "end").append('"');
        }
        if (!style.colour().equals(Rgb.BLACK)) sb.append(" fill=\"").append(style.colour().hex()).append('"');
        if (style.hasHalo()) {
            // the stroke painted first, under the fill: an outline around the glyphs, not over them
            sb.append(" stroke=\"").append(style.halo().hex()).append("\" stroke-width=\"").append(n(style.haloWidth()))
                    .append("\" stroke-linejoin=\"round\" paint-order=\"stroke\"");
        }
        if (style.rotation() != 0) {
            sb.append(" transform=\"rotate(").append(n(style.rotation())).append(' ').append(n(x)).append(' ').append(n(y)).append(")\"");
        }
        sb.append('>').append(Escape.html(text)).append("</text>\n");
    }

    @Override
    public void beginGroup(String cssClass, Map<String, String> data, String tip) {
        sb.append("<g");
        if (cssClass != null) sb.append(" class=\"").append(Escape.html(cssClass)).append('"');
        for (Map.Entry<String, String> e : data.entrySet()) {
            if (!e.getKey().matches("[a-z][a-z0-9-]*")) throw new IllegalArgumentException("bad data attribute " + e.getKey());
            sb.append(" data-").append(e.getKey()).append("=\"").append(Escape.html(e.getValue())).append('"');
        }
        if (tip != null) sb.append(" data-tip=\"").append(Escape.html(tip)).append('"');
        sb.append(">\n");
        depth++;
    }

    @Override
    public void endGroup() {
        if (depth == 0) throw new IllegalStateException("no group to end");
        sb.append("</g>\n");
        depth--;
    }

    @Override
    public boolean beginVariant(String choice, List<String> options, boolean shown) {
        sb.append("<g class=\"variant\" data-choice=\"").append(Escape.html(choice)).append("\" data-options=\"")
                .append(Escape.html(String.join(" ", options))).append('"');
        if (!shown) sb.append(" display=\"none\"");
        sb.append(">\n");
        depth++;
        return true;
    }

    @Override
    public void beginClip(double x, double y, double w, double h) {
        String id = idPrefix + "-clip" + (++clips);
        sb.append("<clipPath id=\"").append(Escape.html(id)).append("\"><rect x=\"").append(n(x)).append("\" y=\"").append(n(y))
                .append("\" width=\"").append(n(w)).append("\" height=\"").append(n(h)).append("\"/></clipPath>\n");
        sb.append("<g clip-path=\"url(#").append(Escape.html(id)).append(")\">\n");
        depth++;
    }

    @Override
    public void hoverTarget(double x, double y, double w, double h, double[] xs, String[] titles, HoverSeries[] series) {
        Map<String, Object> data = new LinkedHashMap<>();
        List<Double> px = new ArrayList<>();
        for (double v : xs) px.add(Math.round(v * 10) / 10.0);
        data.put("x", px);
        data.put("t", List.of(titles));
        List<Map<String, Object>> ss = new ArrayList<>();
        for (HoverSeries s : series) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("k", s.key());
            m.put("n", s.label());
            m.put("c", s.colour().hex());
            m.put("v", java.util.Arrays.stream(s.values()).map(v -> v == null ? "" : v).toList());
            ss.add(m);
        }
        data.put("s", ss);
        String json = JsonFormat.inOrder(data);
        // single-quoted, so the JSON's many double quotes need no escaping
        sb.append("<rect class=\"hover-target\" x=\"").append(n(x)).append("\" y=\"").append(n(y)).append("\" width=\"").append(n(w))
                .append("\" height=\"").append(n(h)).append("\" fill=\"#ffffff\" fill-opacity=\"0\" data-hover='")
                .append(Escape.singleQuotedAttribute(json)).append("'/>\n");
    }
}
