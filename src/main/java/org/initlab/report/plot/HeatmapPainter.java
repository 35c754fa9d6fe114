package org.initlab.report.plot;

import java.util.Map;

/** Draws a {@link HeatmapPanel}: labelled rows and columns, cells on the viridis scale, a colour bar. */
final class HeatmapPainter {
    private HeatmapPainter() {}

    static void paint(Canvas c, HeatmapPanel p, double px, double py, double pw, double ph) {
        double rowLabelWidth = 0;
        for (String r : p.rowLabels()) rowLabelWidth = Math.max(rowLabelWidth, TextMetrics.width(r, 11, false));
        rowLabelWidth = Math.min(rowLabelWidth, 110) + (p.rowColours() != null ? 16 : 0);
        double left = px + rowLabelWidth + 10, top = py + 22, barWidth = 46;
        double w = pw - (left - px) - barWidth - 6, h = ph - 22 - 36;
        int rows = p.rowLabels().size(), cols = p.columnLabels().size();
        PlotArea.title(c, p.title(), left + w / 2, py, pw - 4);
        double cw = w / Math.max(1, cols), ch = h / Math.max(1, rows);
        TextStyle rowStyle = TextStyle.of(11, TextStyle.Anchor.END);
        TextStyle colStyle = TextStyle.of(PlotArea.TICK_SIZE, TextStyle.Anchor.MIDDLE);
        for (int i = 0; i < rows; i++) {
            String key = p.rowKeys() == null ? null : p.rowKeys().get(i);
            c.beginGroup("series", key == null ? Map.of() : Map.of("series", key), null);
            double y = top + i * ch;
            for (int j = 0; j < cols; j++) {
                double v = p.values()[i][j];
                double t = p.max() > p.min() ? (v - p.min()) / (p.max() - p.min()) : 0.5;
                Rgb colour = ColourScale.viridis(Double.isFinite(v) ? t : Double.NaN);
                String tip = p.tips() == null ? null : p.tips()[i][j];
                c.beginGroup("cell", Map.of(), tip);
                c.rect(left + j * cw, y, cw, ch, Fill.of(colour), Stroke.solid(Rgb.WHITE, 1.5));
                String text = p.texts()[i][j];
                if (text != null && !text.isEmpty()) {
                    double size = Math.max(PrintScale.MIN_TEXT_PX, Math.min(11.5, ch * 0.4));
                    String[] parts = text.split("\n");
                    TextStyle ts = TextStyle.of(size, TextStyle.Anchor.MIDDLE).colour(colour.readableText());
                    double small = Math.max(PrintScale.MIN_TEXT_PX, size * 0.85);
                    // as many lines as the cell holds: the first (the value) bold, the others (interval, n) smaller
                    int lines = parts.length;
                    while (lines > 1 && size * 1.25 + (lines - 1) * small * 1.15 > ch - 4) lines--;
                    double height = size + (lines - 1) * small * 1.15;
                    double base = y + ch / 2 - height / 2 + size * 0.8;
                    c.text(left + (j + 0.5) * cw, base, TextMetrics.fit(parts[0], size, true, cw - 4), ts.asBold());
                    for (int k = 1; k < lines; k++) {
                        c.text(left + (j + 0.5) * cw, base + size * 0.35 + k * small * 1.15 - small * 0.2, TextMetrics.fit(parts[k], small, false, cw - 4),
                                TextStyle.of(small, TextStyle.Anchor.MIDDLE).colour(colour.readableText()));
                    }
                }
                c.endGroup();
            }
            double ly = y + ch / 2 + 4;
            c.text(left - 6, ly, TextMetrics.fit(p.rowLabels().get(i), 11, false, rowLabelWidth - (p.rowColours() != null ? 16 : 0)), rowStyle);
            if (p.rowColours() != null) {
                c.rect(px + 2, y + ch / 2 - 5, 10, 10, Fill.of(p.rowColours().get(i)), null);
            }
            c.endGroup();
        }
        for (int j = 0; j < cols; j++) {
            String label = TextMetrics.fit(p.columnLabels().get(j), PlotArea.TICK_SIZE, false, cw - 2);
            c.text(left + (j + 0.5) * cw, top + h + 14, label, colStyle);
        }
        TextStyle axisLabel = TextStyle.of(PlotArea.LABEL_SIZE, TextStyle.Anchor.MIDDLE).colour(Rgb.MUTED);
        if (p.columnAxis() != null) c.text(left + w / 2, top + h + 30, TextMetrics.fit(p.columnAxis(), PlotArea.LABEL_SIZE, false, w), axisLabel);
        if (p.rowAxis() != null) {
            c.text(px + 2, top - 6, TextMetrics.fit(p.rowAxis(), PlotArea.LABEL_SIZE, false, rowLabelWidth + 8),
                    TextStyle.of(PlotArea.LABEL_SIZE, TextStyle.Anchor.START).colour(Rgb.MUTED));
        }
        colourBar(c, left + w + 10, top, h, p.maxLabel(), p.minLabel());
    }

    /** A vertical viridis colour bar with its end values (also the phase diagram's). */
    static void colourBar(Canvas c, double x, double top, double h, String maxLabel, String minLabel) {
        int steps = 24;
        for (int i = 0; i < steps; i++) {
            double t0 = (double) i / steps;
            c.rect(x, top + h - (i + 1) * h / steps, 9, h / steps + 0.3, Fill.of(ColourScale.viridis(t0 + 0.5 / steps)), null);
        }
        c.rect(x, top, 9, h, null, Stroke.solid(Rgb.AXIS, 0.6));
        TextStyle s = TextStyle.of(9.5, TextStyle.Anchor.START).colour(Rgb.MUTED);
        c.text(x + 12, top + 8, maxLabel, s);
        c.text(x + 12, top + h, minLabel, s);
    }
}
