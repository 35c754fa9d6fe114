package org.initlab.nn;

import org.initlab.UserError;
import org.initlab.catalog.CatalogueEntry;
import org.initlab.catalog.NearestName;
import org.initlab.catalog.Params;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

/** The catalogue of activations, by the names PyTorch uses (Keras spellings accepted). */
public final class Activations {
    private Activations() {}

    private record Kind(String name, List<String> aliases, String source, Function<Params, Activation> make) {}

    private static final List<Kind> KINDS = List.of(
            new Kind("identity", List.of("linear", "none"), "—", p -> new Identity()),
            new Kind("relu", List.of(), "Nair & Hinton 2010", p -> new Relu()),
            new Kind("leaky_relu", List.of("leakyrelu"), "Maas et al. 2013; PyTorch LeakyReLU",
                    p -> new LeakyRelu(p.getDouble("negative_slope", 0.01))),
            new Kind("elu", List.of(), "Clevert et al. 2016; PyTorch ELU", p -> new Elu(p.getDouble("alpha", 1.0, 0, Double.MAX_VALUE))),
            new Kind("selu", List.of(), "Klambauer et al. 2017", p -> new Selu()),
            new Kind("gelu", List.of(), "Hendrycks & Gimpel 2016; PyTorch GELU",
                    p -> new Gelu(p.getChoice("approximate", "none", List.of("none", "tanh")))),
            new Kind("silu", List.of("swish"), "Elfwing et al. 2018; PyTorch SiLU", p -> new Silu()),
            new Kind("softplus", List.of(), "Dugas et al. 2001; PyTorch Softplus",
                    p -> new Softplus(p.getDouble("beta", 1.0, 1e-6, 1e6), p.getDouble("threshold", 20.0))),
            new Kind("softsign", List.of(), "Bergstra et al. 2009", p -> new Softsign()),
            new Kind("tanh", List.of(), "LeCun et al. 1998", p -> new Tanh()),
            new Kind("sigmoid", List.of("logistic"), "—", p -> new Sigmoid()));

    /** The activation called {@code name} with {@code params}; a {@link UserError} names what is wrong. */
    public static Activation create(String name, Map<String, ?> params) {
        Kind kind = find(name);
        Params p = new Params(kind.name(), params);
        Activation a = kind.make().apply(p);
        p.done();
        return a;
    }

    public static Activation create(String name) {
        return create(name, Map.of());
    }

    public static List<String> names() {
        return KINDS.stream().map(Kind::name).toList();
    }

    public static List<CatalogueEntry> entries() {
        List<CatalogueEntry> out = new ArrayList<>();
        for (Kind k : KINDS) {
            Activation a = k.make().apply(Params.none(k.name()));
            out.add(new CatalogueEntry(k.name(), k.aliases(), a.formula(), new LinkedHashMap<>(new java.util.TreeMap<>(a.params())), k.source()));
        }
        return out;
    }

    private static Kind find(String name) {
        String n = name.trim().toLowerCase(Locale.ROOT).replace('-', '_');
        for (Kind k : KINDS) {
            if (k.name().equals(n) || k.aliases().contains(n)) return k;
        }
        throw new UserError(NearestName.unknown("activation", name, names()));
    }
}
