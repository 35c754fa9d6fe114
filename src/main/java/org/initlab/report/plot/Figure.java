package org.initlab.report.plot;

import java.util.List;

/**
 * A figure: a grid of panels under a title and a shared legend, drawn the same way to SVG and
 * PNG by {@link FigurePainter}. Sizes are in px (1/96 inch).
 *
 * @param id            a short identifier, unique in the report (file names, element ids)
 * @param columnHeaders text above each column (empty: none)
 * @param rowHeaders    text left of each row (empty: none)
 * @param note          a line under the panels saying how to read them (null: none)
 */
public record Figure(String id, String title, String subtitle, double panelWidth, double panelHeight,
                     List<String> columnHeaders, List<String> rowHeaders, List<Cell> cells, List<LegendEntry> legend, String note) {
    public Figure {
        if (!id.matches("[a-z0-9][a-z0-9-]*")) throw new IllegalArgumentException("figure id must be lower-case letters, digits, '-': " + id);
        columnHeaders = List.copyOf(columnHeaders);
        rowHeaders = List.copyOf(rowHeaders);
        cells = List.copyOf(cells);
        legend = List.copyOf(legend);
    }

    /** A panel at (row, column) of the grid. */
    public record Cell(int row, int column, Panel panel) {}

    /**
     * A legend entry; entries with a {@code key} toggle the series of that key when clicked.
     * @param dash line dash (empty: solid)
     */
    public record LegendEntry(String key, String label, Rgb colour, Swatch swatch, double[] dash) {
        public LegendEntry {
            dash = dash.clone();
        }

        public static LegendEntry series(String key, String label, Rgb colour, double[] dash) {
            return new LegendEntry(key, label, colour, Swatch.LINE, dash);
        }
    }

    /** How a legend entry is drawn: a line with a band, a filled box, an outlined box. */
    public enum Swatch { LINE, BOX, OUTLINE }

    public int rows() {
        return cells.stream().mapToInt(Cell::row).max().orElse(-1) + 1;
    }

    public int columns() {
        return cells.stream().mapToInt(Cell::column).max().orElse(-1) + 1;
    }
}
