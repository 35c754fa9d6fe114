package org.initlab.optim;

import org.initlab.UserError;
import org.initlab.catalog.CatalogueEntry;
import org.initlab.catalog.NearestName;

import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * The optimizer catalogue: sgd, adam, adamw, rmsprop, adagrad, with PyTorch's parameter names and
 * defaults. Names are case-insensitive, so PyTorch's and Keras's spellings ("SGD", "AdamW",
 * "RMSprop", "Adagrad") are accepted as they are.
 */
public final class Optimizers {
    private Optimizers() {}

    private record Kind(String name, Function<Map<String, ?>, OptimizerSpec> parse, Map<String, Object> defaults,
                        String rule, String source) {
        CatalogueEntry entry() { return new CatalogueEntry(name, List.of(), rule, defaults, source); }
    }

    private static final List<Kind> KINDS = List.of(
            new Kind(Sgd.NAME, Sgd::parse, Sgd.DEFAULTS.signatureParams(), Sgd.RULE, Sgd.SOURCE),
            new Kind(Adam.NAME, Adam::parse, Adam.DEFAULTS.signatureParams(), Adam.RULE, Adam.SOURCE),
            new Kind(AdamW.NAME, AdamW::parse, AdamW.DEFAULTS.signatureParams(), AdamW.RULE, AdamW.SOURCE),
            new Kind(RmsProp.NAME, RmsProp::parse, RmsProp.DEFAULTS.signatureParams(), RmsProp.RULE, RmsProp.SOURCE),
            new Kind(Adagrad.NAME, Adagrad::parse, Adagrad.DEFAULTS.signatureParams(), Adagrad.RULE, Adagrad.SOURCE));

    /**
     * The optimizer {@code name} with {@code params} (PyTorch's names; missing ones take PyTorch's
     * defaults; Adam's {@code betas} may be given as a pair or as {@code beta1}/{@code beta2}).
     *
     * @throws UserError for an unknown name, an unknown parameter or an invalid value
     */
    public static OptimizerSpec spec(String name, Map<String, ?> params) {
        if (name == null || name.isBlank()) {
            throw new UserError("optimizer name is missing; use one of: " + String.join(", ", names()));
        }
        String key = name.trim().toLowerCase(Locale.ROOT);
        for (Kind k : KINDS) {
            if (k.name.equals(key)) return k.parse.apply(params);
        }
        throw new UserError(NearestName.unknown("optimizer", name.trim(), names()));
    }

    /** One line per optimizer: name, update rule, parameters with defaults in PyTorch's order, source. */
    public static List<CatalogueEntry> entries() {
        return KINDS.stream().map(Kind::entry).toList();
    }

    /** The canonical names, in catalogue order. */
    public static List<String> names() {
        return KINDS.stream().map(Kind::name).toList();
    }

    static Map<String, Object> sorted(Map<String, Object> params) {
        return Collections.unmodifiableMap(new TreeMap<>(params));
    }
}
