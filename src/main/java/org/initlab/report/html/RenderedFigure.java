package org.initlab.report.html;

import java.util.List;

/**
 * A figure ready for the page: its SVG text and where its SVG and PNG files are, relative to the
 * page (PNG null: not written).
 *
 * @param inline  whether the page shows it (else only links to its files: the page has a size budget)
 * @param choices the views a reader switches between (the SVG holds them all)
 */
public record RenderedFigure(String id, String title, String svg, String svgFile, String pngFile, boolean inline, List<Choice> choices) {
    public RenderedFigure {
        choices = List.copyOf(choices);
    }

    public RenderedFigure(String id, String title, String svg, String svgFile, String pngFile, boolean inline) {
        this(id, title, svg, svgFile, pngFile, inline, List.of());
    }

    /** A switch between views: its id (as the SVG's variant groups name it), its label, and its options, the default first. */
    public record Choice(String id, String label, List<Option> options) {
        public Choice {
            options = List.copyOf(options);
        }
    }

    public record Option(String id, String label) {}

    public RenderedFigure linkedOnly() {
        return new RenderedFigure(id, title, svg, svgFile, pngFile, false, choices);
    }
}
