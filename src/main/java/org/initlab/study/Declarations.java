package org.initlab.study;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.initlab.catalog.NearestName;
import org.initlab.study.factor.Factor;
import org.initlab.study.factor.Factors;
import org.initlab.study.spec.SpecNodes;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What one experiment declares, layer over layer, lowest first: the protocol's settings, the
 * spec's {@code settings} and {@code factors}, the experiment's own, then {@code --epochs}. A
 * later layer replaces a factor's entry (and moves it last); {@code evaluation} and
 * {@code probes} mappings are deep-merged instead.
 */
final class Declarations {
    static final String EVALUATION = "evaluation";
    static final String PROBES = "probes";

    /** A factor's node as written: a list of levels under {@code factors:}, else one level. */
    record Entry(JsonNode node, boolean listed, String path) {}

    private final Map<Factor<?>, Entry> factors = new LinkedHashMap<>();
    private final Map<String, Entry> nested = new LinkedHashMap<>();
    private final SpecNodes in;

    Declarations(SpecNodes in) {
        this.in = in;
    }

    /** Adds the mapping {@code node} (null: nothing), written at {@code path} ("settings."). */
    void add(JsonNode node, boolean listed, String path) {
        if (node == null || node.isNull()) return;
        if (!node.isObject()) throw in.error(path.substring(0, path.length() - 1), "must be a mapping");
        for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            String key = e.getKey();
            boolean isNested = !listed && (key.equals(EVALUATION) || key.equals(PROBES));
            Optional<Factor<?>> factor = Factors.find(key);
            if (isNested) {
                if (!e.getValue().isObject()) throw in.error(path + key, "must be a mapping");
                ObjectNode merged = nested.containsKey(key) ? ((ObjectNode) nested.get(key).node()).deepCopy()
                        : JsonNodeFactory.instance.objectNode();
                nested.put(key, new Entry(SpecNodes.deepMerge(merged, (ObjectNode) e.getValue()), false, path + key));
            } else if (factor.isPresent()) {
                factors.remove(factor.get());
                factors.put(factor.get(), new Entry(e.getValue(), listed, path + key));
            } else {
                List<String> valid = new ArrayList<>(Factors.keys());
                if (!listed) valid.addAll(List.of(EVALUATION, PROBES));
                throw in.error(path + key, NearestName.unknown(listed ? "factor" : "setting", key, valid));
            }
        }
    }

    /** Sets {@code factor} to one level, in its place, as the command line gives it ({@code --epochs}). */
    void override(Factor<?> factor, JsonNode node, String what) {
        factors.put(factor, new Entry(node, false, what));
    }

    Map<Factor<?>, Entry> factors() {
        return Collections.unmodifiableMap(factors);
    }

    /** The merged {@code evaluation} or {@code probes} mapping (empty if never given). */
    Entry nested(String key) {
        Entry e = nested.get(key);
        return e != null ? e : new Entry(JsonNodeFactory.instance.objectNode(), false, "settings." + key);
    }
}
