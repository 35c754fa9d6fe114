package org.initlab.init;

import org.initlab.UserError;
import org.initlab.catalog.CatalogueEntry;
import org.initlab.math.Matrix;
import org.initlab.math.RandomStreams;
import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class InitializersTest {
    private static final Set<String> DETERMINISTIC = Set.of("zeros", "ones", "constant", "identity");

    @Test
    void catalogueCoversPyTorchKerasDl4jAndTheExtras() {
        Set<String> names = new HashSet<>();
        for (CatalogueEntry e : Initializers.weightEntries()) assertTrue(names.add(e.name()), "duplicate " + e.name());
        for (String required : List.of("zeros", "ones", "constant", "normal", "uniform", "trunc_normal", "keras_truncated_normal",
                "xavier_uniform", "xavier_normal", "kaiming_uniform", "kaiming_normal", "lecun_uniform", "lecun_normal",
                "variance_scaling", "orthogonal", "identity", "sparse", "critical", "lsuv", "torch_linear",
                "sigmoid_uniform", "xavier_legacy", "keras_he_normal", "dl4j_lecun_uniform")) {
            assertTrue(names.contains(required), required);
        }
        for (String spelling : List.of("glorot_uniform", "GlorotUniform", "XAVIER_UNIFORM", "xavier_uniform_", "he_normal", "HeUniform",
                "eye_", "Orthogonal", "LecunNormal", "VarianceScaling", "ZERO", "ONES", "IDENTITY", "XAVIER_FAN_IN",
                "VAR_SCALING_NORMAL_FAN_OUT", "pytorch_default", "Zeros", "Constant", "random_normal")) {
            Initializers.weight(spelling, Map.of()); // resolves
        }
    }

    /** Every line of the listing builds with its own defaults, and they are the initializer's resolved parameters. */
    @Test
    void entriesAreConsistentWithWhatTheyBuild() {
        for (CatalogueEntry e : Initializers.weightEntries()) {
            Initializer init = Initializers.weight(e.name(), Map.of());
            assertEquals(e.defaults(), init.params(), e.name());
            assertEquals(init, Initializers.weight(e.name(), e.defaults()), e.name() + " round-trips its defaults");
            assertFalse(e.formula().isBlank() || e.formula().contains("\n"), e.name() + " formula: " + e.formula());
            assertFalse(e.source().isBlank(), e.name());
            if (!e.formula().startsWith("= ")) assertEquals(e.name(), init.name(), "an entry's instance carries its name");
            for (String alias : e.aliases()) assertEquals(init, Initializers.weight(alias, Map.of()), alias);
        }
        for (CatalogueEntry e : Initializers.biasEntries()) {
            BiasInitializer init = Initializers.bias(e.name(), Map.of());
            assertEquals(e.defaults(), init.params(), e.name());
            assertFalse(e.formula().isBlank(), e.name());
        }
    }

    /** One init spelt two ways is one canonical name and parameter map, so it compares and hashes the same. */
    @Test
    void aliasesAndPresetsAreCanonical() {
        Initializer a = Initializers.weight("glorot_uniform", Map.of());
        Initializer b = Initializers.weight("XavierUniform", Map.of("gain", 1));
        assertEquals(a, b);
        assertEquals(a.hashCode(), b.hashCode());
        assertEquals("xavier_uniform", b.name());
        assertEquals(Map.of("gain", 1.0), b.params());

        Initializer he = Initializers.weight("he_normal", Map.of("mode", "FAN_OUT"));
        assertEquals("kaiming_normal", he.name());
        assertEquals(Map.of("a", 0.0, "mode", "fan_out", "nonlinearity", "leaky_relu"), he.params());

        assertEquals(new XavierUniform(4), Initializers.weight("sigmoid_uniform", Map.of()));
        assertEquals(new XavierUniform(4).params(), Initializers.weight("xavier_uniform", Map.of("gain", 4)).params());
        assertEquals(new VarianceScaling(2, FanMode.FAN_IN, VarianceScaling.Distribution.TRUNCATED_NORMAL),
                Initializers.weight("keras_he_normal", Map.of()));
        assertEquals(new Normal(0, 0.1), Initializers.weight("random_normal", Map.of("std", 0.1)), "preset values can be overridden");
    }

    @Test
    void badNamesAndParametersAreOneLineUserErrors() {
        UserError e = assertThrows(UserError.class, () -> Initializers.weight("glorot_unifrom", Map.of()));
        assertTrue(e.getMessage().contains("did you mean 'glorot_uniform'"), e.getMessage());
        assertTrue(e.getMessage().contains("valid: zeros, ones"), e.getMessage());
        e = assertThrows(UserError.class, () -> Initializers.weight("xavier_uniform", Map.of("gian", 2)));
        assertTrue(e.getMessage().contains("did you mean 'gain'"), e.getMessage());
        e = assertThrows(UserError.class, () -> Initializers.weight("lecun_normal", Map.of("gain", 2)));
        assertTrue(e.getMessage().contains("takes no parameters"), e.getMessage());
        assertThrows(UserError.class, () -> Initializers.weight("xavier_uniform", Map.of("gain", "big")));
        assertThrows(UserError.class, () -> Initializers.weight("kaiming_uniform", Map.of("nonlinearity", "swish")));
        assertThrows(UserError.class, () -> Initializers.weight(" ", Map.of()));
        assertThrows(UserError.class, () -> Initializers.bias("xavier_uniform", Map.of()));
        for (UserError u : List.of(
                assertThrows(UserError.class, () -> Initializers.weight("nope", Map.of())),
                assertThrows(UserError.class, () -> Initializers.bias("nope", Map.of())))) {
            assertFalse(u.getMessage().contains("\n"), u.getMessage());
        }
    }

    /** Same seed → same bits for every entry and preset; a different seed changes every random one. */
    @Test
    void everyEntryIsReproducibleFromItsSeed() {
        for (CatalogueEntry e : Initializers.weightEntries()) {
            Initializer init = Initializers.weight(e.name(), Map.of());
            float[] first = draw(init, 7);
            assertArrayEquals(first, draw(init, 7), e.name());
            assertEquals(!DETERMINISTIC.contains(init.name()), !Arrays.equals(first, draw(init, 8)), e.name() + " depends on the seed");
        }
        for (CatalogueEntry e : Initializers.biasEntries()) {
            Map<String, Object> params = e.name().equals("critical") ? Map.of("sigma_b", 0.5) : Map.of();
            BiasInitializer init = Initializers.bias(e.name(), params);
            float[] first = drawBias(init, 3);
            assertArrayEquals(first, drawBias(init, 3), e.name());
            assertEquals(!DETERMINISTIC.contains(init.name()), !Arrays.equals(first, drawBias(init, 4)), e.name() + " depends on the seed");
        }
    }

    private static float[] drawBias(BiasInitializer init, long seed) {
        float[] b = new float[64];
        init.initialize(b, 30, 64, RandomStreams.stream(seed, "init/dense1.bias"));
        return b;
    }

    private static float[] draw(Initializer init, long seed) {
        Matrix w = new Matrix(40, 30);
        init.initialize(w, RandomStreams.stream(seed, "init/dense1"));
        return w.data();
    }

    @Test
    void biasCatalogue() {
        assertEquals(new TorchLinearDefault(), Initializers.bias("pytorch_default", Map.of()));
        assertEquals("torch_linear", Initializers.bias("torch_linear", null).name());
        assertEquals(new CriticalBias(0.1), Initializers.bias("critical", Map.of("sigma_b", 0.1)));
        assertEquals(new Constant(0.01), Initializers.bias("constant", Map.of("value", 0.01)));
        assertEquals(new Zeros(), Initializers.bias("ZERO", Map.of()));
        assertThrows(UserError.class, () -> Initializers.bias("critical", Map.of("sigma_w", 1)));
        Set<String> names = new HashSet<>();
        for (CatalogueEntry e : Initializers.biasEntries()) names.add(e.name());
        assertEquals(Set.of("zeros", "ones", "constant", "normal", "uniform", "torch_linear", "critical", "random", "random_normal", "random_uniform"), names);
    }
}
