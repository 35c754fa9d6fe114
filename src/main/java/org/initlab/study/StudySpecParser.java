package org.initlab.study;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.initlab.catalog.NearestName;
import org.initlab.study.spec.SpecNodes;
import org.initlab.study.spec.SpecText;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads a study spec, in steps: the YAML text ({@link SpecText}), the protocol and its
 * {@code protocols:} block ({@link ProtocolChoice}), the sections ({@link DatasetSection},
 * {@link SeedsSection}), each experiment ({@link ExperimentReader}: its levels read by the
 * factors, {@link EvaluationSection}, {@link ProbesSection}, {@link Patterns}), the
 * {@code claims:} ({@link ClaimsSection}), then {@code select:}. {@link Grid} expands the result. Each error is one line that says where it is
 * ({@code study.yaml: factors.activation[2]: ...}) and what would be valid.
 *
 * <p>Precedence, lowest first: the protocol's defaults ({@link Protocols}), the spec's
 * {@code protocols.<name>} block (deep-merged over the spec), the spec's {@code settings} and
 * {@code factors}, then each experiment's own {@code settings} and {@code factors}.
 */
public final class StudySpecParser {
    static final Set<String> ROOT_KEYS = Set.of("name", "description", "protocol", "dataset", "seeds",
            "settings", "factors", "include", "exclude", "experiments", "protocols", "select", "claims");

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

    private StudySpecParser() {}

    /** Parses {@code yaml} (read from {@code origin}, used in messages) with the overrides applied. */
    public static StudySpec parse(String yaml, String origin, Overrides overrides) {
        SpecNodes in = new SpecNodes(origin);
        ObjectNode written = SpecText.read(yaml, origin);
        in.checkKeys(written, ROOT_KEYS, "");
        ProtocolChoice protocol = ProtocolChoice.of(written, overrides, in);
        ObjectNode root = protocol.spec();

        String name = in.text(root, "name", null);
        if (name == null || name.isBlank()) throw in.error("name", "a study needs a name (name: my-study)");
        String description = in.text(root, "description", "");
        StudySpec.DataChoice data = DatasetSection.read(root.get("dataset"), in);
        List<Long> seeds = overrides.seeds() != null ? SeedsSection.range(overrides.seeds(), "--seeds", in)
                : SeedsSection.read(root.has("seeds") ? root.get("seeds") : protocol.defaults().get("seeds"), in);

        ExcludeCheck excludes = new ExcludeCheck();
        ExperimentReader reader = new ExperimentReader(protocol, overrides, in, excludes, TrainingSplit.before(data).orElse(null));
        List<Experiment> experiments = new ArrayList<>();
        JsonNode exps = root.get("experiments");
        if (exps == null) {
            experiments.add(reader.read(name, description, null, ""));
        } else {
            if (!exps.isObject() || exps.isEmpty()) throw in.error("experiments", "must be a mapping of experiment name to its settings and factors");
            for (Iterator<Map.Entry<String, JsonNode>> it = exps.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                String path = "experiments." + e.getKey() + ".";
                if (!e.getValue().isObject()) throw in.error(path, "must be a mapping");
                ObjectNode en = (ObjectNode) e.getValue();
                in.checkKeys(en, ExperimentReader.KEYS, path);
                experiments.add(reader.read(e.getKey(), in.text(en, "description", ""), en, path));
            }
        }
        excludes.check(in);
        List<Claim> claims = ClaimsSection.read(root.get("claims"), experiments, in);
        return new StudySpec(name, description, protocol.name(), data, seeds, select(root.get("select"), experiments, in), yaml, overrides, claims);
    }

    /** The experiments {@code select:} names, in its order; all when absent. */
    private static List<Experiment> select(JsonNode select, List<Experiment> experiments, SpecNodes in) {
        if (select == null) return experiments;
        if (!select.isArray() || select.isEmpty()) throw in.error("select", "a list of experiment names, e.g. [activations]");
        List<String> names = experiments.stream().map(Experiment::name).toList();
        List<Experiment> chosen = new ArrayList<>();
        for (int i = 0; i < select.size(); i++) {
            String n = select.get(i).asText();
            int k = names.indexOf(n);
            if (k < 0) throw in.error("select[" + i + "]", NearestName.unknown("experiment", n, names));
            chosen.add(experiments.get(k));
        }
        return chosen;
    }
}
