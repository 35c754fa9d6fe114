package org.initlab.optim;

import org.initlab.UserError;
import org.initlab.catalog.CatalogueEntry;
import org.initlab.math.Parameter;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The catalogue: names, PyTorch's defaults, parameter parsing and PyTorch's validation. */
class OptimizersTest {

    private static String error(String name, Map<String, ?> params) {
        return assertThrows(UserError.class, () -> Optimizers.spec(name, params)).getMessage();
    }

    private static Map<String, Object> map(Object... keyValues) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i < keyValues.length; i += 2) m.put((String) keyValues[i], keyValues[i + 1]);
        return m;
    }

    @Test
    void defaultsArePyTorchs() {
        assertEquals(map("dampening", 0.0, "lr", 1e-3, "maximize", false, "momentum", 0.0, "nesterov", false,
                "weight_decay", 0.0), Optimizers.spec("sgd", Map.of()).params());
        assertEquals(map("amsgrad", false, "beta1", 0.9, "beta2", 0.999, "eps", 1e-8, "lr", 1e-3, "maximize", false,
                "weight_decay", 0.0), Optimizers.spec("adam", Map.of()).params());
        assertEquals(map("amsgrad", false, "beta1", 0.9, "beta2", 0.999, "eps", 1e-8, "lr", 1e-3, "maximize", false,
                "weight_decay", 1e-2), Optimizers.spec("adamw", Map.of()).params());
        assertEquals(map("alpha", 0.99, "centered", false, "eps", 1e-8, "lr", 1e-2, "maximize", false, "momentum", 0.0,
                "weight_decay", 0.0), Optimizers.spec("rmsprop", Map.of()).params());
        assertEquals(map("eps", 1e-10, "initial_accumulator_value", 0.0, "lr", 1e-2, "lr_decay", 0.0, "maximize", false,
                "weight_decay", 0.0), Optimizers.spec("adagrad", Map.of()).params());
    }

    @Test
    void namesAreCaseInsensitiveAndGiveTypedSpecs() {
        assertInstanceOf(Sgd.class, Optimizers.spec("SGD", null));
        assertInstanceOf(Adam.class, Optimizers.spec(" Adam ", Map.of()));
        assertInstanceOf(AdamW.class, Optimizers.spec("AdamW", Map.of()));
        assertInstanceOf(RmsProp.class, Optimizers.spec("RMSprop", Map.of()));
        assertInstanceOf(Adagrad.class, Optimizers.spec("Adagrad", Map.of()));
        assertEquals("rmsprop", Optimizers.spec("RMSprop", Map.of()).name());
    }

    @Test
    void specRoundTripsThroughItsNameAndParams() {
        List<OptimizerSpec> specs = List.of(
                Optimizers.spec("sgd", Map.of("lr", 0.1, "momentum", 0.9, "nesterov", true, "weight_decay", 5e-4)),
                Optimizers.spec("adam", Map.of("betas", List.of(0.8, 0.99), "amsgrad", true)),
                Optimizers.spec("adamw", Map.of("lr", "3e-4", "weight_decay", 0.1)),
                Optimizers.spec("rmsprop", Map.of("centered", "true", "momentum", 0.5)),
                Optimizers.spec("adagrad", Map.of("lr_decay", 0.01, "initial_accumulator_value", 0.1)));
        for (OptimizerSpec s : specs) {
            assertEquals(s, Optimizers.spec(s.name(), s.params()));
            assertEquals(s.params().get("lr"), s.learningRate());
        }
    }

    @Test
    void betasMayBeAPairOrBeta1AndBeta2() {
        Adam fromList = (Adam) Optimizers.spec("adam", Map.of("betas", List.of(0.5, 0.75)));
        Adam fromArray = (Adam) Optimizers.spec("adam", Map.of("betas", new double[] {0.5, 0.75}));
        Adam fromString = (Adam) Optimizers.spec("adam", Map.of("betas", "(0.5, 0.75)"));
        Adam fromNames = (Adam) Optimizers.spec("adam", Map.of("beta1", 0.5, "beta2", 0.75));
        assertEquals(0.5, fromList.beta1());
        assertEquals(0.75, fromList.beta2());
        assertEquals(fromList, fromArray);
        assertEquals(fromList, fromString);
        assertEquals(fromList, fromNames);
        assertTrue(error("adam", Map.of("betas", List.of(0.9))).contains("'betas' must be two numbers"));
        assertTrue(error("adamw", Map.of("betas", "0.9")).contains("'betas' must be two numbers"));
        assertTrue(error("adam", Map.of("betas", List.of(0.9, 0.99), "beta1", 0.9)).contains("not both"));
        assertTrue(error("adam", Map.of("betas", List.of("x", 0.99))).contains("'beta1' must be a number"));
    }

    @Test
    void unknownNamesAndParametersSuggestTheNearest() {
        assertEquals("unknown optimizer 'adma'; did you mean 'adam'? (valid: sgd, adam, adamw, rmsprop, adagrad)",
                error("adma", Map.of()));
        assertTrue(error("sgd", Map.of("momentun", 0.9)).contains("did you mean 'momentum'"));
        assertTrue(error("adam", Map.of("learning_rate", 0.1)).startsWith("adam: unknown parameter 'learning_rate'"));
        assertTrue(error("", Map.of()).contains("optimizer name is missing"));
    }

    @Test
    void pyTorchsRangeChecks() {
        assertEquals("sgd: parameter 'lr' must be > 0, got -0.1", error("sgd", Map.of("lr", -0.1)));
        for (String o : Optimizers.names()) {
            assertEquals(o + ": parameter 'lr' must be > 0, got 0.0", error(o, Map.of("lr", 0)), "a learning rate of 0 trains nothing");
        }
        assertTrue(error("sgd", Map.of("momentum", -0.5)).contains("'momentum' must be >= 0"));
        assertTrue(error("sgd", Map.of("weight_decay", -1)).contains("'weight_decay' must be >= 0"));
        assertEquals("adam: parameter 'beta1' must be in [0, 1), got 1.0", error("adam", Map.of("beta1", 1.0)));
        assertTrue(error("adamw", Map.of("beta2", -0.1)).contains("'beta2' must be in [0, 1)"));
        assertTrue(error("adam", Map.of("eps", -1e-8)).contains("'eps' must be >= 0"));
        assertTrue(error("rmsprop", Map.of("alpha", -0.9)).contains("'alpha' must be >= 0"));
        assertTrue(error("rmsprop", Map.of("momentum", -0.9)).contains("'momentum' must be >= 0"));
        assertTrue(error("adagrad", Map.of("lr_decay", -1)).contains("'lr_decay' must be >= 0"));
        assertTrue(error("adagrad", Map.of("initial_accumulator_value", -1)).contains("'initial_accumulator_value' must be >= 0"));
        assertTrue(error("sgd", Map.of("lr", "fast")).contains("'lr' must be a number"));
        assertTrue(error("adam", Map.of("amsgrad", "yes")).contains("'amsgrad' must be true or false"));
        assertThrows(UserError.class, () -> new Adam(Double.NaN, 0.9, 0.999, 1e-8, 0, false, false));
    }

    @Test
    void nesterovNeedsMomentumAndNoDampening() {
        String noMomentum = error("sgd", Map.of("nesterov", true));
        assertTrue(noMomentum.startsWith("sgd: nesterov=true requires momentum > 0 and dampening = 0"), noMomentum);
        assertTrue(error("sgd", Map.of("nesterov", true, "momentum", 0.9, "dampening", 0.1)).contains("dampening=0.1"));
        assertFalse(error("sgd", Map.of("nesterov", true)).contains("\n"));
        Optimizers.spec("sgd", Map.of("nesterov", true, "momentum", 0.9));
    }

    @Test
    void catalogueListsEveryOptimizerWithDefaultsInPyTorchsOrder() {
        List<CatalogueEntry> entries = Optimizers.entries();
        assertEquals(Optimizers.names(), entries.stream().map(CatalogueEntry::name).toList());
        assertEquals(List.of("sgd", "adam", "adamw", "rmsprop", "adagrad"), Optimizers.names());
        CatalogueEntry sgd = entries.get(0);
        assertEquals(List.of("lr", "momentum", "dampening", "weight_decay", "nesterov", "maximize"),
                List.copyOf(sgd.defaults().keySet()));
        for (CatalogueEntry e : entries) {
            assertEquals(new HashMap<>(e.defaults()), new HashMap<>(Optimizers.spec(e.name(), Map.of()).params()));
            assertFalse(e.formula().contains("\n"));
            assertTrue(e.source().contains("PyTorch torch.optim."), e.source());
        }
    }

    @Test
    void formulaDescribesTheConfiguredRuleOnOneLine() {
        assertEquals("θ ← θ − lr·grad", Optimizers.spec("sgd", Map.of()).formula());
        assertEquals("b ← momentum·b + grad (b = grad at step 1); θ ← θ − lr·(grad + momentum·b)",
                Optimizers.spec("sgd", Map.of("momentum", 0.9, "nesterov", true)).formula());
        assertTrue(Optimizers.spec("adam", Map.of("amsgrad", true)).formula().contains("v_max ← max(v_max, v)"));
        assertTrue(Optimizers.spec("adamw", Map.of()).formula().startsWith("θ ← θ − lr·weight_decay·θ; "));
        assertTrue(Optimizers.spec("rmsprop", Map.of("centered", true)).formula().contains("√(v − ḡ²)"));
        assertTrue(Optimizers.spec("adagrad", Map.of("lr_decay", 0.1)).formula().startsWith("lr_t ← lr/(1 + (t−1)·lr_decay)"));
    }

    @Test
    void bindRejectsAParameterListedTwiceAndCountsSteps() {
        Parameter w = OptimizerFixtures.parameter("w", new double[] {1, 2}, true);
        OptimizerSpec sgd = Optimizers.spec("sgd", Map.of());
        assertThrows(IllegalArgumentException.class, () -> sgd.bind(List.of(w, w)));
        Optimizer opt = sgd.bind(List.of(w));
        assertEquals(0, opt.steps());
        opt.step();
        opt.step();
        assertEquals(2, opt.steps());
        Optimizers.spec("adam", Map.of()).bind(List.of()).step();
    }
}
