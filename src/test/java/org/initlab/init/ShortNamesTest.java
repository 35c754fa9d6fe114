package org.initlab.init;

import org.initlab.UserError;
import org.initlab.catalog.CatalogueEntry;
import org.initlab.catalog.Component;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The original study's short names mean in a user's spec what they mean in the built-in
 * {@code seed} study ({@code StudyShortNamesTest} checks them against its levels), DL4J's Gaussian
 * {@code XAVIER} stays reachable, and every other spelling keeps the meaning it had.
 */
class ShortNamesTest {
    private static Component built(String spelling) {
        Initializer i = Initializers.weight(spelling, Map.of());
        return new Component(i.name(), i.params());
    }

    @Test
    void xavierIsXavierUniformWithGainOne() {
        assertEquals(new XavierUniform(1), Initializers.weight("xavier", Map.of()));
        assertEquals("xavier_uniform(gain=1)", built("Xavier").toString());
        assertEquals(new XavierUniform(2), Initializers.weight("xavier", Map.of("gain", 2)), "an alias takes the entry's parameters");
    }

    @Test
    void dl4jsGaussianXavierIsStillThere() {
        assertEquals(new XavierNormal(1), Initializers.weight("dl4j_xavier", Map.of()));
        assertEquals(new XavierNormal(1), Initializers.weight("DL4J_XAVIER", Map.of()));
        CatalogueEntry normal = Initializers.weightEntries().stream().filter(e -> e.name().equals("xavier_normal")).findFirst().orElseThrow();
        assertTrue(normal.aliases().contains("dl4j_xavier"), normal.aliases().toString());
        assertTrue(normal.source().contains("DL4J XAVIER (as dl4j_xavier: 'xavier' is xavier_uniform"), normal.source());
    }

    @Test
    void heIsKaimingUniformWithPyTorchsDefaults() {
        assertEquals("kaiming_uniform(a=0, mode=fan_in, nonlinearity=leaky_relu)", built("he").toString());
        assertEquals(built("kaiming_uniform"), built("HE"));
        assertNotEquals(built("he_normal"), built("he"));
    }

    @Test
    void randomIsTheStandardNormalAndAPreset() {
        assertEquals("normal(mean=0, std=1)", built("random").toString());
        assertEquals(new Normal(0, 0.5), Initializers.weight("random", Map.of("std", 0.5)), "a preset's parameters can be overridden");
        CatalogueEntry random = Initializers.weightEntries().stream().filter(e -> e.name().equals("random")).findFirst().orElseThrow();
        assertEquals("normal", random.presetOf());
        assertTrue(random.formula().startsWith("= normal(mean=0, std=1): "), random.formula());
        assertEquals("normal(mean=0, std=1)", new Component(Initializers.bias("random", Map.of()).name(),
                Initializers.bias("random", Map.of()).params()).toString(), "the same name means the same for biases");
        assertEquals("normal(mean=0, std=0.05)", built("random_normal").toString(), "Keras's RandomNormal is unchanged");
    }

    /** A near miss still gets the nearest name, now that 'he' exists. */
    @Test
    void nearMissesGetTheNearestName() {
        UserError e = org.junit.jupiter.api.Assertions.assertThrows(UserError.class, () -> Initializers.weight("hee", Map.of()));
        assertTrue(e.getMessage().startsWith("unknown weight initializer 'hee'; did you mean 'he'?"), e.getMessage());
    }

    /** Every spelling the catalogues accepted before the short names changed, but 'xavier', as it resolved then. */
    static final String WEIGHTS_BEFORE = """
            zeros = zeros
            zero = zeros
            ones = ones
            constant = constant(value=0)
            normal = normal(mean=0, std=1)
            uniform = uniform(a=0, b=1)
            trunc_normal = trunc_normal(a=-2, b=2, mean=0, std=1)
            keras_truncated_normal = keras_truncated_normal(mean=0, std=0.05)
            truncated_normal = keras_truncated_normal(mean=0, std=0.05)
            xavier_uniform = xavier_uniform(gain=1)
            glorot_uniform = xavier_uniform(gain=1)
            xavier_normal = xavier_normal(gain=1)
            glorot_normal = xavier_normal(gain=1)
            kaiming_uniform = kaiming_uniform(a=0, mode=fan_in, nonlinearity=leaky_relu)
            he_uniform = kaiming_uniform(a=0, mode=fan_in, nonlinearity=leaky_relu)
            relu_uniform = kaiming_uniform(a=0, mode=fan_in, nonlinearity=leaky_relu)
            kaiming_normal = kaiming_normal(a=0, mode=fan_in, nonlinearity=leaky_relu)
            he_normal = kaiming_normal(a=0, mode=fan_in, nonlinearity=leaky_relu)
            relu = kaiming_normal(a=0, mode=fan_in, nonlinearity=leaky_relu)
            lecun_uniform = lecun_uniform
            lecun_normal = lecun_normal
            xavier_fan_in = lecun_normal
            dl4j_normal = lecun_normal
            variance_scaling = variance_scaling(distribution=truncated_normal, mode=fan_in, scale=1)
            var_scaling = variance_scaling(distribution=truncated_normal, mode=fan_in, scale=1)
            orthogonal = orthogonal(gain=1)
            identity = identity(gain=1)
            eye = identity(gain=1)
            sparse = sparse(sparsity=0.1, std=0.01)
            critical = critical(sigma_w=1)
            edge_of_chaos = critical(sigma_w=1)
            lsuv = lsuv(max_iterations=10, tol=0.1)
            torch_linear = torch_linear
            pytorch_default = torch_linear
            torch_default = torch_linear
            dl4j_uniform = torch_linear
            random_normal = normal(mean=0, std=0.05)
            random_uniform = uniform(a=-0.05, b=0.05)
            sigmoid_uniform = xavier_uniform(gain=4)
            xavier_legacy = xavier_normal(gain=0.7071067811865476)
            keras_glorot_normal = variance_scaling(distribution=truncated_normal, mode=fan_avg, scale=1)
            keras_he_normal = variance_scaling(distribution=truncated_normal, mode=fan_in, scale=2)
            keras_lecun_normal = variance_scaling(distribution=truncated_normal, mode=fan_in, scale=1)
            var_scaling_normal_fan_in = variance_scaling(distribution=truncated_normal, mode=fan_in, scale=1)
            var_scaling_normal_fan_out = variance_scaling(distribution=truncated_normal, mode=fan_out, scale=1)
            var_scaling_normal_fan_avg = variance_scaling(distribution=truncated_normal, mode=fan_avg, scale=1)
            var_scaling_uniform_fan_in = variance_scaling(distribution=uniform, mode=fan_in, scale=1)
            var_scaling_uniform_fan_out = variance_scaling(distribution=uniform, mode=fan_out, scale=1)
            var_scaling_uniform_fan_avg = variance_scaling(distribution=uniform, mode=fan_avg, scale=1)
            dl4j_var_scaling_normal_fan_in = variance_scaling(distribution=untruncated_normal, mode=fan_in, scale=1)
            dl4j_var_scaling_normal_fan_out = variance_scaling(distribution=untruncated_normal, mode=fan_out, scale=1)
            dl4j_var_scaling_normal_fan_avg = variance_scaling(distribution=untruncated_normal, mode=fan_avg, scale=1)
            dl4j_var_scaling_uniform_fan_in = variance_scaling(distribution=uniform, mode=fan_in, scale=3)
            dl4j_var_scaling_uniform_fan_out = variance_scaling(distribution=uniform, mode=fan_out, scale=3)
            dl4j_var_scaling_uniform_fan_avg = variance_scaling(distribution=uniform, mode=fan_avg, scale=3)
            dl4j_lecun_uniform = variance_scaling(distribution=uniform, mode=fan_in, scale=3)
            """;

    static final String BIASES_BEFORE = """
            zeros = zeros
            zero = zeros
            ones = ones
            constant = constant(value=0)
            normal = normal(mean=0, std=1)
            uniform = uniform(a=0, b=1)
            torch_linear = torch_linear
            pytorch_default = torch_linear
            torch_default = torch_linear
            critical = critical(sigma_b=0)
            edge_of_chaos = critical(sigma_b=0)
            random_normal = normal(mean=0, std=0.05)
            random_uniform = uniform(a=-0.05, b=0.05)
            """;

    @Test
    void everyOtherSpellingKeepsItsMeaning() {
        for (String line : WEIGHTS_BEFORE.strip().split("\n")) {
            String[] p = line.split(" = ");
            assertEquals(p[1].strip(), built(p[0].strip()).toString(), p[0]);
        }
        for (String line : BIASES_BEFORE.strip().split("\n")) {
            String[] p = line.split(" = ");
            BiasInitializer b = Initializers.bias(p[0].strip(), Map.of());
            assertEquals(p[1].strip(), new Component(b.name(), b.params()).toString(), p[0]);
        }
    }
}
