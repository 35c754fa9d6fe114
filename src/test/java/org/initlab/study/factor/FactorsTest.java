package org.initlab.study.factor;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import org.initlab.UserError;
import org.initlab.catalog.Spelling;
import org.initlab.study.spec.SpecNodes;
import org.junit.jupiter.api.Test;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class FactorsTest {
    @Test
    void theRegistryListsEachFactorOnceUnderItsKey() {
        Set<String> keys = new HashSet<>();
        for (Factor<?> f : Factors.all()) {
            assertTrue(keys.add(Spelling.key(f.key())), "one key per factor: " + f.key());
            assertTrue(f.key().matches("[a-z_]+"), f.key());
            assertEquals(f, Factors.find(f.key()).orElseThrow());
            assertTrue(!f.description().isBlank() && !f.description().contains("\n"), f.key());
        }
        assertEquals(Factors.keys(), Factors.all().stream().map(Factor::key).toList());
    }

    @Test
    void keysMatchByTheSpellingRule() {
        assertEquals(LearningRateFactor.KEY, Factors.find("Learning-Rate").orElseThrow().key());
        assertEquals(BatchSizeFactor.KEY, Factors.find("batchSize").orElseThrow().key());
        assertTrue(Factors.find("learning_rat").isEmpty());
    }

    @Test
    void readErrorsAreLocated() {
        SpecNodes in = new SpecNodes("s.yaml");
        Factor<?> activation = Factors.find("activation").orElseThrow();
        String m = assertThrows(UserError.class,
                () -> Factors.read(activation, JsonNodeFactory.instance.textNode("rleu"), "factors.activation[1]", in)).getMessage();
        assertTrue(m.startsWith("s.yaml: factors.activation[1]: unknown activation 'rleu'; did you mean 'relu'?"), m);
    }

    @Test
    void numericLevelsAreLabelledAsWritten() {
        SpecNodes in = new SpecNodes("s.yaml");
        Level<Double> lr = new LearningRateFactor().read(JsonNodeFactory.instance.numberNode(0.001), "lr", in);
        assertEquals("0.001", lr.label());
        Level<Double> wd = new WeightDecayFactor().read(JsonNodeFactory.instance.textNode("1e-4"), "wd", in);
        assertEquals(1e-4, wd.value());
        assertThrows(UserError.class, () -> new WeightDecayFactor().read(JsonNodeFactory.instance.numberNode(-1), "wd", in));
    }

    @Test
    void architecturesAreLabelledByTheirWidths() {
        assertEquals("linear", ArchitectureFactor.label(List.of()));
        assertEquals("128-64", ArchitectureFactor.label(List.of(128, 64)));
        assertEquals("128-128", ArchitectureFactor.label(List.of(128, 128)));
        assertEquals("4×128", ArchitectureFactor.label(List.of(128, 128, 128, 128)));
    }
}
