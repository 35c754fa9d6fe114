package org.initlab.io;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;

/** Text from specs cannot become markup in HTML, SVG or a script block. */
class EscapeTest {
    @Test
    void htmlEscapesTheFiveSignificantCharacters() {
        assertEquals("&lt;script&gt;alert(1)&lt;/script&gt;", Escape.html("<script>alert(1)</script>"));
        assertEquals("a &amp; b &quot;c&quot; &#39;d&#39;", Escape.html("a & b \"c\" 'd'"));
        assertEquals("&amp;lt;", Escape.html("&lt;"), "entities in the input are text too");
        assertEquals("tab\tand\nline", Escape.html("tab\tand\nline"));
        assertEquals("bell", Escape.html("be\u0007ll"), "XML has no control characters");
        assertEquals("", Escape.html(null));
        String plain = "plain text";
        assertSame(plain, Escape.html(plain), "nothing to do, no copy");
    }

    @Test
    void jsonInAScriptCannotCloseItAndMeansTheSame() throws Exception {
        ObjectMapper m = new ObjectMapper();
        Map<String, String> value = Map.of("study", "</script><script>alert(1)</script><!-- & \u2028");
        String json = Escape.scriptJson(m.writeValueAsString(value));
        assertFalse(json.contains("</"));
        assertFalse(json.contains("<!--"));
        assertFalse(json.contains("<"));
        assertFalse(json.contains("\u2028"));
        assertEquals(value, m.readValue(json, Map.class));
    }
}
