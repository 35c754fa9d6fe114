package org.initlab.study.spec;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import org.initlab.UserError;

/** The first step of reading a spec: YAML text to a tree; a syntax error is one line with its line number. */
public final class SpecText {
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    private SpecText() {}

    /** The mapping at the top of {@code yaml}, read from {@code origin} (named in messages). */
    public static ObjectNode read(String yaml, String origin) {
        JsonNode parsed;
        try {
            parsed = YAML.readTree(yaml);
        } catch (JsonProcessingException e) {
            String where = e.getLocation() == null ? "" : " at line " + e.getLocation().getLineNr();
            throw new UserError(origin + ": not valid YAML" + where + ": " + e.getOriginalMessage().replaceAll("\\s+", " ").trim());
        }
        if (parsed == null || !parsed.isObject()) throw new UserError(origin + ": a study spec is a YAML mapping (name:, factors:, ...)");
        return (ObjectNode) parsed;
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
