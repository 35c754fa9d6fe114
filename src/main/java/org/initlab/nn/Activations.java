package org.initlab.nn;

import org.initlab.catalog.Catalogue;
import org.initlab.catalog.Catalogue.Entry;
import org.initlab.catalog.CatalogueEntry;
import org.initlab.catalog.Params;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * The catalogue of activations, by the names PyTorch uses; Keras spellings ("LeakyReLU") match by
 * the {@link org.initlab.catalog.Spelling} rule.
 */
public final class Activations {
    private Activations() {}

    private static final Catalogue<Activation> CATALOGUE = new Catalogue<>("activation", List.of(
            kind(Identity.NAME, List.of("linear", "none"), "—", p -> new Identity()),
            kind(Relu.NAME, List.of(), "Nair & Hinton 2010", p -> new Relu()),
            kind(LeakyRelu.NAME, List.of(), "Maas et al. 2013; PyTorch LeakyReLU",
                    p -> new LeakyRelu(p.getDouble("negative_slope", 0.01))),
            kind(Elu.NAME, List.of(), "Clevert et al. 2016; PyTorch ELU", p -> new Elu(p.getDouble("alpha", 1.0, 0, Double.MAX_VALUE))),
            kind(Selu.NAME, List.of(), "Klambauer et al. 2017", p -> new Selu()),
            kind(Gelu.NAME, List.of(), "Hendrycks & Gimpel 2016; PyTorch GELU",
                    p -> new Gelu(p.getChoice("approximate", Gelu.EXACT, Gelu.APPROXIMATIONS))),
            kind(Silu.NAME, List.of("swish"), "Elfwing et al. 2018; PyTorch SiLU", p -> new Silu()),
            kind(Softplus.NAME, List.of(), "Dugas et al. 2001; PyTorch Softplus",
                    p -> new Softplus(p.getDouble("beta", 1.0, 1e-6, 1e6), p.getDouble("threshold", 20.0))),
            kind(Softsign.NAME, List.of(), "Bergstra et al. 2009", p -> new Softsign()),
            kind(Tanh.NAME, List.of(), "LeCun et al. 1998", p -> new Tanh()),
            kind(Sigmoid.NAME, List.of("logistic"), "—", p -> new Sigmoid())));

    /** An entry whose parameters are all read by {@code make}. */
    private static Entry<Activation> kind(String name, List<String> aliases, String source, Function<Params, Activation> make) {
        return new Entry<>(name, aliases, source, p -> {
            Activation a = make.apply(p);
            p.done();
            return a;
        });
    }

    /** The activation called {@code name} with {@code params}; a {@link org.initlab.UserError} names what is wrong. */
    public static Activation create(String name, Map<String, ?> params) {
        return CATALOGUE.create(name, params);
    }

    public static Activation create(String name) {
        return create(name, Map.of());
    }

    public static List<String> names() {
        return CATALOGUE.names();
    }

    public static List<CatalogueEntry> entries() {
        return CATALOGUE.describe(new Catalogue.Listing<>() {
            @Override public String formula(Activation a) { return a.formula(); }
            @Override public Map<String, Object> defaults(Activation a, Params read) { return new LinkedHashMap<>(new TreeMap<>(a.params())); }
        });
    }
}
