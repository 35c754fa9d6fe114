package org.initlab.study;

import org.initlab.UserError;
import org.initlab.catalog.Component;
import org.initlab.study.factor.Factors;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class StudySpecParserTest {
    static StudySpec parse(String yaml) {
        return StudySpecParser.parse(yaml, "spec.yaml", StudySpecParser.Overrides.NONE);
    }

    static String error(String yaml) {
        String m = assertThrows(UserError.class, () -> parse(yaml)).getMessage();
        assertFalse(m.contains("\n"), "one line: " + m);
        assertTrue(m.startsWith("spec.yaml: "), m);
        return m;
    }

    /** The value of setting {@code key} in {@code e}. */
    static Object setting(Experiment e, String key) {
        return e.settings().get(Factors.find(key).orElseThrow()).value();
    }

    @Test
    void minimalSpecTakesTheProtocolDefaults() {
        StudySpec s = parse("name: x\n");
        assertEquals("default", s.protocol());
        assertEquals(List.of(0L, 1L, 2L, 3L, 4L), s.seeds());
        Experiment e = s.experiments().getFirst();
        assertEquals(List.of(128, 64), setting(e, "architecture"));
        assertEquals(35, setting(e, "epochs"));
        assertEquals(Component.of("zeros"), setting(e, "bias_initializer"));
        assertTrue(e.evaluation().testEachEpoch());
    }

    @Test
    void notebookProtocolChangesTheDefaults() {
        StudySpec s = StudySpecParser.parse("name: x\n", "spec.yaml", new StudySpecParser.Overrides("notebook", null, null));
        Experiment e = s.experiments().getFirst();
        assertEquals(List.of(0L), s.seeds());
        assertEquals(true, setting(e, "output_activation"));
        assertEquals("torch_linear", ((Component) setting(e, "bias_initializer")).name());
        assertFalse(e.evaluation().testEachEpoch());
        assertEquals(org.initlab.train.Evaluation.TRAINING_BATCH, e.evaluation().batchSize(), "the notebook evaluates in training-size batches");
        assertEquals(150, Grid.expand(s).getFirst().spec().evaluation().batchSize());
    }

    /**
     * YAML's .nan and .inf, and 1e400 (infinite as a double), are refused wherever a spec holds a
     * number, by one check, with the text written, its place and why; a whole number beyond the
     * range is shown as written, not clamped.
     */
    @Test
    void numbersThatAreNotFiniteAreRefusedAsWritten() {
        String lr = "name: x\nseeds: 1\nsettings:\n  architecture: [8]\n  epochs: 1\n  optimizer: {name: sgd, lr: %s}\n";
        assertEquals("spec.yaml: settings.optimizer.lr: must be a finite number, got .nan (line 6), which YAML reads as not-a-number",
                error(lr.formatted(".nan")));
        assertEquals("spec.yaml: settings.optimizer.lr: must be a finite number, got -.Inf (line 6), which YAML reads as infinity",
                error(lr.formatted("-.Inf")));
        assertEquals("spec.yaml: settings.optimizer.lr: must be a finite number, got 1e400 (line 6), beyond the largest number a double holds"
                + " (about 1.8e308)", error(lr.formatted("1e400")));
        assertEquals("spec.yaml: settings.optimizer: sgd: parameter 'lr' must be a finite number, got 1e400", error(lr.formatted("'1e400'")));
        assertEquals("spec.yaml: factors.learning_rate[1]: must be a finite number, got .inf (line 3), which YAML reads as infinity",
                error("name: x\nfactors:\n  learning_rate: [0.1, .inf]\n"));
        assertEquals("spec.yaml: claims[0].at_most: must be a finite number, got .INF (line 2), which YAML reads as infinity",
                error("name: x\nclaims: [{at_most: .INF}]\n"));
        assertEquals("spec.yaml: settings.learning_rate: must be a finite number, got NaN", error("name: x\nsettings:\n  learning_rate: 'NaN'\n"));
        assertEquals("spec.yaml: settings.epochs: must be between 0 and 100000, got 99999999999999999999",
                error("name: x\nsettings:\n  epochs: 99999999999999999999\n"));
        assertEquals("spec.yaml: seeds must be between 1 and 10000, got 99999999999", error("name: x\nseeds: 99999999999\n"));
        assertEquals("spec.yaml: seeds[1]: a seed is between -9223372036854775808 and 9223372036854775807, got 99999999999999999999",
                error("name: x\nseeds: [1, 99999999999999999999]\n"));
    }

    @Test
    void errorsSayWhereAndSuggest() {
        assertTrue(error("name: x\nfactors:\n  activation: [relu, rleu]\n").contains("factors.activation[1]: unknown activation 'rleu'; did you mean 'relu'?"));
        assertTrue(error("name: x\nfactor:\n  activation: [relu]\n").contains("unknown key 'factor'; did you mean 'factors'?"));
        assertTrue(error("name: x\nfactors:\n  activaton: [relu]\n").contains("did you mean 'activation'?"));
        assertTrue(error("name: x\nfactors:\n  activation: relu\n").contains("non-empty list"));
        assertTrue(error("name: x\nsettings:\n  epochs: -1\n").contains("settings.epochs: must be between 0"));
        assertTrue(error("name: x\nsettings:\n  optimizer: {name: sgd, lr: 0.1, momentun: 0.9}\n").contains("did you mean 'momentum'?"));
        assertTrue(error("name: x\nsettings:\n  optimizer: {name: sgd, nesterov: true}\n").contains("nesterov"));
        assertTrue(error("name: x\nfactors:\n  initializer: [xavier_uniform, glorot_uniform]\n").contains("repeats level 0"));
        assertTrue(error("name: x\nprotocol: notbook\n").contains("did you mean 'notebook'?"));
        assertTrue(error("settings: {}\n").contains("a study needs a name"));
        assertTrue(error("name: x\nseeds: 0\n").contains("seeds must be between 1"));
        assertTrue(error("name: [x\n").contains("not valid YAML"));
        assertTrue(error("name: x\nsettings:\n  architecture: [128, -1]\n").contains("architecture[1]"));
        assertTrue(error("name: x\nexclude: [{activaton: relu}]\n").contains("exclude[0].activaton"));
        assertTrue(error("name: x\nselect: [nope]\n").contains("unknown experiment 'nope'"));
        assertTrue(error("name: x\nsettings:\n  evaluation: {test: sometimes}\n").contains("each_epoch"));
    }

    @Test
    void aliasesGiveCanonicalComponents() {
        StudySpec a = parse("name: x\nsettings: {initializer: glorot_uniform, activation: LeakyReLU}\n");
        StudySpec b = parse("name: x\nsettings: {initializer: xavier_uniform, activation: {name: leaky_relu, negative_slope: 0.01}}\n");
        assertEquals(setting(a.experiments().getFirst(), "initializer"), setting(b.experiments().getFirst(), "initializer"));
        assertEquals(Grid.expand(a).getFirst().id(), Grid.expand(b).getFirst().id(), "the same run, spelt two ways");
    }

    @Test
    void everyNameFollowsTheSpellingRule() {
        StudySpec s = parse("""
                name: x
                protocol: Notebook
                dataset: {name: mnist, preprocessing: SCALE-256}
                settings:
                  Learning-Rate: 0.1
                  activation: Leaky ReLU
                  optimizer: {name: SGD}
                  initializer: {name: Kaiming Normal, mode: FAN_OUT, nonlinearity: ReLU}
                  evaluation: {test: Each-Epoch, aggregation: ExampleMean, batch_size: Training}
                """);
        assertEquals("notebook", s.protocol());
        assertEquals("scale256", s.data().preprocessing());
        Experiment e = s.experiments().getFirst();
        assertEquals(Component.of("leaky_relu").name(), ((Component) setting(e, "activation")).name());
        assertTrue(e.evaluation().testEachEpoch());
        PlannedRun r = Grid.expand(s).getFirst();
        assertEquals(0.1, r.spec().optimizer().params().get("lr"));
        assertEquals("fan_out", r.spec().initializer().params().get("mode"));
        assertEquals("relu", r.spec().initializer().params().get("nonlinearity"));
        assertEquals(org.initlab.train.Evaluation.Aggregation.EXAMPLE_MEAN, r.spec().evaluation().aggregation());
        assertTrue(error("name: x\nsettings:\n  evaluation: {aggregation: batchmaen}\n").contains("did you mean 'batch_mean'?"));
        assertTrue(error("name: x\nsettings:\n  initializer: {name: critical, sigma_w: auto, bias: zeroes}\n")
                .contains("initializer.bias: unknown bias initializer 'zeroes'"));
        assertTrue(error("name: x\nsettings:\n  initializer: {name: normal, sigma_w: auto}\n")
                .contains("settings.initializer.sigma_w: 'auto' is only for the critical initializer"));
    }

    @Test
    void builtInStudiesParseUnderBothProtocols() {
        for (String name : BuiltInStudies.descriptions().keySet()) {
            for (String protocol : Protocols.names()) {
                StudySpec s = StudySpecParser.parse(BuiltInStudies.source(name), name, new StudySpecParser.Overrides(protocol, null, null));
                assertFalse(Grid.expand(s).isEmpty(), name + " " + protocol);
            }
        }
    }
}
