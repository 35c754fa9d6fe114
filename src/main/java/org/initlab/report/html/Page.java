package org.initlab.report.html;

import org.initlab.io.Escape;

/**
 * A small HTML writer, what a {@link Section} writes its body to: every piece of text goes through
 * {@link Escape#html}; markup is written as is.
 */
public final class Page {
    private final StringBuilder sb = new StringBuilder(1 << 20);

    /** Raw markup (never text from a spec). */
    public Page raw(String markup) {
        sb.append(markup);
        return this;
    }

    /** Escaped text. */
    public Page text(String s) {
        sb.append(Escape.html(s));
        return this;
    }

    /** {@code <tag attrs>text</tag>} with the text escaped. */
    public Page element(String tag, String attributes, String text) {
        sb.append('<').append(tag);
        if (attributes != null && !attributes.isEmpty()) sb.append(' ').append(attributes);
        sb.append('>').append(Escape.html(text)).append("</").append(tag).append(">\n");
        return this;
    }

    /** {@code name="value"} with the value escaped. */
    public static String attr(String name, String value) {
        return name + "=\"" + Escape.html(value) + "\"";
    }

    @Override
    public String toString() {
        return sb.toString();
    }
}
