package org.initlab.report.html;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** The page's stylesheet and scripts, inlined from resources (the report works offline), and the charting library vendored with them. */
final class Assets {
    private Assets() {}

    /** uPlot, as vendored (vendor/uplot/uplot.properties says from where; VendoredLibraryTest checks its bytes). */
    static final String UPLOT_SCRIPT = read("vendor/uplot/uPlot.iife.min.js"), UPLOT_CSS = read("vendor/uplot/uPlot.min.css"),
            UPLOT_LICENCE = read("vendor/uplot/LICENSE"), UPLOT_NAME = "uPlot " + property("vendor/uplot/uplot.properties", "version");

    static String property(String file, String key) {
        java.util.Properties p = new java.util.Properties();
        try {
            p.load(new java.io.StringReader(read(file)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return p.getProperty(key);
    }

    static String read(String name) {
        try (InputStream in = Assets.class.getResourceAsStream(name)) {
            if (in == null) throw new IllegalStateException("missing resource " + name);
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
