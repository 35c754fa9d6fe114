package org.initlab.optim;

import org.initlab.UserError;
import org.initlab.catalog.Catalogue;
import org.initlab.catalog.CatalogueEntry;

import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * The optimizer catalogue: sgd, adam, adamw, rmsprop, adagrad, with PyTorch's parameter names and
 * defaults. Names match by the {@link org.initlab.catalog.Spelling} rule, so PyTorch's and Keras's
 * spellings ("SGD", "AdamW", "RMSprop", "Adagrad") are accepted as they are.
 */
public final class Optimizers {
    private Optimizers() {}

    private record Kind(String name, Function<Map<String, ?>, OptimizerSpec> parse, Map<String, Object> defaults,
                        String rule, String source) {
        CatalogueEntry line() { return new CatalogueEntry(name, List.of(), rule, defaults, source); }

        Catalogue.Entry<OptimizerSpec> entry() { return new Catalogue.Entry<>(name, List.of(), source, p -> parse.apply(p.given())); }
    }

    private static final List<Kind> KINDS = List.of(
            new Kind(Sgd.NAME, Sgd::parse, Sgd.DEFAULTS.signatureParams(), Sgd.RULE, Sgd.SOURCE),
            new Kind(Adam.NAME, Adam::parse, Adam.DEFAULTS.signatureParams(), Adam.RULE, Adam.SOURCE),
            new Kind(AdamW.NAME, AdamW::parse, AdamW.DEFAULTS.signatureParams(), AdamW.RULE, AdamW.SOURCE),
            new Kind(RmsProp.NAME, RmsProp::parse, RmsProp.DEFAULTS.signatureParams(), RmsProp.RULE, RmsProp.SOURCE),
            new Kind(Adagrad.NAME, Adagrad::parse, Adagrad.DEFAULTS.signatureParams(), Adagrad.RULE, Adagrad.SOURCE));

    private static final Catalogue<OptimizerSpec> CATALOGUE = new Catalogue<>("optimizer", KINDS.stream().map(Kind::entry).toList());

    /**
     * The optimizer {@code name} with {@code params} (PyTorch's names; missing ones take PyTorch's
     * defaults; Adam's {@code betas} may be given as a pair or as {@code beta1}/{@code beta2}).
     *
     * @throws UserError for an unknown name, an unknown parameter or an invalid value
     */
    public static OptimizerSpec spec(String name, Map<String, ?> params) {
        return CATALOGUE.create(name, params);
    }

    /** One line per optimizer: name, update rule, parameters with defaults in PyTorch's order, source. */
    public static List<CatalogueEntry> entries() {
        return KINDS.stream().map(Kind::line).toList();
    }

    /** The canonical names, in catalogue order. */
    public static List<String> names() {
        return CATALOGUE.names();
    }

    static Map<String, Object> sorted(Map<String, Object> params) {
        return Collections.unmodifiableMap(new TreeMap<>(params));
    }
}
