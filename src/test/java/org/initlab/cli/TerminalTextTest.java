package org.initlab.cli;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

/** What a spec names is shown, never obeyed: control characters become visible escapes. */
class TerminalTextTest {
    @Test
    void controlsBecomeVisible() {
        assertEquals("r\\u001b[2J\\r\\u0000x", TerminalText.safe("r\u001b[2J\r\u0000x"));
        assertEquals("a\\nb\\tc\\u007f\\u009b", TerminalText.safe("a\nb\tc\u007f\u009b"));
        assertEquals("left\\u202eright\\u2028", TerminalText.safe("left\u202eright\u2028"));
    }

    @Test
    void printableTextIsLeftAlone() {
        String s = "he · relu · 4×128 — 97.5% … ünïcödé C:\\data";
        assertSame(s, TerminalText.safe(s));
        assertEquals("null", TerminalText.safe(null));
    }
}
