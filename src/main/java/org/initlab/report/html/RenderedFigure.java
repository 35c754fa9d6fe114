package org.initlab.report.html;

/** A figure ready for the page: its SVG text and where its SVG and PNG files are, relative to the page (PNG null: not written). */
public record RenderedFigure(String id, String title, String svg, String svgFile, String pngFile) {}
