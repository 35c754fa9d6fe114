package org.initlab.study;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import org.initlab.UserError;
import org.initlab.catalog.NearestName;
import org.initlab.catalog.Params;
import org.initlab.init.BiasInitializer;
import org.initlab.init.Initializer;
import org.initlab.init.Initializers;
import org.initlab.nn.Activation;
import org.initlab.nn.Activations;
import org.initlab.optim.OptimizerSpec;
import org.initlab.optim.Optimizers;
import org.initlab.train.Evaluation;
import org.initlab.train.ProbeSettings;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads a study spec from YAML, applies its protocol, and validates every name and value. Each
 * error is one line that says where it is ({@code study.yaml: factors.activation[2]: ...}) and
 * what would be valid.
 *
 * <p>Precedence, lowest first: the protocol's defaults ({@link Protocols}), the spec's
 * {@code protocols.<name>} block (deep-merged over the spec), the spec's {@code settings} and
 * {@code factors}, then each experiment's own {@code settings} and {@code factors}.
 */
public final class StudySpecParser {
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    private static final Set<String> ROOT_KEYS = Set.of("name", "description", "protocol", "dataset", "seeds",
            "settings", "factors", "include", "exclude", "experiments", "protocols", "select");
    private static final Set<String> EXPERIMENT_KEYS = Set.of("description", "settings", "factors", "include", "exclude");
    private static final String EVALUATION = "evaluation";
    private static final String PROBES = "probes";

    /** Command-line overrides: any may be null. */
    public record Overrides(String protocol, Integer seeds, Integer epochs) {
        public static final Overrides NONE = new Overrides(null, null, null);

        /** These, with {@code fallback}'s where these have none. */
        public Overrides orElse(Overrides fallback) {
            if (fallback == null) return this;
            return new Overrides(protocol != null ? protocol : fallback.protocol(), seeds != null ? seeds : fallback.seeds(),
                    epochs != null ? epochs : fallback.epochs());
        }

        /** "--protocol notebook --seeds 1", or "" when none is set. */
        public String asOptions() {
            StringBuilder sb = new StringBuilder();
            if (protocol != null) sb.append(" --protocol ").append(protocol);
            if (seeds != null) sb.append(" --seeds ").append(seeds);
            if (epochs != null) sb.append(" --epochs ").append(epochs);
            return sb.toString().trim();
        }
    }

    private final String origin;

    private StudySpecParser(String origin) {
        this.origin = origin;
    }

    /** Parses {@code yaml} (read from {@code origin}, used in messages) with the overrides applied. */
    public static StudySpec parse(String yaml, String origin, Overrides overrides) {
        return new StudySpecParser(origin).read(yaml, overrides);
    }

    private StudySpec read(String yaml, Overrides overrides) {
        JsonNode parsed;
        try {
            parsed = YAML.readTree(yaml);
        } catch (JsonProcessingException e) {
            String where = e.getLocation() == null ? "" : " at line " + e.getLocation().getLineNr();
            throw new UserError(origin + ": not valid YAML" + where + ": " + e.getOriginalMessage().replaceAll("\\s+", " ").trim());
        }
        if (parsed == null || !parsed.isObject()) throw new UserError(origin + ": a study spec is a YAML mapping (name:, factors:, ...)");
        ObjectNode root = (ObjectNode) parsed;
        checkKeys(root, ROOT_KEYS, "");

        String protocol = overrides.protocol() != null ? overrides.protocol() : text(root, "protocol", "default");
        if (!Protocols.names().contains(protocol)) {
            throw new UserError(origin + ": " + NearestName.unknown("protocol", protocol, Protocols.names()));
        }
        JsonNode blocks = root.get("protocols");
        if (blocks != null) {
            if (!blocks.isObject()) throw error("protocols", "must be a mapping of protocol name to overrides");
            for (Iterator<String> it = blocks.fieldNames(); it.hasNext(); ) {
                String p = it.next();
                if (!Protocols.names().contains(p)) throw error("protocols." + p, NearestName.unknown("protocol", p, Protocols.names()));
            }
            JsonNode block = blocks.get(protocol);
            if (block != null) {
                if (!block.isObject()) throw error("protocols." + protocol, "must be a mapping");
                checkKeys((ObjectNode) block, ROOT_KEYS, "protocols." + protocol + ".");
                root = deepMerge(root.deepCopy(), (ObjectNode) block);
            }
        }
        root.remove("protocols");

        String name = text(root, "name", null);
        if (name == null || name.isBlank()) throw error("name", "a study needs a name (name: my-study)");
        String description = text(root, "description", "");
        StudySpec.DataChoice data = dataChoice(root.get("dataset"));
        ObjectNode defaults = Protocols.defaults(protocol);
        List<Long> seeds = overrides.seeds() != null ? seedRange(overrides.seeds(), "--seeds")
                : seeds(root.has("seeds") ? root.get("seeds") : defaults.get("seeds"));

        List<Experiment> experiments = new ArrayList<>();
        JsonNode exps = root.get("experiments");
        if (exps == null) {
            experiments.add(experiment(name, description, defaults, root, null, "", overrides));
        } else {
            if (!exps.isObject() || exps.isEmpty()) throw error("experiments", "must be a mapping of experiment name to its settings and factors");
            for (Iterator<Map.Entry<String, JsonNode>> it = exps.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                String path = "experiments." + e.getKey() + ".";
                if (!e.getValue().isObject()) throw error(path, "must be a mapping");
                ObjectNode en = (ObjectNode) e.getValue();
                checkKeys(en, EXPERIMENT_KEYS, path);
                experiments.add(experiment(e.getKey(), text(en, "description", ""), defaults, root, en, path, overrides));
            }
        }
        for (Map.Entry<String, String> u : unmatchedExcludes.entrySet()) {
            if (!matchedExcludes.contains(u.getKey())) throw error(u.getKey(), u.getValue());
        }
        JsonNode select = root.get("select");
        if (select != null) {
            if (!select.isArray() || select.isEmpty()) throw error("select", "a list of experiment names, e.g. [activations]");
            List<String> names = experiments.stream().map(Experiment::name).toList();
            List<Experiment> chosen = new ArrayList<>();
            for (int i = 0; i < select.size(); i++) {
                String n = select.get(i).asText();
                int k = names.indexOf(n);
                if (k < 0) throw error("select[" + i + "]", NearestName.unknown("experiment", n, names));
                chosen.add(experiments.get(k));
            }
            experiments = chosen;
        }
        return new StudySpec(name, description, protocol, data, seeds, experiments, yaml, overrides);
    }

    private record Entry(JsonNode node, boolean factor, String path) {}

    private Experiment experiment(String name, String description, ObjectNode defaults, ObjectNode root, ObjectNode exp,
                                  String expPath, Overrides overrides) {
        Map<String, Entry> entries = new LinkedHashMap<>();
        put(entries, defaults.get("settings"), false, "(protocol defaults).");
        put(entries, root.get("settings"), false, "settings.");
        put(entries, root.get("factors"), true, "factors.");
        if (exp != null) {
            put(entries, exp.get("settings"), false, expPath + "settings.");
            put(entries, exp.get("factors"), true, expPath + "factors.");
        }
        if (overrides.epochs() != null) {
            if (overrides.epochs() < 0) throw new UserError("--epochs must be 0 or more, got " + overrides.epochs());
            entries.put(Factor.EPOCHS.key(), new Entry(JsonNodeFactory.instance.numberNode(overrides.epochs()), false, "--epochs"));
        }

        Map<Factor, Level> settings = new LinkedHashMap<>();
        Map<Factor, List<Level>> factors = new LinkedHashMap<>();
        for (Map.Entry<String, Entry> e : entries.entrySet()) {
            if (e.getKey().equals(EVALUATION) || e.getKey().equals(PROBES)) continue;
            Factor f = Factor.byKey(e.getKey());
            Entry en = e.getValue();
            if (en.factor()) {
                if (!en.node().isArray() || en.node().isEmpty()) {
                    throw error(en.path(), "a factor is a non-empty list of levels; put a single value under settings:");
                }
                List<Level> levels = new ArrayList<>();
                for (int i = 0; i < en.node().size(); i++) levels.add(level(f, en.node().get(i), en.path() + "[" + i + "]"));
                checkDistinct(levels, en.path());
                factors.put(f, levels);
            } else {
                settings.put(f, level(f, en.node(), en.path()));
            }
        }
        Evaluation evaluation = evaluation(merged(entries, EVALUATION), settings);
        ProbeSettings probes = probes(merged(entries, PROBES));
        JsonNode inc = exp != null && exp.has("include") ? exp.get("include") : root.get("include");
        JsonNode exc = exp != null && exp.has("exclude") ? exp.get("exclude") : root.get("exclude");
        String incPath = exp != null && exp.has("include") ? expPath + "include" : "include";
        String excPath = exp != null && exp.has("exclude") ? expPath + "exclude" : "exclude";
        List<Map<Factor, Level>> excluded = combinations(exc, excPath, settings, factors);
        for (int i = 0; i < excluded.size(); i++) {
            String why = mismatch(excluded.get(i), settings, factors);
            if (why != null) unmatchedExcludes.putIfAbsent(excPath + "[" + i + "]", why);
            else matchedExcludes.add(excPath + "[" + i + "]");
        }
        return new Experiment(name, description, settings, factors, combinations(inc, incPath, settings, factors), excluded, evaluation, probes);
    }

    private void put(Map<String, Entry> entries, JsonNode node, boolean factor, String path) {
        if (node == null || node.isNull()) return;
        if (!node.isObject()) throw error(path.substring(0, path.length() - 1), "must be a mapping");
        for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            String key = e.getKey();
            boolean nested = key.equals(EVALUATION) || key.equals(PROBES);
            if (Factor.byKey(key) == null && !(nested && !factor)) {
                List<String> valid = new ArrayList<>(Factor.keys());
                if (!factor) valid.addAll(List.of(EVALUATION, PROBES));
                throw error(path + key, NearestName.unknown(factor ? "factor" : "setting", key, valid));
            }
            if (nested) {
                Entry old = entries.get(key);
                ObjectNode merged = old == null ? JsonNodeFactory.instance.objectNode() : ((ObjectNode) old.node()).deepCopy();
                if (!e.getValue().isObject()) throw error(path + key, "must be a mapping");
                entries.put(key, new Entry(deepMerge(merged, (ObjectNode) e.getValue()), false, path + key));
            } else {
                String k = Factor.byKey(key).key();
                entries.remove(k);
                entries.put(k, new Entry(e.getValue(), factor, path + key));
            }
        }
    }

    private static Entry merged(Map<String, Entry> entries, String key) {
        Entry e = entries.get(key);
        return e != null ? e : new Entry(JsonNodeFactory.instance.objectNode(), false, "settings." + key);
    }

    /** Parses one level of factor {@code f}. */
    Level level(Factor f, JsonNode node, String path) {
        try {
            return switch (f) {
                case INITIALIZER -> initializerLevel(node, path);
                case BIAS_INITIALIZER -> {
                    Named n = named(node, path, Set.of());
                    BiasInitializer b = Initializers.bias(n.name(), n.params());
                    yield new Level(n.label(), new Component(b.name(), b.params()), null);
                }
                case ACTIVATION -> {
                    Named n = named(node, path, Set.of());
                    Activation a = Activations.create(n.name(), n.params());
                    yield new Level(n.label(), new Component(a.name(), a.params()), null);
                }
                case OPTIMIZER -> {
                    Named n = named(node, path, Set.of());
                    OptimizerSpec o = Optimizers.spec(n.name(), n.params());
                    yield new Level(n.label(), new Component(o.name(), o.params()), null);
                }
                case ARCHITECTURE -> architecture(node, path);
                case LEARNING_RATE -> {
                    double lr = number(node, path);
                    if (!(lr > 0) || !Double.isFinite(lr)) throw error(path, "a learning rate must be a positive number, got " + node);
                    yield new Level(labelOf(node), lr, null);
                }
                case BATCH_SIZE -> new Level(labelOf(node), integer(node, path, 1, 1 << 20), null);
                case EPOCHS -> new Level(labelOf(node), integer(node, path, 0, 100_000), null);
                case OUTPUT_ACTIVATION -> {
                    if (!node.isBoolean()) throw error(path, "must be true or false, got " + node);
                    yield new Level(node.asBoolean() ? "activated" : "linear", node.asBoolean(), null);
                }
            };
        } catch (UserError e) {
            if (e.getMessage().startsWith(origin + ":")) throw e;
            throw error(path, e.getMessage());
        }
    }

    private Level initializerLevel(JsonNode node, String path) {
        Named n = named(node, path, Set.of("bias"));
        Initializer init;
        if ("auto".equals(n.params().get("sigma_w"))) {
            // critical init tuned to each run's activation: resolved when the grid is expanded
            Map<String, Object> rest = new LinkedHashMap<>(n.params());
            rest.remove("sigma_w");
            init = Initializers.weight(n.name(), rest);
            if (!init.name().equals(CriticalInit.NAME)) throw error(path + ".sigma_w", "'auto' is only for the critical initializer");
            Component auto = new Component(init.name(), Map.of("sigma_w", CriticalInit.AUTO));
            return new Level(n.label(), auto, biasOf(n, path));
        }
        init = Initializers.weight(n.name(), n.params());
        return new Level(n.label(), new Component(init.name(), init.params()), biasOf(n, path));
    }

    private Component biasOf(Named n, String path) {
        if (!n.extra().containsKey("bias")) return null;
        Named b = named(n.extra().get("bias"), path + ".bias", Set.of());
        BiasInitializer bi = Initializers.bias(b.name(), b.params());
        return new Component(bi.name(), bi.params());
    }

    private Level architecture(JsonNode node, String path) {
        JsonNode widths = node;
        String label = null;
        if (node.isObject()) {
            checkKeys((ObjectNode) node, Set.of("hidden", "label"), path + ".");
            widths = node.get("hidden");
            label = text(node, "label", null);
            if (widths == null) throw error(path, "give the hidden widths: {hidden: [128, 64]}");
        }
        if (!widths.isArray()) throw error(path, "an architecture is a list of hidden widths, e.g. [128, 64] ([] for none)");
        List<Integer> hidden = new ArrayList<>();
        for (int i = 0; i < widths.size(); i++) hidden.add(integer(widths.get(i), path + "[" + i + "]", 1, 1 << 16));
        if (label == null) label = architectureLabel(hidden);
        return new Level(label, List.copyOf(hidden), null);
    }

    /** "128-64"; "4×128" for four equal widths; "linear" for none. */
    static String architectureLabel(List<Integer> hidden) {
        if (hidden.isEmpty()) return "linear";
        if (hidden.size() > 2 && hidden.stream().distinct().count() == 1) return hidden.size() + "×" + hidden.getFirst();
        return String.join("-", hidden.stream().map(String::valueOf).toList());
    }

    /** A component as written: a bare name, or a mapping with name, optional label and parameters. */
    private record Named(String name, String label, Map<String, Object> params, Map<String, JsonNode> extra) {}

    private Named named(JsonNode node, String path, Set<String> extraKeys) {
        if (node.isTextual()) {
            String s = node.asText().trim();
            if (s.isEmpty()) throw error(path, "empty name");
            return new Named(s, s, Map.of(), Map.of());
        }
        if (!node.isObject()) throw error(path, "expected a name or a mapping {name: ..., <parameter>: ...}, got " + node);
        JsonNode nameNode = node.get("name");
        if (nameNode == null || !nameNode.isTextual()) throw error(path, "a mapping needs 'name:' (e.g. {name: normal, std: 1})");
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
                    else params.put(e.getKey(), scalar(e.getValue(), path + "." + e.getKey()));
                }
            }
        }
        String name = nameNode.asText().trim();
        return new Named(name, label != null ? label : Params.label(name, params), params, extra);
    }

    private Object scalar(JsonNode v, String path) {
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

    private void checkDistinct(List<Level> levels, String path) {
        for (int i = 0; i < levels.size(); i++) {
            for (int j = 0; j < i; j++) {
                if (levels.get(i).sameValue(levels.get(j))) {
                    throw error(path + "[" + i + "]", "repeats level " + j + " (" + levels.get(j).label() + ")");
                }
                if (levels.get(i).label().equals(levels.get(j).label())) {
                    throw error(path + "[" + i + "]", "has the same label as level " + j + " ('" + levels.get(i).label() + "'); give one a label:");
                }
            }
        }
    }

    /** Exclude patterns that matched no level of some experiment, and those that matched one: a pattern that matches nowhere is a mistake. */
    private final Map<String, String> unmatchedExcludes = new LinkedHashMap<>();
    private final Set<String> matchedExcludes = new java.util.HashSet<>();

    /** The levels factor {@code f} takes in an experiment: its list, or its one setting. */
    private static List<Level> levelsOf(Factor f, Map<Factor, Level> settings, Map<Factor, List<Level>> factors) {
        return factors.containsKey(f) ? factors.get(f) : settings.containsKey(f) ? List.of(settings.get(f)) : List.of();
    }

    /**
     * Null when every entry of the pattern is one of the experiment's levels for that factor;
     * otherwise why the pattern matches no run of the experiment.
     */
    private static String mismatch(Map<Factor, Level> pattern, Map<Factor, Level> settings, Map<Factor, List<Level>> factors) {
        for (Map.Entry<Factor, Level> e : pattern.entrySet()) {
            List<Level> levels = levelsOf(e.getKey(), settings, factors);
            if (levels.stream().noneMatch(l -> l.value().equals(e.getValue().value()))) {
                return "it matches no run: " + e.getKey().key() + " '" + e.getValue().label() + "' is not among the levels ("
                        + String.join(", ", levels.stream().map(Level::label).toList()) + ")";
            }
        }
        return null;
    }

    /**
     * Include and exclude entries: a factor's value is one of the experiment's level labels ("he",
     * "6 hidden") or, failing that, a value written like a level (a name, a mapping, a list).
     */
    private List<Map<Factor, Level>> combinations(JsonNode node, String path, Map<Factor, Level> settings, Map<Factor, List<Level>> factors) {
        List<Map<Factor, Level>> out = new ArrayList<>();
        if (node == null || node.isNull()) return out;
        if (!node.isArray()) throw error(path, "must be a list of mappings, e.g. [{initializer: zeros, activation: relu}]");
        for (int i = 0; i < node.size(); i++) {
            JsonNode m = node.get(i);
            String p = path + "[" + i + "]";
            if (!m.isObject() || m.isEmpty()) throw error(p, "must be a mapping of factor to value");
            Map<Factor, Level> combo = new LinkedHashMap<>();
            for (Iterator<Map.Entry<String, JsonNode>> it = m.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                Factor f = Factor.byKey(e.getKey());
                if (f == null) throw error(p + "." + e.getKey(), NearestName.unknown("factor", e.getKey(), Factor.keys()));
                Level byLabel = null;
                if (e.getValue().isTextual() || e.getValue().isNumber() || e.getValue().isBoolean()) {
                    String text = e.getValue().asText();
                    byLabel = levelsOf(f, settings, factors).stream().filter(l -> l.label().equals(text)).findFirst().orElse(null);
                }
                combo.put(f, byLabel != null ? byLabel : level(f, e.getValue(), p + "." + e.getKey()));
            }
            out.add(combo);
        }
        return out;
    }

    private StudySpec.DataChoice dataChoice(JsonNode node) {
        if (node == null) return new StudySpec.DataChoice("mnist", 10_000, "scale01");
        if (node.isTextual()) return new StudySpec.DataChoice(node.asText(), 10_000, "scale01");
        if (!node.isObject()) throw error("dataset", "give a dataset name (dataset: mnist) or {name: mnist, validation: 10000, preprocessing: scale01}");
        checkKeys((ObjectNode) node, Set.of("name", "validation", "preprocessing"), "dataset.");
        String name = text(node, "name", null);
        if (name == null) throw error("dataset", "needs a name");
        int validation = node.has("validation") ? integer(node.get("validation"), "dataset.validation", 0, 10_000_000) : 10_000;
        String pre = text(node, "preprocessing", "scale01");
        try {
            pre = org.initlab.data.Preprocessing.parse(pre).label();
        } catch (UserError e) {
            throw error("dataset.preprocessing", e.getMessage());
        }
        return new StudySpec.DataChoice(name, validation, pre);
    }

    private List<Long> seeds(JsonNode node) {
        if (node.isIntegralNumber()) return seedRange(node.asInt(), "seeds");
        if (node.isArray() && !node.isEmpty()) {
            List<Long> out = new ArrayList<>();
            for (int i = 0; i < node.size(); i++) {
                if (!node.get(i).isIntegralNumber()) throw error("seeds[" + i + "]", "a seed is a whole number, got " + node.get(i));
                long s = node.get(i).asLong();
                if (out.contains(s)) throw error("seeds[" + i + "]", "seed " + s + " is listed twice");
                out.add(s);
            }
            return out;
        }
        throw error("seeds", "give a count (seeds: 5 means seeds 0..4) or a list (seeds: [1, 7, 42])");
    }

    private List<Long> seedRange(int n, String what) {
        if (n < 1 || n > 10_000) throw new UserError(origin + ": " + what + " must be between 1 and 10000, got " + n);
        List<Long> out = new ArrayList<>();
        for (long s = 0; s < n; s++) out.add(s);
        return out;
    }

    private Evaluation evaluation(Entry e, Map<Factor, Level> settings) {
        ObjectNode n = (ObjectNode) e.node();
        checkKeys(n, Set.of("validation", "test", "batch_size", "aggregation"), e.path() + ".");
        boolean val = when(n, "validation", e.path());
        boolean test = when(n, "test", e.path());
        int batch;
        JsonNode b = n.get("batch_size");
        if (b == null) batch = 1000;
        else if (b.isTextual() && b.asText().equals("training")) batch = Evaluation.TRAINING_BATCH; // resolved per run by Grid
        else batch = integer(b, e.path() + ".batch_size", 1, 1 << 20);
        String agg = text(n, "aggregation", "example_mean");
        Evaluation.Aggregation a = switch (agg) {
            case "example_mean" -> Evaluation.Aggregation.EXAMPLE_MEAN;
            case "batch_mean" -> Evaluation.Aggregation.BATCH_MEAN;
            default -> throw error(e.path() + ".aggregation", NearestName.unknown("aggregation", agg, List.of("example_mean", "batch_mean")));
        };
        return new Evaluation(val, test, batch, a);
    }

    private boolean when(ObjectNode n, String key, String path) {
        String v = text(n, key, "each_epoch");
        return switch (v) {
            case "each_epoch" -> true;
            case "end" -> false;
            default -> throw error(path + "." + key, NearestName.unknown("choice", v, List.of("each_epoch", "end")));
        };
    }

    private ProbeSettings probes(Entry e) {
        ObjectNode n = (ObjectNode) e.node();
        checkKeys(n, Set.of("loss_every", "probe_batch", "ratio_every", "saturation_threshold"), e.path() + ".");
        ProbeSettings d = ProbeSettings.defaults();
        int lossEvery = n.has("loss_every") ? integer(n.get("loss_every"), e.path() + ".loss_every", 1, 1 << 30) : d.lossEvery();
        int probe = n.has("probe_batch") ? integer(n.get("probe_batch"), e.path() + ".probe_batch", 1, 100_000) : d.probeBatch();
        int ratio = n.has("ratio_every") ? integer(n.get("ratio_every"), e.path() + ".ratio_every", 1, 1 << 30) : d.ratioEvery();
        double sat = n.has("saturation_threshold") ? number(n.get("saturation_threshold"), e.path() + ".saturation_threshold") : d.saturationThreshold();
        if (!(sat > 0 && sat < 1)) throw error(e.path() + ".saturation_threshold", "must be between 0 and 1, got " + sat);
        return new ProbeSettings(lossEvery, probe, ratio, sat);
    }

    // ---- small readers ----------------------------------------------------------------------

    private void checkKeys(ObjectNode node, Set<String> valid, String path) {
        for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
            String k = it.next();
            if (!valid.contains(k)) throw error(path + k, NearestName.unknown("key", k, valid.stream().sorted().toList()));
        }
    }

    private String text(JsonNode node, String key, String dflt) {
        JsonNode v = node.get(key);
        if (v == null || v.isNull()) return dflt;
        if (!v.isValueNode()) throw error(key, "must be text, got " + v);
        return v.asText();
    }

    private double number(JsonNode v, String path) {
        if (v.isNumber()) return v.asDouble();
        if (v.isTextual()) {
            try {
                return Double.parseDouble(v.asText().trim());
            } catch (NumberFormatException e) {
                // fall through
            }
        }
        throw error(path, "must be a number, got " + v);
    }

    private int integer(JsonNode v, String path, int min, int max) {
        double d = number(v, path);
        if (d != Math.rint(d)) throw error(path, "must be a whole number, got " + v);
        if (d < min || d > max) throw error(path, "must be between " + min + " and " + max + ", got " + (long) d);
        return (int) d;
    }

    private static String labelOf(JsonNode v) {
        return v.isNumber() ? org.initlab.catalog.Params.label(v.asText(), Map.of()) : v.asText();
    }

    private UserError error(String path, String message) {
        return new UserError(origin + ": " + path + ": " + message);
    }

    /** Merges {@code over} into {@code base}: mappings recursively, anything else replaced. */
    static ObjectNode deepMerge(ObjectNode base, ObjectNode over) {
        for (Iterator<Map.Entry<String, JsonNode>> it = over.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            JsonNode old = base.get(e.getKey());
            if (old != null && old.isObject() && e.getValue().isObject()) {
                deepMerge((ObjectNode) old, (ObjectNode) e.getValue());
            } else {
                base.set(e.getKey(), e.getValue() instanceof ArrayNode a ? a.deepCopy() : e.getValue().deepCopy());
            }
        }
        return base;
    }
}
