package org.initlab.report.html;

/**
 * A figure ready for the page: its SVG text and where its SVG and PNG files are, relative to the
 * page (PNG null: not written).
 *
 * @param inline whether the page shows it (else only links to its files: the page has a size budget)
 */
public record RenderedFigure(String id, String title, String svg, String svgFile, String pngFile, boolean inline) {
    public RenderedFigure linkedOnly() {
        return new RenderedFigure(id, title, svg, svgFile, pngFile, false);
    }
}
