package org.initlab.report.plot;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Lays a {@link Figure} out — title, legend, column and row headers, the panel grid, the note —
 * and draws it on a {@link Canvas}. The layout depends only on the figure (text widths come from
 * {@link TextMetrics}), so SVG and PNG agree and the SVG is the same bytes on every machine.
 */
public final class FigurePainter {
    private FigurePainter() {}

    static final double MARGIN = 14, GAP = 10;
    static final double TITLE_SIZE = 16, SUBTITLE_SIZE = 12, LEGEND_SIZE = 12, HEADER_SIZE = 12.5, NOTE_SIZE = 10.5;

    /** Where everything goes: computed once, used for the canvas size and the drawing. */
    record Layout(double width, double height, double rowHeaderWidth, double legendTop, List<double[]> legendSlots,
                  double headerTop, double gridTop, double gridLeft, double noteTop) {}

    public static double[] size(Figure f) {
        Layout l = layout(f);
        return new double[]{l.width(), l.height()};
    }

    static Layout layout(Figure f) {
        double rowHeader = 0;
        for (String r : f.rowHeaders()) rowHeader = Math.max(rowHeader, TextMetrics.width(r, HEADER_SIZE, true));
        rowHeader = f.rowHeaders().isEmpty() ? 0 : Math.min(rowHeader, 170) + 12;
        int cols = Math.max(1, f.columns()), rows = Math.max(1, f.rows());
        double width = 2 * MARGIN + rowHeader + cols * f.panelWidth() + (cols - 1) * GAP;
        // wide enough for the title and subtitle (within reason; longer ones are shortened)
        double text = Math.max(TextMetrics.width(f.title(), TITLE_SIZE, true), f.subtitle() == null ? 0 : TextMetrics.width(f.subtitle(), SUBTITLE_SIZE, false));
        width = Math.max(width, Math.min(2 * MARGIN + text + 4, 900));
        width = Math.max(width, 420);
        double y = MARGIN + TITLE_SIZE;
        if (f.subtitle() != null && !f.subtitle().isEmpty()) y += SUBTITLE_SIZE + 6;
        double legendTop = y + 8;
        List<double[]> slots = new ArrayList<>();
        double x = MARGIN, lineY = legendTop;
        for (Figure.LegendEntry e : f.legend()) {
            double w = 30 + TextMetrics.width(e.label(), LEGEND_SIZE, false) + 18;
            if (x + w > width - MARGIN && x > MARGIN) {
                x = MARGIN;
                lineY += LEGEND_SIZE + 10;
            }
            slots.add(new double[]{x, lineY, w});
            x += w;
        }
        y = f.legend().isEmpty() ? legendTop : lineY + LEGEND_SIZE + 10;
        double headerTop = y;
        if (!f.columnHeaders().isEmpty()) y += HEADER_SIZE + 8;
        double gridTop = y;
        y += rows * f.panelHeight() + (rows - 1) * GAP;
        double noteTop = y + 4;
        if (f.note() != null && !f.note().isEmpty()) y += 4 + wrap(f.note(), NOTE_SIZE, width - 2 * MARGIN).size() * (NOTE_SIZE + 4);
        return new Layout(width, y + MARGIN, rowHeader, legendTop, slots, headerTop, gridTop, MARGIN + rowHeader, noteTop);
    }

    public static void paint(Figure f, Canvas c) {
        Layout l = layout(f);
        double width = l.width();
        c.text(MARGIN, MARGIN + TITLE_SIZE - 2, TextMetrics.fit(f.title(), TITLE_SIZE, true, width - 2 * MARGIN),
                TextStyle.of(TITLE_SIZE, TextStyle.Anchor.START).asBold());
        if (f.subtitle() != null && !f.subtitle().isEmpty()) {
            c.text(MARGIN, MARGIN + TITLE_SIZE + SUBTITLE_SIZE + 3, TextMetrics.fit(f.subtitle(), SUBTITLE_SIZE, false, width - 2 * MARGIN),
                    TextStyle.of(SUBTITLE_SIZE, TextStyle.Anchor.START).colour(Rgb.MUTED));
        }
        legend(f, c, l);
        TextStyle header = TextStyle.of(HEADER_SIZE, TextStyle.Anchor.MIDDLE).asBold();
        for (int j = 0; j < f.columnHeaders().size(); j++) {
            double cx = l.gridLeft() + j * (f.panelWidth() + GAP) + f.panelWidth() / 2;
            c.text(cx, l.headerTop() + HEADER_SIZE, TextMetrics.fit(f.columnHeaders().get(j), HEADER_SIZE, true, f.panelWidth()), header);
        }
        TextStyle rowHeader = TextStyle.of(HEADER_SIZE, TextStyle.Anchor.START).asBold();
        for (int i = 0; i < f.rowHeaders().size(); i++) {
            double cy = l.gridTop() + i * (f.panelHeight() + GAP) + f.panelHeight() / 2;
            c.text(MARGIN, cy + 4, TextMetrics.fit(f.rowHeaders().get(i), HEADER_SIZE, true, l.rowHeaderWidth() - 10), rowHeader);
        }
        for (int i = 0; i < f.cells().size(); i++) {
            Figure.Cell cell = f.cells().get(i);
            double px = l.gridLeft() + cell.column() * (f.panelWidth() + GAP);
            double py = l.gridTop() + cell.row() * (f.panelHeight() + GAP);
            // each panel one group with its box, so the page can save it alone
            c.beginGroup("panel-box", Map.of("panel", Integer.toString(i), "box", SvgCanvas.n(px) + " " + SvgCanvas.n(py) + " "
                    + SvgCanvas.n(f.panelWidth()) + " " + SvgCanvas.n(f.panelHeight()), "name", panelName(f, cell)), null);
            paint(c, f, cell.panel(), px, py);
            c.endGroup();
        }
        if (f.note() != null && !f.note().isEmpty()) {
            TextStyle s = TextStyle.of(NOTE_SIZE, TextStyle.Anchor.START).colour(Rgb.MUTED);
            double y = l.noteTop() + NOTE_SIZE;
            for (String line : wrap(f.note(), NOTE_SIZE, width - 2 * MARGIN)) {
                c.text(MARGIN, y, line, s);
                y += NOTE_SIZE + 4;
            }
        }
    }

    private static void paint(Canvas c, Figure f, Panel panel, double px, double py) {
        switch (panel) {
            case LinePanel p -> LinePainter.paint(c, p, px, py, f.panelWidth(), f.panelHeight());
            case HistogramPanel p -> HistogramPainter.paint(c, p, px, py, f.panelWidth(), f.panelHeight());
            case RidgelinePanel p -> HistogramPainter.paint(c, p, px, py, f.panelWidth(), f.panelHeight());
            case HeatmapPanel p -> HeatmapPainter.paint(c, p, px, py, f.panelWidth(), f.panelHeight());
            case PhasePanel p -> PhasePainter.paint(c, p, px, py, f.panelWidth(), f.panelHeight());
            case ChoicePanel p -> {
                String shown = f.defaultOption(p.choice());
                for (ChoicePanel.Alternative a : p.alternatives()) {
                    if (c.beginVariant(p.choice(), a.options(), a.options().contains(shown))) paint(c, f, a.panel(), px, py);
                    c.endGroup();
                }
            }
        }
    }

    /** What a panel saved alone is called: its row's header (the last non-empty one above it) and its title. */
    static String panelName(Figure f, Figure.Cell cell) {
        String row = "";
        for (int r = Math.min(cell.row(), f.rowHeaders().size() - 1); r >= 0 && row.isEmpty(); r--) row = f.rowHeaders().get(r);
        String column = cell.column() < f.columnHeaders().size() ? f.columnHeaders().get(cell.column()) : "";
        String title = cell.panel().title() == null ? "" : cell.panel().title();
        return String.join(" — ", java.util.stream.Stream.of(row, column, title).filter(t -> !t.isEmpty()).toList());
    }

    private static void legend(Figure f, Canvas c, Layout l) {
        TextStyle s = TextStyle.of(LEGEND_SIZE, TextStyle.Anchor.START);
        for (int i = 0; i < f.legend().size(); i++) {
            Figure.LegendEntry e = f.legend().get(i);
            double[] slot = l.legendSlots().get(i);
            double x = slot[0], mid = slot[1] + LEGEND_SIZE / 2;
            c.beginGroup(e.key() == null ? "legend-entry static" : "legend-entry", e.key() == null ? Map.of() : Map.of("series", e.key()),
                    e.key() == null ? null : "click to show or hide " + e.label());
            c.rect(x - 2, slot[1] - 3, slot[2] - 10, LEGEND_SIZE + 6, new Fill(Rgb.WHITE, 0), null);
            switch (e.swatch()) {
                case LINE -> {
                    c.rect(x, mid - 5, 24, 10, new Fill(e.colour(), 0.16), null);
                    c.line(x, mid, x + 24, mid, new Stroke(e.colour(), 2.4, 1, e.dash()));
                    e.marker().draw(c, x + 12, mid, 3.4, e.colour());
                }
                case BOX -> c.rect(x + 2, mid - 6, 20, 12, new Fill(e.colour(), 0.28), Stroke.solid(e.colour(), 0.9).withOpacity(0.6));
                case OUTLINE -> c.rect(x + 2, mid - 6, 20, 12, null, Stroke.solid(e.colour(), 1.6));
            }
            c.text(x + 30, mid + 4.2, e.label(), s);
            c.endGroup();
        }
    }

    /** Greedy word wrap to {@code max} px. */
    static List<String> wrap(String text, double size, double max) {
        List<String> lines = new ArrayList<>();
        StringBuilder line = new StringBuilder();
        for (String word : text.split(" ")) {
            String next = line.isEmpty() ? word : line + " " + word;
            if (!line.isEmpty() && TextMetrics.width(next, size, false) > max) {
                lines.add(line.toString());
                line = new StringBuilder(word);
            } else {
                line = new StringBuilder(next);
            }
        }
        if (!line.isEmpty()) lines.add(line.toString());
        return lines;
    }
}
