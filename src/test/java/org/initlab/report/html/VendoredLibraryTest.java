package org.initlab.report.html;

import org.junit.jupiter.api.Test;

import java.io.InputStream;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The vendored charting library is the pinned one, byte for byte (its SHA-512s are recorded in
 * vendor/uplot/uplot.properties; scripts/check-vendored.sh checks those against the npm registry),
 * and the page would run it: no eval, no network.
 */
class VendoredLibraryTest {
    static byte[] resource(String name) throws Exception {
        try (InputStream in = Assets.class.getResourceAsStream(name)) {
            assertNotNull(in, name);
            return in.readAllBytes();
        }
    }

    @Test
    void vendoredFilesHaveThePinnedHashes() throws Exception {
        assertEquals("1.6.32", Assets.property("vendor/uplot/uplot.properties", "version"));
        for (String f : List.of("uPlot.iife.min.js", "uPlot.min.css", "LICENSE")) {
            String pinned = Assets.property("vendor/uplot/uplot.properties", "sha512." + f);
            String actual = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-512").digest(resource("vendor/uplot/" + f)));
            assertEquals(pinned, actual, f + " is not the pinned file: run scripts/check-vendored.sh");
        }
        assertEquals("8df9b8c2bc60abbdd95c5cf260f46681f41def2623b6c1f9ed2cdf823a62797e2b8277c700c01926043560b4ec73a1ce5fed6d9c68e7905b9eadb73ca08da626",
                Assets.property("vendor/uplot/uplot.properties", "sha512.uPlot.iife.min.js"), "the pin itself changes only with the version");
    }

    @Test
    void theLibraryNeedsNoEvalAndNoNetwork() {
        String js = Assets.UPLOT_SCRIPT;
        assertTrue(js.startsWith("/*! https://github.com/leeoniya/uPlot (v1.6.32) */"), "the file names its version");
        for (String forbidden : List.of("eval(", "new Function", "XMLHttpRequest", "fetch(", "importScripts", "WebSocket")) {
            assertFalse(js.contains(forbidden), forbidden);
        }
        assertTrue(Assets.UPLOT_LICENCE.contains("Permission is hereby granted"), "MIT licence");
    }
}
