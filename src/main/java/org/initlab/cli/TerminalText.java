package org.initlab.cli;

/**
 * Text bound for the terminal, with what a spec or a file named made visible rather than obeyed.
 * A label, study name, description or path is the user's (or a stranger's, in a study folder
 * someone sent): an ESC in it could clear the screen or recolour it, a CR or a line separator
 * could overwrite a line of output with a fake one, a bidi override could reverse what is read.
 * Every line initlab prints that holds such text goes through {@link #safe}.
 */
final class TerminalText {
    private TerminalText() {}

    /**
     * {@code s} with each control character (C0, DEL, C1), line or paragraph separator and bidi
     * control written as an escape: {@code \n}, {@code \r}, {@code \t}, else {@code \}{@code uXXXX}
     * (ESC is {@code \}{@code u001b}). Printable text, non-ASCII letters included, is unchanged
     * (the same instance). Null is "null", as string concatenation would print it.
     */
    static String safe(String s) {
        if (s == null) return "null";
        int i = 0;
        while (i < s.length() && !escaped(s.charAt(i))) i++;
        if (i == s.length()) return s;
        StringBuilder out = new StringBuilder(s.length() + 16).append(s, 0, i);
        for (; i < s.length(); i++) {
            char c = s.charAt(i);
            if (!escaped(c)) out.append(c);
            else if (c == '\n') out.append("\\n");
            else if (c == '\r') out.append("\\r");
            else if (c == '\t') out.append("\\t");
            else out.append(String.format("\\u%04x", (int) c));
        }
        return out.toString();
    }

    private static boolean escaped(char c) {
        return Character.isISOControl(c) // C0, DEL and C1 (U+009B is a one-character CSI to some terminals)
                || c == '\u2028' || c == '\u2029' // line and paragraph separators
                || c == '\u061c' || c == '\u200e' || c == '\u200f' // bidi marks
                || c >= '\u202a' && c <= '\u202e' // bidi embeddings and overrides
                || c >= '\u2066' && c <= '\u2069'; // bidi isolates
    }
}
