package org.initlab.study.spec;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import org.initlab.UserError;
import org.initlab.io.ParseProblem;

import java.io.IOException;
import java.util.regex.Pattern;

/**
 * The first step of reading a spec: YAML text to a tree. Refused, each in one line with its line
 * number: a syntax error, a key given twice in one mapping (YAML forbids it; the parser would
 * otherwise keep the last silently, even for {@code lr}), a second document after
 * {@code ---} (which would otherwise be ignored), and a number that is not finite: no value of a
 * spec may be one, and the parser would otherwise stop at YAML's {@code .nan} and {@code .inf}
 * (YAML 1.2, 10.2.1.4) in words of its own and read {@code 1e400} as infinity.
 */
public final class SpecText {
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory())
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);

    /** YAML 1.2's infinities and not-a-number (the core schema's float tags, 10.3.2). */
    private static final Pattern INFINITY = Pattern.compile("[-+]?\\.(inf|Inf|INF)"), NOT_A_NUMBER = Pattern.compile("\\.(nan|NaN|NAN)");

    private SpecText() {}

    /** The mapping at the top of {@code yaml}, read from {@code origin} (named in messages). */
    public static ObjectNode read(String yaml, String origin) {
        requireFiniteNumbers(yaml, origin);
        JsonNode parsed;
        JsonParser p = null;
        try {
            p = YAML.createParser(yaml);
            parsed = YAML.readTree(p);
            JsonToken next = p.nextToken();
            if (next != null) {
                throw new UserError(origin + ": line " + documentStart(yaml, p.currentTokenLocation().getLineNr())
                        + ": a second YAML document starts here ('---'); a study spec is one document: remove the '---' and what"
                        + " follows, or put it in a file of its own");
            }
        } catch (JsonProcessingException e) {
            ParseProblem problem = ParseProblem.of(e, yaml);
            if (problem.line() == 0 && p != null && p.currentLocation() != null) { // a limit exceeded: where the parser stopped
                problem = new ParseProblem(p.currentLocation().getLineNr(), 0, problem.path(), problem.what());
            }
            throw new UserError(message(e, problem, origin), e);
        } catch (IOException e) {
            throw new IllegalStateException("reading a string failed", e);
        } finally {
            if (p != null) {
                try {
                    p.close();
                } catch (IOException ignored) {
                    // a string reader does not fail to close
                }
            }
        }
        if (parsed == null || !parsed.isObject()) throw new UserError(origin + ": a study spec is a YAML mapping (name:, factors:, ...)");
        return (ObjectNode) parsed;
    }

    /**
     * Fails at the first number of the (first) document that is not finite, with the text written,
     * its place and why; a syntax error is left for {@link #read} to report.
     */
    private static void requireFiniteNumbers(String yaml, String origin) {
        try (JsonParser p = YAML.createParser(yaml)) {
            for (JsonToken t = p.nextToken(); t != null; t = p.nextToken()) {
                if (t.isNumeric()) {
                    String text = p.getText().strip();
                    String why = NOT_A_NUMBER.matcher(text).matches() ? "which YAML reads as not-a-number"
                            : INFINITY.matcher(text).matches() ? "which YAML reads as infinity"
                            : Double.isInfinite(p.getDoubleValue()) ? "beyond the largest number a double holds (about 1.8e308)" : null;
                    if (why != null) {
                        throw new UserError(origin + ": " + ParseProblem.path(p.getParsingContext()) + ": must be a finite number, got "
                                + text + " (line " + p.currentTokenLocation().getLineNr() + "), " + why);
                    }
                }
                if (p.getParsingContext().inRoot()) return; // the first document's end: read() refuses a second one
            }
        } catch (JsonProcessingException | NumberFormatException syntax) {
            // read() says what is wrong, as for a spec without such numbers
        } catch (IOException e) {
            throw new IllegalStateException("reading a string failed", e);
        }
    }

    private static String message(JsonProcessingException e, ParseProblem p, String origin) {
        if (e.getOriginalMessage() != null && e.getOriginalMessage().startsWith("Duplicate field ")) {
            return origin + ": " + p.path() + ": given twice" + (p.line() > 0 ? " (the second time at line " + p.line() + ")" : "") + "; keep one";
        }
        String where = p.where();
        return origin + ": not valid YAML" + (where.isEmpty() ? "" : " " + where) + ": " + (p.path().isEmpty() || p.line() > 0 ? "" : p.path() + ": ")
                + p.what();
    }

    /** The line of the {@code ---} that opens the document whose first token is on line {@code tokenLine}. */
    private static int documentStart(String yaml, int tokenLine) {
        String[] lines = yaml.split("\n", -1);
        for (int i = Math.min(tokenLine, lines.length) - 1; i >= 0; i--) {
            if (lines[i].equals("---") || lines[i].startsWith("--- ") || lines[i].startsWith("---\t") || lines[i].equals("---\r")) return i + 1;
        }
        return tokenLine;
    }

    /** A fragment built into the program (a protocol's defaults). */
    public static ObjectNode builtIn(String yaml) {
        try {
            return (ObjectNode) YAML.readTree(yaml);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("built-in YAML does not parse", e);
        }
    }
}
