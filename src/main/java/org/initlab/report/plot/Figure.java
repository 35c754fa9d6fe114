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
 * @param choices       the views a reader can switch between in the page ({@link ChoicePanel}s name one)
 */
public record Figure(String id, String title, String subtitle, double panelWidth, double panelHeight,
                     List<String> columnHeaders, List<String> rowHeaders, List<Cell> cells, List<LegendEntry> legend, String note,
                     List<Choice> choices) {
    public Figure {
        if (!id.matches("[a-z0-9][a-z0-9-]*")) throw new IllegalArgumentException("figure id must be lower-case letters, digits, '-': " + id);
        columnHeaders = List.copyOf(columnHeaders);
        rowHeaders = List.copyOf(rowHeaders);
        cells = List.copyOf(cells);
        legend = List.copyOf(legend);
        choices = List.copyOf(choices);
        for (Cell c : cells) {
            if (c.panel() instanceof ChoicePanel p && choices.stream().noneMatch(ch -> ch.id().equals(p.choice()))) {
                throw new IllegalArgumentException("figure " + id + ": a panel follows the unknown choice " + p.choice());
            }
        }
    }

    /** A figure without choices. */
    public Figure(String id, String title, String subtitle, double panelWidth, double panelHeight,
                  List<String> columnHeaders, List<String> rowHeaders, List<Cell> cells, List<LegendEntry> legend, String note) {
        this(id, title, subtitle, panelWidth, panelHeight, columnHeaders, rowHeaders, cells, legend, note, List.of());
    }

    /**
     * A switch between views of the figure's {@link ChoicePanel}s; the first option is the default
     * (what the PNG shows). Ids are lower-case words.
     */
    public record Choice(String id, String label, List<Option> options) {
        public Choice {
            options = List.copyOf(options);
            if (options.isEmpty()) throw new IllegalArgumentException("a choice needs an option");
            if (!id.matches("[a-z][a-z0-9-]*")) throw new IllegalArgumentException("choice id: " + id);
            for (Option o : options) if (!o.id().matches("[a-z][a-z0-9-]*")) throw new IllegalArgumentException("option id: " + o.id());
        }

        public String defaultOption() {
            return options.getFirst().id();
        }
    }

    public record Option(String id, String label) {}

    /** The default option of a choice. */
    public String defaultOption(String choice) {
        return choices.stream().filter(c -> c.id().equals(choice)).findFirst().orElseThrow().defaultOption();
    }

    /** A panel at (row, column) of the grid. */
    public record Cell(int row, int column, Panel panel) {}

    /**
     * A legend entry; entries with a {@code key} toggle the series of that key when clicked.
     * @param dash   line dash (empty: solid)
     * @param marker the series' point symbol on a line swatch
     */
    public record LegendEntry(String key, String label, Rgb colour, Swatch swatch, double[] dash, Marker marker) {
        public LegendEntry {
            dash = dash.clone();
        }

        public LegendEntry(String key, String label, Rgb colour, Swatch swatch, double[] dash) {
            this(key, label, colour, swatch, dash, Marker.NONE);
        }

        public static LegendEntry series(String key, String label, Rgb colour, double[] dash, Marker marker) {
            return new LegendEntry(key, label, colour, Swatch.LINE, dash, marker);
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
