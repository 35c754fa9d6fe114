package org.initlab.study;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.initlab.UserError;
import org.initlab.catalog.Spelling;
import org.initlab.study.spec.SpecNodes;
import org.initlab.train.Evaluation;

import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Function;

/**
 * The {@code evaluation:} setting: {@code {validation, test: each_epoch | end, batch_size: N |
 * training, aggregation: example_mean | batch_mean}}, choices matched by the Spelling rule.
 */
final class EvaluationSection {
    static final String EACH_EPOCH = "each_epoch";
    static final String END = "end";
    /** {@code batch_size: training}: the run's own training batch size. */
    static final String TRAINING = "training";
    static final int DEFAULT_BATCH = 1000;

    private EvaluationSection() {}

    static Evaluation read(ObjectNode n, String path, SpecNodes in) {
        in.checkKeys(n, Set.of("validation", "test", "batch_size", "aggregation"), path + ".");
        boolean validation = eachEpoch(n, "validation", path, in);
        boolean test = eachEpoch(n, "test", path, in);
        int batch;
        JsonNode b = n.get("batch_size");
        if (b == null) batch = DEFAULT_BATCH;
        else if (b.isTextual() && Spelling.same(b.asText(), TRAINING)) batch = Evaluation.TRAINING_BATCH; // resolved per run by Grid
        else batch = in.integer(b, path + ".batch_size", 1, 1 << 20);
        String agg = in.text(n, "aggregation", label(Evaluation.Aggregation.EXAMPLE_MEAN));
        Evaluation.Aggregation a = choose("aggregation", agg, List.of(Evaluation.Aggregation.values()), EvaluationSection::label,
                path + ".aggregation", in);
        return new Evaluation(validation, test, batch, a);
    }

    /** "example_mean" for EXAMPLE_MEAN. */
    static String label(Evaluation.Aggregation a) {
        return a.name().toLowerCase(Locale.ROOT);
    }

    private static boolean eachEpoch(ObjectNode n, String key, String path, SpecNodes in) {
        String when = in.text(n, key, EACH_EPOCH);
        return choose("choice", when, List.of(EACH_EPOCH, END), w -> w, path + "." + key, in).equals(EACH_EPOCH);
    }

    private static <E> E choose(String kind, String text, List<E> options, Function<E, String> nameOf, String path, SpecNodes in) {
        try {
            return Spelling.choose(kind, text, options, nameOf);
        } catch (UserError e) {
            throw in.error(path, e.getMessage());
        }
    }
}
