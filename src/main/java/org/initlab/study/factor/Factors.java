package org.initlab.study.factor;

import com.fasterxml.jackson.databind.JsonNode;
import org.initlab.UserError;
import org.initlab.catalog.Catalogue;
import org.initlab.study.spec.SpecNodes;

import java.util.List;
import java.util.Optional;

/**
 * The registry: every factor, one line each. Its order is the order of CSV columns, run labels
 * and report tables. Keys match by the {@link org.initlab.catalog.Spelling} rule.
 */
public final class Factors {
    private static final List<Factor<?>> ALL = List.of(
            new InitializerFactor(),
            new BiasInitializerFactor(),
            new ActivationFactor(),
            new OutputActivationFactor(),
            new OptimizerFactor(),
            new LearningRateFactor(),
            new WeightDecayFactor(),
            new ArchitectureFactor(),
            new BatchSizeFactor(),
            new EpochsFactor());

    private static final Catalogue<Factor<?>> BY_KEY = new Catalogue<>("factor",
            ALL.stream().map(f -> Catalogue.Entry.<Factor<?>>of(f.key(), List.of(), f.description(), f)).toList());

    private Factors() {}

    public static List<Factor<?>> all() {
        return ALL;
    }

    public static List<String> keys() {
        return BY_KEY.names();
    }

    /** The factor {@code spelling} names, if any. */
    public static Optional<Factor<?>> find(String spelling) {
        return BY_KEY.canonical(spelling).flatMap(k -> ALL.stream().filter(f -> f.key().equals(k)).findFirst());
    }

    /** {@link Factor#read} with every error located at {@code path}. */
    public static Level<?> read(Factor<?> factor, JsonNode node, String path, SpecNodes in) {
        try {
            return factor.read(node, path, in);
        } catch (UserError e) {
            throw in.at(path, e);
        }
    }
}
