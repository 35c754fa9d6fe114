package org.initlab.init;

import org.initlab.UserError;
import org.initlab.catalog.Catalogue;
import org.initlab.catalog.Catalogue.Entry;
import org.initlab.catalog.Catalogue.Preset;
import org.initlab.catalog.CatalogueEntry;
import org.initlab.catalog.Params;

import java.util.List;
import java.util.Map;

/**
 * The initializer catalogue: a superset of PyTorch's {@code torch.nn.init}, Keras's
 * initializers and DL4J's {@code WeightInit}, plus LSUV and the mean-field critical init.
 *
 * <p>Names are matched by the {@link org.initlab.catalog.Spelling} rule (case, '_', '-' and blanks do not count), so PyTorch ({@code xavier_uniform_},
 * trailing underscore and all), Keras ({@code GlorotUniform}, {@code glorot_uniform}) and DL4J
 * ({@code XAVIER_UNIFORM}) spellings all work; the aliases listed are the other names. An alias means exactly its entry, and the initializer built reports the
 * entry's canonical name and full parameter map, so one init spelt two ways compares and hashes
 * the same. Where libraries disagree under one name, the normal-based named inits follow
 * PyTorch and the papers (untruncated: xavier_normal = glorot_normal, kaiming_normal = he_normal,
 * lecun_normal), and Keras's truncated versions are the presets keras_glorot_normal,
 * keras_he_normal, keras_lecun_normal; DL4J's divergent formulas are dl4j_* presets.
 *
 * <p>The three short names of the original study mean what its {@code seed} spec means by them:
 * {@code xavier} is xavier_uniform (gain 1), {@code he} is kaiming_uniform with PyTorch's defaults,
 * and {@code random} is the preset normal(mean 0, std 1). DL4J's {@code XAVIER}, which is
 * Gaussian, is spelt {@code dl4j_xavier}; Keras's {@code RandomNormal} (std 0.05) is
 * {@code random_normal}.
 */
public final class Initializers {
    private static final String PYTORCH = "PyTorch torch.nn.init";

    /**
     * What the original study (and the {@code seed} spec) calls random: N(0, 1), written out so that
     * a change of {@code normal}'s defaults could not move it.
     */
    private static final Preset RANDOM = new Preset("random", Normal.NAME, Map.of("mean", 0.0, "std", 1.0),
            "the seed study's 'random' (Keras RandomNormal, std 0.05, is random_normal)");

    private static final Catalogue<Initializer> WEIGHTS = new Catalogue<>("weight initializer",
            List.of(
                    new Entry<>(Zeros.NAME, List.of("zero"), "PyTorch zeros_, Keras Zeros, DL4J ZERO", Zeros::from),
                    new Entry<>(Ones.NAME, List.of(), "PyTorch ones_, Keras Ones, DL4J ONES", Ones::from),
                    new Entry<>(Constant.NAME, List.of(), "PyTorch constant_, Keras Constant", Constant::from),
                    new Entry<>(Normal.NAME, List.of(), "PyTorch normal_ (defaults 0, 1)", Normal::from),
                    new Entry<>(Uniform.NAME, List.of(), "PyTorch uniform_ (defaults 0, 1)", Uniform::from),
                    new Entry<>(TruncatedNormal.NAME, List.of(), "PyTorch trunc_normal_ (absolute bounds)", TruncatedNormal::from),
                    new Entry<>(KerasTruncatedNormal.NAME, List.of("truncated_normal"), "Keras TruncatedNormal (bounds mean ± 2·std)", KerasTruncatedNormal::from),
                    new Entry<>(XavierUniform.NAME, List.of("xavier", "glorot_uniform"),
                            "Glorot & Bengio 2010; PyTorch xavier_uniform_, Keras GlorotUniform, DL4J XAVIER_UNIFORM", XavierUniform::from),
                    new Entry<>(XavierNormal.NAME, List.of("glorot_normal", "dl4j_xavier"),
                            "Glorot & Bengio 2010; PyTorch xavier_normal_, DL4J XAVIER (as dl4j_xavier: 'xavier' is xavier_uniform, as in the seed study;"
                                    + " Keras GlorotNormal truncates: keras_glorot_normal)", XavierNormal::from),
                    new Entry<>(KaimingUniform.NAME, List.of("he", "he_uniform", "relu_uniform"),
                            "He et al. 2015; PyTorch kaiming_uniform_, Keras HeUniform, DL4J RELU_UNIFORM", KaimingUniform::from),
                    new Entry<>(KaimingNormal.NAME, List.of("he_normal", "relu"),
                            "He et al. 2015; PyTorch kaiming_normal_, DL4J RELU (Keras HeNormal truncates: keras_he_normal)", KaimingNormal::from),
                    new Entry<>(LecunUniform.NAME, List.of(),
                            "LeCun et al. 1998; Keras LecunUniform (DL4J LECUN_UNIFORM differs: dl4j_lecun_uniform)", LecunUniform::from),
                    new Entry<>(LecunNormal.NAME, List.of("xavier_fan_in", "dl4j_normal"),
                            "LeCun et al. 1998, Klambauer et al. 2017; DL4J LECUN_NORMAL/NORMAL/XAVIER_FAN_IN (Keras LecunNormal truncates: keras_lecun_normal)",
                            LecunNormal::from),
                    new Entry<>(VarianceScaling.NAME, List.of("var_scaling"), "Keras VarianceScaling", VarianceScaling::from),
                    new Entry<>(Orthogonal.NAME, List.of(), "Saxe et al. 2013, Mezzadri 2007; PyTorch orthogonal_, Keras Orthogonal", Orthogonal::from),
                    new Entry<>(Identity.NAME, List.of("eye"), "PyTorch eye_, Keras Identity, DL4J IDENTITY (square only there)", Identity::from),
                    new Entry<>(Sparse.NAME, List.of(), "Martens 2010; PyTorch sparse_ semantics (zeros per input unit)", Sparse::from),
                    new Entry<>(CriticalGaussian.NAME, List.of("edge_of_chaos"), "Poole et al. 2016, Schoenholz et al. 2017", CriticalGaussian::from),
                    new Entry<>(Lsuv.NAME, List.of(), "Mishkin & Matas 2016 (tol, iterations as torch-lsuv and fastai)", Lsuv::from),
                    new Entry<>(TorchLinearDefault.NAME, List.of("pytorch_default", "torch_default", "dl4j_uniform"),
                            "PyTorch nn.Linear default (kaiming_uniform_ a=√5), Glorot & Bengio's heuristic, DL4J UNIFORM", TorchLinearDefault::from)),
            List.of(
                    RANDOM,
                    new Preset("random_normal", Normal.NAME, Map.of("std", 0.05), "Keras RandomNormal (std 0.05)"),
                    new Preset("random_uniform", Uniform.NAME, Map.of("a", -0.05, "b", 0.05), "Keras RandomUniform (±0.05)"),
                    new Preset("sigmoid_uniform", XavierUniform.NAME, Map.of("gain", 4.0), "DL4J SIGMOID_UNIFORM, Glorot & Bengio 2010's 4× for the sigmoid"),
                    new Preset("xavier_legacy", XavierNormal.NAME, Map.of("gain", Math.sqrt(0.5)), "DL4J XAVIER_LEGACY: N(0, 1/(fan_in+fan_out))"),
                    keras("keras_glorot_normal", 1.0, "fan_avg", "truncated_normal", "Keras GlorotNormal"),
                    keras("keras_he_normal", 2.0, "fan_in", "truncated_normal", "Keras HeNormal"),
                    keras("keras_lecun_normal", 1.0, "fan_in", "truncated_normal", "Keras LecunNormal"),
                    keras("var_scaling_normal_fan_in", 1.0, "fan_in", "truncated_normal", "DL4J VAR_SCALING_NORMAL_FAN_IN name, Keras semantics (truncated)"),
                    keras("var_scaling_normal_fan_out", 1.0, "fan_out", "truncated_normal", "DL4J VAR_SCALING_NORMAL_FAN_OUT name, Keras semantics (truncated)"),
                    keras("var_scaling_normal_fan_avg", 1.0, "fan_avg", "truncated_normal", "DL4J VAR_SCALING_NORMAL_FAN_AVG name, Keras semantics (truncated)"),
                    keras("var_scaling_uniform_fan_in", 1.0, "fan_in", "uniform", "DL4J VAR_SCALING_UNIFORM_FAN_IN name, Keras semantics √(3/n)"),
                    keras("var_scaling_uniform_fan_out", 1.0, "fan_out", "uniform", "DL4J VAR_SCALING_UNIFORM_FAN_OUT name, Keras semantics √(3/n)"),
                    keras("var_scaling_uniform_fan_avg", 1.0, "fan_avg", "uniform", "DL4J VAR_SCALING_UNIFORM_FAN_AVG name, Keras semantics √(3/n)"),
                    keras("dl4j_var_scaling_normal_fan_in", 1.0, "fan_in", "untruncated_normal", "DL4J VAR_SCALING_NORMAL_FAN_IN as DL4J draws it (untruncated)"),
                    keras("dl4j_var_scaling_normal_fan_out", 1.0, "fan_out", "untruncated_normal", "DL4J VAR_SCALING_NORMAL_FAN_OUT as DL4J draws it (untruncated)"),
                    keras("dl4j_var_scaling_normal_fan_avg", 1.0, "fan_avg", "untruncated_normal", "DL4J VAR_SCALING_NORMAL_FAN_AVG as DL4J draws it (untruncated)"),
                    keras("dl4j_var_scaling_uniform_fan_in", 3.0, "fan_in", "uniform", "DL4J VAR_SCALING_UNIFORM_FAN_IN as DL4J draws it: U(±3/√n)"),
                    keras("dl4j_var_scaling_uniform_fan_out", 3.0, "fan_out", "uniform", "DL4J VAR_SCALING_UNIFORM_FAN_OUT as DL4J draws it: U(±3/√n)"),
                    keras("dl4j_var_scaling_uniform_fan_avg", 3.0, "fan_avg", "uniform", "DL4J VAR_SCALING_UNIFORM_FAN_AVG as DL4J draws it: U(±3/√n)"),
                    keras("dl4j_lecun_uniform", 3.0, "fan_in", "uniform", "DL4J LECUN_UNIFORM as DL4J draws it: U(±3/√fan_in), 3× Keras's variance")));

    private static final Catalogue<BiasInitializer> BIASES = new Catalogue<>("bias initializer",
            List.of(
                    new Entry<>(Zeros.NAME, List.of("zero"), "PyTorch zeros_, Keras Zeros (Keras Dense default), DL4J biasInit 0", Zeros::from),
                    new Entry<>(Ones.NAME, List.of(), "PyTorch ones_, Keras Ones", Ones::from),
                    new Entry<>(Constant.NAME, List.of(), "PyTorch constant_, Keras Constant, DL4J biasInit", Constant::from),
                    new Entry<>(Normal.NAME, List.of(), "PyTorch normal_ (defaults 0, 1)", Normal::from),
                    new Entry<>(Uniform.NAME, List.of(), "PyTorch uniform_ (defaults 0, 1)", Uniform::from),
                    new Entry<>(TorchLinearDefault.NAME, List.of("pytorch_default", "torch_default"), "PyTorch nn.Linear default bias", TorchLinearDefault::from),
                    new Entry<>(CriticalBias.NAME, List.of("edge_of_chaos"), "Poole et al. 2016, Schoenholz et al. 2017", CriticalBias::from)),
            List.of(
                    RANDOM,
                    new Preset("random_normal", Normal.NAME, Map.of("std", 0.05), "Keras RandomNormal (std 0.05)"),
                    new Preset("random_uniform", Uniform.NAME, Map.of("a", -0.05, "b", 0.05), "Keras RandomUniform (±0.05)")));

    private Initializers() {}

    private static Preset keras(String name, double scale, String mode, String distribution, String source) {
        return new Preset(name, VarianceScaling.NAME, Map.of("scale", scale, "mode", mode, "distribution", distribution), source);
    }

    /**
     * The weight initializer {@code name} with {@code params} (missing ones take their defaults).
     *
     * @throws UserError for an unknown name (with the nearest valid one) or a bad or unknown parameter
     */
    public static Initializer weight(String name, Map<String, ?> params) {
        return WEIGHTS.create(name, params);
    }

    /**
     * The bias initializer {@code name} with {@code params}.
     *
     * @throws UserError for an unknown name or a bad or unknown parameter
     */
    public static BiasInitializer bias(String name, Map<String, ?> params) {
        return BIASES.create(name, params);
    }

    /** Every weight initializer and preset: name, aliases, formula, parameters with defaults, source. */
    public static List<CatalogueEntry> weightEntries() {
        return WEIGHTS.describe(new Catalogue.Listing<>() {
            @Override public String formula(Initializer i) { return i.formula(); }
            @Override public Map<String, Object> defaults(Initializer i, Params read) { return read.resolved(); }
        });
    }

    /** Every bias initializer and preset. */
    public static List<CatalogueEntry> biasEntries() {
        return BIASES.describe(new Catalogue.Listing<>() {
            @Override public String formula(BiasInitializer b) { return b.formula(); }
            @Override public Map<String, Object> defaults(BiasInitializer b, Params read) { return read.resolved(); }
        });
    }
}
