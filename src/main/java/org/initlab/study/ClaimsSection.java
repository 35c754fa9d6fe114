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
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The {@code claims:} section: hypotheses about the study's results, each checked against its
 * grid when the spec is read, so that a misspelt level fails here and not silently in the report.
 * <pre>
 * claims:
 *   - {text: "Xavier suits tanh", better: xavier, than: he, where: {activation: tanh}}
 *   - {text: "He is ideal for ReLU", better: he, than: [zero, random, xavier], where: {activation: relu}}
 *   - {text: "He avoids inactive neurons", better: he, than: random, metric: dead_fraction}
 *   - {text: "Zero fails entirely", level: zero, at_most: 0.2}
 * </pre>
 * {@code better} and {@code than} (a level or a list; "than each of") are labels of one factor;
 * {@code where} maps factors to a level or a list of levels; {@code metric} is a
 * {@link ClaimMetric} (final test accuracy by default). Levels are matched against every
 * experiment of the spec, before {@code select:}; a claim about runs a selection leaves out is
 * reported as not evaluable.
 */
final class ClaimsSection {
    static final Set<String> KEYS = Set.of("text", "metric", "better", "than", "level", "at_most", "at_least", "where");

    private ClaimsSection() {}

    static List<Claim> read(JsonNode node, List<Experiment> experiments, SpecNodes in) {
        if (node == null || node.isNull()) return List.of();
        if (!node.isArray()) throw in.error("claims", "a list of claims, e.g. - {text: \"Xavier suits tanh\", better: xavier, than: he, where: {activation: tanh}}");
        Map<String, Set<String>> levels = levels(experiments);
        List<Claim> claims = new ArrayList<>();
        for (int i = 0; i < node.size(); i++) claims.add(claim(node.get(i), "claims[" + i + "]", levels, in));
        return claims;
    }

    private static Claim claim(JsonNode node, String path, Map<String, Set<String>> levels, SpecNodes in) {
        if (!node.isObject()) throw in.error(path, "a claim is a mapping: {text: ..., better: ..., than: ...} or {text: ..., level: ..., at_most: ...}");
        in.checkKeys((ObjectNode) node, KEYS, path + ".");
        String text = in.text(node, "text", null);
        if (text == null || text.isBlank()) throw in.error(path + ".text", "say what the claim is in words (text: \"Xavier suits tanh\")");
        String metricName = in.text(node, "metric", ClaimMetric.DEFAULT.key());
        ClaimMetric metric = ClaimMetric.find(metricName);
        if (metric == null) throw in.error(path + ".metric", NearestName.unknown("metric", metricName, ClaimMetric.keys()));

        boolean comparison = node.has("better") || node.has("than");
        boolean bound = node.has("level") || node.has("at_most") || node.has("at_least");
        if (comparison == bound) {
            throw in.error(path, comparison ? "give either better/than or level with at_most/at_least, not both"
                    : "say what is claimed: better: <level>, than: <level> — or level: <level>, at_most: <number>");
        }
        List<String> better = List.of(), than = List.of();
        String factor, level = null;
        Double atMost = null, atLeast = null;
        if (comparison) {
            if (!node.has("better") || !node.has("than")) throw in.error(path, "a comparison needs both better: and than:");
            better = labels(node.get("better"), path + ".better", in);
            than = labels(node.get("than"), path + ".than", in);
            List<String> all = new ArrayList<>(better);
            all.addAll(than);
            factor = factorOf(all, path + (factorOf(better, levels) == null ? ".better" : ".than"), levels, in);
            for (String b : better) if (than.contains(b)) throw in.error(path + ".than", "'" + b + "' is both better and worse");
        } else {
            if (!node.has("level")) throw in.error(path, "a bound needs level: <level> (e.g. level: zero, at_most: 0.2)");
            level = in.text(node, "level", null);
            factor = factorOf(List.of(level), path + ".level", levels, in);
            if (node.has("at_most")) atMost = in.number(node.get("at_most"), path + ".at_most");
            if (node.has("at_least")) atLeast = in.number(node.get("at_least"), path + ".at_least");
            if (atMost == null && atLeast == null) throw in.error(path, "a bound needs at_most: <number> or at_least: <number>");
            if (atMost != null && atLeast != null && atLeast > atMost) throw in.error(path + ".at_least", "is above at_most: nothing can satisfy both");
        }
        Map<String, List<String>> where = where(node.get("where"), path + ".where", factor, levels, in);
        return new Claim(text, metric.key(), factor, better, than, level, atMost, atLeast, where);
    }

    private static Map<String, List<String>> where(JsonNode node, String path, String claimFactor, Map<String, Set<String>> levels, SpecNodes in) {
        Map<String, List<String>> where = new LinkedHashMap<>();
        if (node == null || node.isNull()) return where;
        if (!node.isObject()) throw in.error(path, "a mapping of factor to level(s), e.g. where: {activation: tanh}");
        for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            String at = path + "." + e.getKey();
            Factor<?> f = Factors.find(e.getKey()).orElse(null);
            if (f == null || !levels.containsKey(f.key())) {
                throw in.error(at, NearestName.unknown("factor", e.getKey(), List.copyOf(levels.keySet())) + " (the factors this study sets or varies)");
            }
            if (f.key().equals(claimFactor)) throw in.error(at, "the claim compares levels of " + f.key() + "; 'where' restricts the other factors");
            List<String> ls = labels(e.getValue(), at, in);
            for (int i = 0; i < ls.size(); i++) {
                if (!levels.get(f.key()).contains(ls.get(i))) {
                    throw in.error(ls.size() > 1 ? at + "[" + i + "]" : at, NearestName.unknown(f.key() + " level", ls.get(i), List.copyOf(levels.get(f.key()))));
                }
            }
            where.put(f.key(), ls);
        }
        return where;
    }

    /** The one factor with every label among its levels, or an error naming the first label that fits none. */
    private static String factorOf(List<String> labels, String path, Map<String, Set<String>> levels, SpecNodes in) {
        String f = factorOf(labels, levels);
        if (f != null) return f;
        for (String label : labels) {
            if (levels.values().stream().noneMatch(ls -> ls.contains(label))) {
                List<String> all = levels.values().stream().flatMap(Set::stream).distinct().toList();
                throw in.error(path, NearestName.unknown("level", label, all) + " (claims name levels by their labels)");
            }
        }
        throw in.error(path, "levels " + labels + " belong to different factors; a claim compares levels of one factor");
    }

    private static String factorOf(List<String> labels, Map<String, Set<String>> levels) {
        for (Map.Entry<String, Set<String>> e : levels.entrySet()) if (e.getValue().containsAll(labels)) return e.getKey();
        return null;
    }

    /** A label or a list of labels. */
    private static List<String> labels(JsonNode node, String path, SpecNodes in) {
        List<String> out = new ArrayList<>();
        if (node.isArray()) {
            if (node.isEmpty()) throw in.error(path, "an empty list names no level");
            for (int i = 0; i < node.size(); i++) out.add(label(node.get(i), path + "[" + i + "]", in));
        } else out.add(label(node, path, in));
        return out;
    }

    private static String label(JsonNode node, String path, SpecNodes in) {
        if (!node.isValueNode() || node.isNull()) throw in.error(path, "a level's label, e.g. xavier, got " + node);
        return node.asText();
    }

    /** Every factor's level labels over all experiments: settings, factors and include patterns. */
    static Map<String, Set<String>> levels(List<Experiment> experiments) {
        Map<String, Set<String>> out = new LinkedHashMap<>();
        for (Experiment e : experiments) {
            e.settings().forEach((f, l) -> add(out, l));
            e.factors().forEach((f, ls) -> ls.forEach(l -> add(out, l)));
            for (Map<Factor<?>, Level<?>> include : e.include()) include.values().forEach(l -> add(out, l));
        }
        return out;
    }

    private static void add(Map<String, Set<String>> out, Level<?> l) {
        out.computeIfAbsent(l.factor().key(), k -> new LinkedHashSet<>()).add(l.label());
    }
}
