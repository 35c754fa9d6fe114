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

    /** The narrowest width text is wrapped to; picocli's usage help needs 55. */
    static final int MIN_WIDTH = 55;

    /**
     * The width to wrap at: {@code $COLUMNS} when set, else the terminal's (asked of {@code tput}
     * or {@code stty} by picocli, which also honours {@code -Dpicocli.usage.width}), else 80.
     */
    static int width() {
        String c = System.getenv("COLUMNS");
        if (c != null) {
            try {
                return Math.max(MIN_WIDTH, Integer.parseInt(c.trim()));
            } catch (NumberFormatException e) {
                // not a number: ask the terminal
            }
        }
        return Math.max(MIN_WIDTH, new picocli.CommandLine.Model.UsageMessageSpec().autoWidth(true).width());
    }

    /**
     * {@code text} in lines of at most {@code width} characters, broken at spaces only; the first
     * line starts with {@code first}, the others with {@code rest} (both counted in the width). A
     * word too long for a line after {@code rest} gets a line of its own, indented less so that it
     * fits (flush left when it is wider than {@code width}): words are never cut.
     */
    static java.util.List<String> wrap(String text, int width, String first, String rest) {
        java.util.List<String> lines = new java.util.ArrayList<>();
        StringBuilder line = new StringBuilder(first);
        int start = first.length();
        for (String word : text.strip().split(" +")) {
            if (word.isEmpty()) continue;
            if (line.length() > start && line.length() + 1 + word.length() > width) {
                lines.add(line.toString());
                line = new StringBuilder(rest);
                start = rest.length();
            }
            if (line.length() == start && start + word.length() > width) {
                // too long for the indent: as far in as it fits
                int indent = Math.max(0, width - word.length());
                if (!lines.isEmpty() || line.length() > indent) line.setLength(Math.min(line.length(), indent));
                start = line.length();
            }
            if (line.length() > start) line.append(' ');
            line.append(word);
        }
        lines.add(line.toString());
        return lines;
    }

    private static boolean escaped(char c) {
        return Character.isISOControl(c) // C0, DEL and C1 (U+009B is a one-character CSI to some terminals)
                || c == '\u2028' || c == '\u2029' // line and paragraph separators
                || c == '\u061c' || c == '\u200e' || c == '\u200f' // bidi marks
                || c >= '\u202a' && c <= '\u202e' // bidi embeddings and overrides
                || c >= '\u2066' && c <= '\u2069'; // bidi isolates
    }
}
