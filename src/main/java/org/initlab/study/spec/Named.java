package org.initlab.study.spec;

import com.fasterxml.jackson.databind.JsonNode;
import org.initlab.catalog.Params;

import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * A catalogue component as a spec writes it: a bare name ({@code relu}), or a mapping with
 * {@code name}, an optional {@code label} and parameters ({@code {name: normal, std: 1}}).
 *
 * @param label  the label given, else "name(param=value, ...)" as written
 * @param extra  keys the caller reads itself (an initializer's {@code bias}), as nodes
 */
public record Named(String name, String label, Map<String, Object> params, Map<String, JsonNode> extra) {
    /** Reads {@code node}; keys in {@code extraKeys} are kept aside, every other key is a parameter. */
    public static Named read(JsonNode node, String path, Set<String> extraKeys, SpecNodes in) {
        if (node.isTextual()) {
            String s = node.asText().trim();
            if (s.isEmpty()) throw in.error(path, "empty name");
            return new Named(s, s, Map.of(), Map.of());
        }
        if (!node.isObject()) throw in.error(path, "expected a name or a mapping {name: ..., <parameter>: ...}, got " + node);
        JsonNode nameNode = node.get("name");
        if (nameNode == null || !nameNode.isTextual()) throw in.error(path, "a mapping needs 'name:' (e.g. {name: normal, std: 1})");
        Map<String, Object> params = new LinkedHashMap<>();
        Map<String, JsonNode> extra = new LinkedHashMap<>();
        String label = null;
        for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            switch (e.getKey()) {
                case "name" -> { }
                case "label" -> label = e.getValue().asText();
                default -> {
                    if (extraKeys.contains(e.getKey())) extra.put(e.getKey(), e.getValue());
                    else params.put(e.getKey(), in.scalar(e.getValue(), path + "." + e.getKey()));
                }
            }
        }
        String name = nameNode.asText().trim();
        return new Named(name, label != null ? label : Params.label(name, params), params, extra);
    }
}
