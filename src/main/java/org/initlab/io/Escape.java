package org.initlab.io;

/**
 * Escaping for text that comes from study specs (names, labels, descriptions) and ends up in
 * HTML, SVG or a script block: a study named {@code <script>alert(1)</script>} must show as text.
 */
public final class Escape {
    private Escape() {}

    /**
     * Text content and attribute values in HTML and XML (SVG): &amp; &lt; &gt; " ' become
     * entities (OWASP's rule for element content and quoted attributes); control characters
     * other than tab and line breaks, which XML forbids, are dropped.
     */
    public static String html(String s) {
        if (s == null) return "";
        StringBuilder sb = null;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            String rep = switch (c) {
                case '&' -> "&amp;";
                case '<' -> "&lt;";
                case '>' -> "&gt;";
                case '"' -> "&quot;";
                case '\'' -> "&#39;";
                default -> c < 0x20 && c != '\t' && c != '\n' && c != '\r' || c == 0xFFFE || c == 0xFFFF ? "" : null;
            };
            if (rep != null && sb == null) {
                sb = new StringBuilder(s.length() + 16);
                sb.append(s, 0, i);
            }
            if (sb != null) {
                if (rep != null) sb.append(rep);
                else sb.append(c);
            }
        }
        return sb == null ? s : sb.toString();
    }

    /**
     * A value for an attribute written in single quotes ({@code name='…'}): &amp; &lt; &gt; and '
     * become entities; double quotes stay as they are, which keeps embedded JSON short.
     */
    public static String singleQuotedAttribute(String s) {
        return html(s).replace("&quot;", "\"");
    }

    /**
     * JSON text to place inside a {@code <script>} element: every '&lt;', '&gt;' and '&amp;' becomes
     * a JSON unicode escape (backslash, u, four hex digits), so neither "&lt;/script" nor "&lt;!--"
     * can occur; U+2028/U+2029 (line terminators in older JavaScript) are escaped too. The JSON
     * means the same after: those characters can only occur inside JSON strings, where such
     * escapes are equivalent.
     */
    public static String scriptJson(String json) {
        return json.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
                .replace("\u2028", "\\u2028").replace("\u2029", "\\u2029");
    }
}
