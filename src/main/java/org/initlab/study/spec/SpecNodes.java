package org.initlab.study.spec;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.initlab.UserError;
import org.initlab.catalog.NearestName;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Typed values from the nodes of one spec file. Every error is one line that starts with the
 * file and the path in it: {@code study.yaml: factors.activation[2]: ...}.
 */
public final class SpecNodes {
    private final String origin;

    public SpecNodes(String origin) {
        this.origin = origin;
    }

    /** The file's name as messages give it. */
    public String origin() {
        return origin;
    }

    /** "origin: path: message". */
    public UserError error(String path, String message) {
        return new UserError(origin + ": " + path + ": " + message);
    }

    /** {@code e} located at {@code path}, unless it already names a place in this file. */
    public UserError at(String path, UserError e) {
        return e.getMessage().startsWith(origin + ":") ? e : error(path, e.getMessage());
    }

    /** Fails on a key of {@code node} not in {@code valid}, suggesting the nearest. */
    public void checkKeys(ObjectNode node, Set<String> valid, String path) {
        for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
            String k = it.next();
            if (!valid.contains(k)) throw error(path + k, NearestName.unknown("key", k, valid.stream().sorted().toList()));
        }
    }

    /** {@code node} as a mapping, or an error "must be a mapping". */
    public ObjectNode mapping(JsonNode node, String path) {
        if (!node.isObject()) throw error(path, "must be a mapping");
        return (ObjectNode) node;
    }

    /** The text under {@code key}, or {@code dflt} when absent. */
    public String text(JsonNode node, String key, String dflt) {
        JsonNode v = node.get(key);
        if (v == null || v.isNull()) return dflt;
        if (!v.isValueNode()) throw error(key, "must be text, got " + v);
        return v.asText();
    }

    /** A finite number (SpecText refuses YAML's .nan, .inf and 1e400; this, the same written as text). */
    public double number(JsonNode v, String path) {
        double d;
        if (v.isNumber()) {
            d = v.asDouble();
        } else if (v.isTextual()) {
            try {
                d = Double.parseDouble(v.asText().trim());
            } catch (NumberFormatException e) {
                throw error(path, "must be a number, got " + v);
            }
        } else {
            throw error(path, "must be a number, got " + v);
        }
        if (!Double.isFinite(d)) throw error(path, "must be a finite number, got " + v.asText());
        return d;
    }

    public int integer(JsonNode v, String path, int min, int max) {
        double d = number(v, path);
        if (d != Math.rint(d)) throw error(path, "must be a whole number, got " + v);
        if (d < min || d > max) throw error(path, "must be between " + min + " and " + max + ", got " + v.asText()); // as written, not clamped
        return (int) d;
    }

    public boolean bool(JsonNode v, String path) {
        if (!v.isBoolean()) throw error(path, "must be true or false, got " + v);
        return v.asBoolean();
    }

    /** A parameter value: a number (Integer when whole and small, else Double), text, true/false or a list of them. */
    public Object scalar(JsonNode v, String path) {
        if (v.isBoolean()) return v.asBoolean();
        if (v.isIntegralNumber()) return v.asLong() == (int) v.asLong() ? (Object) (int) v.asLong() : (Object) (double) v.asLong();
        if (v.isNumber()) return v.asDouble();
        if (v.isTextual()) return v.asText();
        if (v.isArray()) {
            List<Object> out = new ArrayList<>();
            for (int i = 0; i < v.size(); i++) out.add(scalar(v.get(i), path + "[" + i + "]"));
            return out;
        }
        throw error(path, "expected a number, text or true/false, got " + v);
    }

    /** Merges {@code over} into {@code base}: mappings recursively, anything else replaced. */
    public static ObjectNode deepMerge(ObjectNode base, ObjectNode over) {
        for (Iterator<Map.Entry<String, JsonNode>> it = over.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            JsonNode old = base.get(e.getKey());
            if (old != null && old.isObject() && e.getValue().isObject()) deepMerge((ObjectNode) old, (ObjectNode) e.getValue());
            else base.set(e.getKey(), e.getValue().deepCopy());
        }
        return base;
    }
}
