package org.initlab.serve;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;

/**
 * The live view's page, from resources: its HTML, script and stylesheet, and the charting library
 * the report vendors (uPlot, under {@code org/initlab/report/html/vendor/uplot/}, whose bytes
 * VendoredLibraryTest pins). Self-contained: the page loads nothing from anywhere else.
 */
final class PageAssets {
    private PageAssets() {}

    /** A file of the page: its bytes and media type. */
    record Asset(byte[] bytes, String type) {}

    private static final String UPLOT = "/org/initlab/report/html/vendor/uplot/";

    /** By the path the page asks for. */
    static final Map<String, Asset> BY_PATH = Map.of(
            "/", new Asset(read("live.html"), "text/html; charset=utf-8"),
            "/live.js", new Asset(read("live.js"), "text/javascript; charset=utf-8"),
            "/live.css", new Asset(read("live.css"), "text/css; charset=utf-8"),
            "/uPlot.iife.min.js", new Asset(read(UPLOT + "uPlot.iife.min.js"), "text/javascript; charset=utf-8"),
            "/uPlot.min.css", new Asset(read(UPLOT + "uPlot.min.css"), "text/css; charset=utf-8"));

    private static byte[] read(String name) {
        try (InputStream in = PageAssets.class.getResourceAsStream(name)) {
            if (in == null) throw new IllegalStateException("missing resource " + name);
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
