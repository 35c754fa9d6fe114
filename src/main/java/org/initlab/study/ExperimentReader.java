package org.initlab.study;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.initlab.UserError;
import org.initlab.study.factor.BatchSizeFactor;
import org.initlab.study.factor.EpochsFactor;
import org.initlab.study.factor.Factor;
import org.initlab.study.factor.Factors;
import org.initlab.study.factor.Level;
import org.initlab.study.spec.SpecNodes;
import org.initlab.train.Evaluation;
import org.initlab.train.ProbeSettings;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Builds one {@link Experiment}: its {@link Declarations} read into levels by each factor, its
 * evaluation and probes, and its include/exclude patterns. A spec without {@code experiments:}
 * is one experiment named after the study.
 */
final class ExperimentReader {
    static final Set<String> KEYS = Set.of("description", "settings", "factors", "include", "exclude");

    private final ProtocolChoice protocol;
    private final StudySpecParser.Overrides overrides;
    private final SpecNodes in;
    private final ExcludeCheck excludes;
    /** The training split when known before reading the data (a catalogue dataset), else null. */
    private final TrainingSplit split;

    ExperimentReader(ProtocolChoice protocol, StudySpecParser.Overrides overrides, SpecNodes in, ExcludeCheck excludes, TrainingSplit split) {
        this.protocol = protocol;
        this.overrides = overrides;
        this.in = in;
        this.excludes = excludes;
        this.split = split;
    }

    /** {@code exp} is the experiment's mapping (null for a spec without experiments), written at {@code expPath}. */
    Experiment read(String name, String description, ObjectNode exp, String expPath) {
        ObjectNode root = protocol.spec();
        Declarations d = new Declarations(in);
        d.add(protocol.defaults().get("settings"), false, "(protocol defaults).");
        d.add(root.get("settings"), false, "settings.");
        d.add(root.get("factors"), true, "factors.");
        if (exp != null) {
            d.add(exp.get("settings"), false, expPath + "settings.");
            d.add(exp.get("factors"), true, expPath + "factors.");
        }
        if (overrides.epochs() != null) {
            if (overrides.epochs() < 0) throw new UserError("--epochs must be 0 or more, got " + overrides.epochs());
            d.override(Factors.find(EpochsFactor.KEY).orElseThrow(), JsonNodeFactory.instance.numberNode(overrides.epochs()), "--epochs");
        }

        Map<Factor<?>, Level<?>> settings = new LinkedHashMap<>();
        Map<Factor<?>, List<Level<?>>> factors = new LinkedHashMap<>();
        for (Map.Entry<Factor<?>, Declarations.Entry> e : d.factors().entrySet()) {
            Declarations.Entry en = e.getValue();
            if (en.listed()) factors.put(e.getKey(), levels(e.getKey(), en));
            else settings.put(e.getKey(), fits(Factors.read(e.getKey(), en.node(), en.path(), in), en.path()));
        }
        Declarations.Entry ev = d.nested(Declarations.EVALUATION);
        Declarations.Entry pr = d.nested(Declarations.PROBES);
        Evaluation evaluation = EvaluationSection.read((ObjectNode) ev.node(), ev.path(), in);
        ProbeSettings probes = ProbesSection.read((ObjectNode) pr.node(), pr.path(), in);

        boolean ownInclude = exp != null && exp.has("include");
        boolean ownExclude = exp != null && exp.has("exclude");
        String incPath = ownInclude ? expPath + "include" : "include";
        String excPath = ownExclude ? expPath + "exclude" : "exclude";
        JsonNode inc = ownInclude ? exp.get("include") : root.get("include");
        JsonNode exc = ownExclude ? exp.get("exclude") : root.get("exclude");
        List<Map<Factor<?>, Level<?>>> included = Patterns.read(inc, incPath, settings, factors, in);
        for (int i = 0; i < included.size(); i++) {
            for (Level<?> l : included.get(i).values()) fits(l, incPath + "[" + i + "]." + l.factor().key());
        }
        List<Map<Factor<?>, Level<?>>> excluded = Patterns.read(exc, excPath, settings, factors, in);
        for (int i = 0; i < excluded.size(); i++) {
            excludes.record(excPath + "[" + i + "]", Patterns.mismatch(excluded.get(i), settings, factors));
        }
        return new Experiment(name, description, settings, factors, included, excluded, evaluation, probes);
    }

    /** {@code level}, unless it is a batch size larger than the training split (when that is known). */
    private Level<?> fits(Level<?> level, String path) {
        if (split != null && level.factor() instanceof BatchSizeFactor && level.value() instanceof Integer batch) {
            String problem = split.tooSmallFor(batch);
            if (problem != null) throw in.error(path, problem);
        }
        return level;
    }

    private List<Level<?>> levels(Factor<?> f, Declarations.Entry en) {
        JsonNode node = en.node();
        if (!node.isArray() || node.isEmpty()) throw in.error(en.path(), "a factor is a non-empty list of levels; put a single value under settings:");
        List<Level<?>> levels = new ArrayList<>();
        for (int i = 0; i < node.size(); i++) levels.add(fits(Factors.read(f, node.get(i), en.path() + "[" + i + "]", in), en.path() + "[" + i + "]"));
        for (int i = 0; i < levels.size(); i++) {
            for (int j = 0; j < i; j++) {
                Level<?> level = levels.get(i), other = levels.get(j);
                String path = en.path() + "[" + i + "]";
                if (level.sameValue(other)) throw in.error(path, "repeats level " + j + " (" + other.label() + ")");
                if (level.label().equals(other.label())) {
                    throw in.error(path, "has the same label as level " + j + " ('" + level.label() + "'); give one a label:");
                }
            }
        }
        return levels;
    }
}
