package org.initlab.study;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.initlab.catalog.NearestName;
import org.initlab.study.factor.Factor;
import org.initlab.study.factor.Factors;
import org.initlab.study.factor.Level;
import org.initlab.study.spec.SpecNodes;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * An experiment's {@code include} and {@code exclude} entries: mappings of factor to value, where
 * a value is one of the experiment's level labels ("he", "6 hidden") or, failing that, written
 * like a level (a name, a mapping, a list).
 */
final class Patterns {
    private Patterns() {}

    /** The levels factor {@code f} takes in an experiment: its list, or its one setting. */
    static List<Level<?>> levelsOf(Factor<?> f, Map<Factor<?>, Level<?>> settings, Map<Factor<?>, List<Level<?>>> factors) {
        return factors.containsKey(f) ? factors.get(f) : settings.containsKey(f) ? List.of(settings.get(f)) : List.of();
    }

    static List<Map<Factor<?>, Level<?>>> read(JsonNode node, String path, Map<Factor<?>, Level<?>> settings,
                                               Map<Factor<?>, List<Level<?>>> factors, SpecNodes in) {
        List<Map<Factor<?>, Level<?>>> out = new ArrayList<>();
        if (node == null || node.isNull()) return out;
        if (!node.isArray()) throw in.error(path, "must be a list of mappings, e.g. [{initializer: zeros, activation: relu}]");
        for (int i = 0; i < node.size(); i++) {
            String p = path + "[" + i + "]";
            if (!node.get(i).isObject() || node.get(i).isEmpty()) throw in.error(p, "must be a mapping of factor to value");
            Map<Factor<?>, Level<?>> pattern = new LinkedHashMap<>();
            for (Iterator<Map.Entry<String, JsonNode>> it = ((ObjectNode) node.get(i)).fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                Factor<?> f = Factors.find(e.getKey())
                        .orElseThrow(() -> in.error(p + "." + e.getKey(), NearestName.unknown("factor", e.getKey(), Factors.keys())));
                Optional<Level<?>> byLabel = Optional.empty();
                JsonNode v = e.getValue();
                if (v.isTextual() || v.isNumber() || v.isBoolean()) {
                    String text = e.getValue().asText();
                    byLabel = levelsOf(f, settings, factors).stream().filter(l -> l.label().equals(text)).findFirst();
                }
                pattern.put(f, byLabel.orElseGet(() -> Factors.read(f, e.getValue(), p + "." + e.getKey(), in)));
            }
            out.add(pattern);
        }
        return out;
    }

    /** Null when each entry of {@code pattern} names a level of the experiment; else why it matches no run. */
    static String mismatch(Map<Factor<?>, Level<?>> pattern, Map<Factor<?>, Level<?>> settings, Map<Factor<?>, List<Level<?>>> factors) {
        for (Map.Entry<Factor<?>, Level<?>> e : pattern.entrySet()) {
            List<Level<?>> levels = levelsOf(e.getKey(), settings, factors);
            if (levels.stream().noneMatch(l -> l.matchedBy(e.getValue()))) {
                return "it matches no run: " + e.getKey().key() + " '" + e.getValue().label() + "' is not among the levels ("
                        + String.join(", ", levels.stream().map(Level::label).toList()) + ")";
            }
        }
        return null;
    }
}
