package org.initlab.io;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;

import java.util.Collection;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Why a JSON or YAML reader (Jackson, and SnakeYAML beneath it) refused a text, in words for the
 * person who wrote it: where (line, column, the path of keys) and what, in one line, without
 * Java class names, parser events or Jackson's "reference chain".
 *
 * @param line   1-based, or 0 when unknown
 * @param column 1-based, or 0 when not worth showing
 * @param path   the keys and indices down to the problem ({@code settings.optimizer.lr},
 *               {@code runs[3].labels}), or "" at the top or when unknown
 * @param what   what is wrong
 */
public record ParseProblem(int line, int column, String path, String what) {
    private static final Pattern LIMIT = Pattern.compile("\\((\\d+), from `");
    private static final Pattern BACKTICKED = Pattern.compile("`([^`]*)`");
    private static final Pattern JAVA_NAME = Pattern.compile("\\b(?:[a-z][a-z0-9_]*\\.)+([A-Z][A-Za-z0-9_$]*)");

    /** The problem {@code e} reports; {@code text} (may be null) is what was read, to place errors given as an offset. */
    public static ParseProblem of(JsonProcessingException e, String text) {
        int line = e.getLocation() == null ? 0 : Math.max(0, e.getLocation().getLineNr());
        if (line == 0 && e.getProcessor() instanceof JsonParser p && p.currentLocation() != null) line = Math.max(0, p.currentLocation().getLineNr());
        String path = e instanceof JsonMappingException m ? path(m.getPath())
                : e.getProcessor() instanceof JsonParser p ? path(p.getParsingContext()) : "";
        Throwable cause = e.getCause();
        if (cause instanceof org.yaml.snakeyaml.error.MarkedYAMLException y) return marked(y, path);
        if (cause instanceof org.yaml.snakeyaml.reader.ReaderException r) {
            return new ParseProblem(text == null ? line : lineAt(text, r.getPosition()), 0, "", character(r.getCodePoint()));
        }
        return new ParseProblem(line, 0, path, what(e));
    }

    /** {@code "at line 3, column 5"}, {@code "at line 3"}, or "" when the line is unknown. */
    public String where() {
        return line <= 0 ? "" : "at line " + line + (column > 0 ? ", column " + column : "");
    }

    /** "at line 3: runs[2].seed: expected a whole number", the parts that are known. */
    @Override
    public String toString() {
        String w = where();
        return (w.isEmpty() ? "" : w + ": ") + (path.isEmpty() ? "" : path + ": ") + what;
    }

    private static ParseProblem marked(org.yaml.snakeyaml.error.MarkedYAMLException y, String path) {
        var at = y.getProblemMark();
        String what = snakeWords(y.getProblem() == null ? y.getMessage() : y.getProblem());
        var ctxAt = y.getContextMark();
        if (y.getContext() != null && ctxAt != null && at != null && (ctxAt.getLine() != at.getLine() || ctxAt.getColumn() != at.getColumn())) {
            what += " (" + context(y.getContext()) + " that starts at line " + (ctxAt.getLine() + 1) + ", column " + (ctxAt.getColumn() + 1) + ")";
        }
        return new ParseProblem(at == null ? 0 : at.getLine() + 1, at == null ? 0 : at.getColumn() + 1, path, what);
    }

    /** SnakeYAML's "while parsing a flow sequence" as the thing it was in. */
    private static String context(String c) {
        String s = c.trim();
        if (s.contains("sequence") || s.contains("collection")) return "in the list";
        if (s.contains("mapping")) return "in the mapping";
        if (s.contains("quoted scalar")) return "in the quoted text";
        if (s.contains("simple key")) return "in the key";
        return s.replaceFirst("^while (parsing|scanning) an? ", "in the ");
    }

    /** SnakeYAML's token names ({@code <stream end>}) in words. */
    private static String snakeWords(String problem) {
        String s = problem.replace("'\\t(TAB)' that cannot start any token. (Do not use \\t(TAB) for indentation)",
                        "a tab, which YAML does not allow for indentation; use spaces")
                .replace("<stream end>", "the end of the file")
                .replace("<block end>", "the end of the block")
                .replaceAll("'<([^>]+)>'", "$1")
                .replaceAll("<([^>]+)>", "$1");
        return oneLine(s);
    }

    private static String character(int codePoint) {
        String u = String.format("U+%04X", codePoint);
        if (Character.isISOControl(codePoint)) {
            return "control character " + u + " is not allowed; write it as an escape (\\x" + String.format("%02x", codePoint)
                    + ") in a double-quoted string";
        }
        return "character " + u + " is not allowed in YAML";
    }

    private static String what(JsonProcessingException e) {
        String msg = e.getOriginalMessage() == null ? "" : e.getOriginalMessage();
        if (e instanceof StreamConstraintsException) {
            Matcher m = LIMIT.matcher(msg);
            String limit = m.find() ? m.group(1) : null;
            if (limit != null && msg.contains("nesting depth")) return "nested more than " + limit + " deep";
            if (limit != null && msg.startsWith("Number value length")) return "a number of more than " + limit + " digits";
            if (limit != null && msg.startsWith("String value length")) return "a text value of more than " + limit + " characters";
            if (limit != null && msg.startsWith("Name length")) return "a key of more than " + limit + " characters";
            return limit != null ? "too large to read (the limit is " + limit + ")" : "too large to read";
        }
        if (msg.startsWith("Duplicate field ")) return msg.substring("Duplicate field ".length()) + " is given twice";
        if (msg.startsWith("Expected a field name")) return "a key must be a plain name, not a list or a mapping";
        if (msg.contains("base64")) return "a !!binary value that is not valid base64 (nothing here is binary: remove the !!binary tag)";
        if (e instanceof InvalidFormatException f) return "expected " + kind(f.getTargetType()) + ", got " + shown(f.getValue());
        if (e instanceof ValueInstantiationException v) {
            Throwable c = v.getCause();
            return c != null && c.getMessage() != null ? oneLine(c.getMessage()) : "a value that is not valid here";
        }
        if (e instanceof MismatchedInputException m && m.getTargetType() != null) {
            return "expected " + kind(m.getTargetType()) + (msg.startsWith("No content") ? ", got nothing" : "");
        }
        return scrub(msg);
    }

    /** What a Java type is, as a JSON or YAML value. */
    static String kind(Class<?> t) {
        if (t == null) return "another kind of value";
        if (t == Integer.class || t == int.class || t == Long.class || t == long.class || t == Short.class || t == short.class
                || t == Byte.class || t == byte.class || t == java.math.BigInteger.class) return "a whole number";
        if (t == Double.class || t == double.class || t == Float.class || t == float.class || Number.class.isAssignableFrom(t)) return "a number";
        if (t == Boolean.class || t == boolean.class) return "true or false";
        if (t == String.class || t == Character.class || t == char.class || t.isEnum()) return "text";
        if (t.isArray() || Collection.class.isAssignableFrom(t)) return "a list";
        return "a mapping";
    }

    private static String shown(Object v) {
        return v instanceof String s ? "'" + oneLine(s) + "'" : String.valueOf(v);
    }

    /** The message with Java names, Jackson's source descriptions and reference chains taken out. */
    static String scrub(String msg) {
        String s = msg.replaceAll("\\s*\\(through reference chain:[^)]*\\)", "")
                .replaceAll("\\s*\\[Source:[^\\]]*\\]", "")
                .replaceAll("\\s*at \\[Source:.*", "");
        Matcher m = BACKTICKED.matcher(s);
        StringBuilder sb = new StringBuilder();
        while (m.find()) m.appendReplacement(sb, Matcher.quoteReplacement(JAVA_NAME.matcher(m.group(1)).replaceAll("$1")));
        m.appendTail(sb);
        return oneLine(JAVA_NAME.matcher(sb.toString()).replaceAll("$1"));
    }

    private static String oneLine(String s) {
        return s.replaceAll("\\s+", " ").trim();
    }

    /** {@code settings.optimizer.lr}, {@code factors.initializer[1]}: where a parser is. */
    public static String path(JsonStreamContext ctx) {
        StringBuilder sb = new StringBuilder();
        for (JsonStreamContext c = ctx; c != null && !c.inRoot(); c = c.getParent()) {
            String step = c.inArray() ? "[" + Math.max(0, c.getCurrentIndex()) + "]"
                    : c.getCurrentName() == null ? "" : (c.getParent() != null && !c.getParent().inRoot() ? "." : "") + c.getCurrentName();
            sb.insert(0, step);
        }
        return sb.toString();
    }

    private static String path(List<JsonMappingException.Reference> chain) {
        StringBuilder sb = new StringBuilder();
        for (JsonMappingException.Reference r : chain) {
            if (r.getFieldName() != null) sb.append(sb.isEmpty() ? "" : ".").append(r.getFieldName());
            else if (r.getIndex() >= 0) sb.append('[').append(r.getIndex()).append(']');
        }
        return sb.toString();
    }

    /** The 1-based line of code point {@code offset} in {@code text}. */
    private static int lineAt(String text, int offset) {
        int line = 1;
        for (int i = 0, cp = 0; i < text.length() && cp < offset; i = text.offsetByCodePoints(i, 1), cp++) {
            if (text.charAt(i) == '\n') line++;
        }
        return line;
    }
}
