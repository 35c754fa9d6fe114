package org.initlab.study;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class GridTest {
    static List<PlannedRun> grid(String yaml) {
        return Grid.expand(StudySpecParserTest.parse(yaml));
    }

    @Test
    void fullFactorialTimesSeeds() {
        List<PlannedRun> runs = grid("""
                name: g
                seeds: 3
                factors:
                  initializer: [xavier_uniform, kaiming_uniform]
                  activation: [relu, tanh, sigmoid]
                """);
        assertEquals(2 * 3 * 3, runs.size());
        assertEquals(18, runs.stream().map(PlannedRun::id).distinct().count(), "distinct ids");
        PlannedRun first = runs.getFirst();
        assertEquals("xavier_uniform", first.labels().get("initializer"));
        assertEquals("relu", first.labels().get("activation"));
        assertEquals("0", first.labels().get("seed"));
    }

    @Test
    void includeCrossesTheRestAndExcludeDrops() {
        List<PlannedRun> runs = grid("""
                name: g
                seeds: 1
                factors:
                  initializer: [xavier_uniform, kaiming_uniform]
                  activation: [relu, tanh]
                include:
                  - {initializer: orthogonal}
                exclude:
                  - {initializer: kaiming_uniform, activation: tanh}
                """);
        Set<String> combos = runs.stream().map(r -> r.labels().get("initializer") + "/" + r.labels().get("activation")).collect(Collectors.toSet());
        assertEquals(Set.of("xavier_uniform/relu", "xavier_uniform/tanh", "kaiming_uniform/relu", "orthogonal/relu", "orthogonal/tanh"), combos);
    }

    /** Patterns name levels by their labels, as tables and legends show them (the README's example). */
    @Test
    void excludeAndIncludeUseLevelLabels() {
        List<PlannedRun> runs = grid("""
                name: g
                seeds: 1
                factors:
                  initializer:
                    - {name: normal, std: 1, label: random}
                    - {name: xavier_uniform, label: xavier}
                    - {name: kaiming_normal, nonlinearity: relu, label: he}
                  activation: [relu, tanh]
                exclude:
                  - {initializer: random, activation: tanh}
                  - {initializer: xavier, activation: tanh}
                """);
        Set<String> combos = runs.stream().map(r -> r.labels().get("initializer") + "/" + r.labels().get("activation")).collect(Collectors.toSet());
        assertEquals(Set.of("random/relu", "xavier/relu", "he/relu", "he/tanh"), combos,
                "'xavier' is the label here, although as a name it would be an alias of xavier_normal");
    }

    @Test
    void anExcludeThatMatchesNothingIsAnError() {
        String m = org.junit.jupiter.api.Assertions.assertThrows(org.initlab.UserError.class, () -> grid("""
                name: g
                factors:
                  initializer: [{name: xavier_uniform, label: xavier}]
                  activation: [relu, tanh]
                exclude:
                  - {initializer: kaiming_uniform}
                """)).getMessage();
        assertTrue(m.contains("exclude[0]: it matches no run: initializer 'kaiming_uniform' is not among the levels (xavier)"), m);
    }

    @Test
    void experimentsShareIdenticalRuns() {
        List<PlannedRun> runs = Grid.expand(StudySpecParser.parse(BuiltInStudies.source("seed"), "seed", StudySpecParser.Overrides.NONE));
        // 4 inits × (3 activations + 2 optimizers + 2 depths) × 5 seeds, minus relu+sgd shared by two experiments
        assertEquals((12 + 8 + 8 - 4) * 5, runs.size());
        assertTrue(runs.stream().anyMatch(r -> r.experiments().equals(List.of("activations", "optimizers"))));
        List<PlannedRun> notebook = Grid.expand(StudySpecParser.parse(BuiltInStudies.source("seed"), "seed",
                new StudySpecParser.Overrides("notebook", null, null)));
        assertEquals(12 + 8 + 8 - 4, notebook.size());
        PlannedRun deep = notebook.stream().filter(r -> r.experiments().contains("depth") && r.labels().get("initializer").equals("he")).findFirst().orElseThrow();
        assertEquals(128, deep.spec().batchSize());
        assertEquals(128, deep.spec().evaluation().batchSize(), "evaluated in batches of its own training batch size");
        assertEquals(false, deep.spec().outputActivation());
        assertEquals("relu", deep.spec().initializer().params().get("nonlinearity"));
        PlannedRun shallow = notebook.stream().filter(r -> r.experiments().contains("activations") && r.labels().get("initializer").equals("he")).findFirst().orElseThrow();
        assertEquals("torch_linear", shallow.spec().biasInitializer().name());
        assertEquals(true, shallow.spec().outputActivation());
        assertEquals("scale256", shallow.spec().preprocessing());
        PlannedRun zero = notebook.stream().filter(r -> r.labels().get("initializer").equals("zero")).findFirst().orElseThrow();
        assertEquals("zeros", zero.spec().biasInitializer().name(), "the notebook zeroes biases too for zero init");
    }

    @Test
    void learningRateFactorOverridesTheOptimizer() {
        List<PlannedRun> runs = grid("""
                name: g
                seeds: 1
                settings: {optimizer: {name: sgd, momentum: 0.9}}
                factors:
                  learning_rate: [0.1, 0.01]
                """);
        assertEquals(0.1, runs.get(0).spec().optimizer().params().get("lr"));
        assertEquals(0.9, runs.get(0).spec().optimizer().params().get("momentum"));
        assertEquals(0.01, runs.get(1).spec().optimizer().params().get("lr"));
    }

    @Test
    void weightDecayFactorOverridesTheOptimizerAndLabelsItsRuns() {
        List<PlannedRun> runs = grid("""
                name: g
                seeds: 1
                settings: {optimizer: {name: adamw, weight_decay: 0.5}, learning_rate: 0.003}
                factors:
                  weight_decay: [0, 0.01]
                """);
        assertEquals(2, runs.size());
        assertEquals(0.0, runs.get(0).spec().optimizer().params().get("weight_decay"));
        assertEquals(0.01, runs.get(1).spec().optimizer().params().get("weight_decay"));
        assertEquals(0.003, runs.get(1).spec().optimizer().params().get("lr"));
        assertEquals("adamw", runs.get(1).spec().optimizer().name());
        assertEquals("0.01", runs.get(1).labels().get("weight_decay"));
        assertEquals(List.of("initializer", "bias_initializer", "activation", "output_activation", "optimizer", "learning_rate",
                "weight_decay", "architecture", "batch_size", "epochs", "seed"), List.copyOf(runs.get(1).labels().keySet()));
    }

    @Test
    void anInitializerLevelsOwnBiasWinsAndLabelsTheBiasColumn() {
        List<PlannedRun> runs = grid("""
                name: g
                seeds: 1
                settings: {bias_initializer: torch_linear}
                factors:
                  initializer: [{name: zeros, bias: zeros}, xavier_uniform]
                  activation: [relu, tanh]
                exclude:
                  - {initializer: {name: zeros, bias: zeros}, activation: tanh}
                """);
        assertEquals(3, runs.size(), "a pattern written with its bias matches the level with that bias");
        assertEquals("zeros", runs.get(0).spec().biasInitializer().name());
        assertEquals("zeros", runs.get(0).labels().get("bias_initializer"));
        assertEquals("torch_linear", runs.get(1).spec().biasInitializer().name());
        assertEquals("torch_linear", runs.get(1).labels().get("bias_initializer"));
    }

    @Test
    void criticalAutoFindsTheEdgeOfChaosPerActivation() {
        List<PlannedRun> runs = grid("""
                name: g
                seeds: 1
                factors:
                  initializer: [{name: critical, sigma_w: auto}]
                  activation: [relu, tanh]
                """);
        assertEquals(1.414213562, runs.get(0).spec().initializer().params().get("sigma_w"), "ReLU: He's √2, to 10 digits");
        assertEquals(1.0, (Double) runs.get(1).spec().initializer().params().get("sigma_w"), 1e-6, "tanh at σ_b = 0");
    }

    @Test
    void seedsAndEpochsOverrides() {
        StudySpec s = StudySpecParser.parse("name: g\nfactors: {activation: [relu, tanh]}\n", "g", new StudySpecParser.Overrides(null, 2, 3));
        List<PlannedRun> runs = Grid.expand(s);
        assertEquals(4, runs.size());
        assertTrue(runs.stream().allMatch(r -> r.spec().epochs() == 3));
    }

    @Test
    void runIdsAreStableAcrossVersionsOfTheCode() {
        // the id is the hash of the canonical JSON: changing how a spec is written breaks resume of old folders
        PlannedRun r = grid("name: g\nseeds: 1\n").getFirst();
        assertEquals(r.spec().id(), r.id());
        assertEquals(12, r.id().length());
        String json = r.spec().canonicalJson();
        assertTrue(json.startsWith("{\"activation\":{\"name\":\"relu\",\"params\":{}},\"batchSize\":150,"), json);
    }

    /** The grid's size is known before it is built: levels multiplied, includes added, times seeds, per experiment. */
    @Test
    void sizeBeforeExpanding() {
        StudySpec s = StudySpecParserTest.parse("""
                name: g
                seeds: 3
                experiments:
                  a:
                    factors:
                      initializer: [xavier_uniform, kaiming_uniform]
                      activation: [relu, tanh, elu]
                    include:
                      - {initializer: orthogonal}
                  b:
                    factors:
                      batch_size: [50, 100]
                """);
        assertEquals((2 * 3 + 3 + 2) * 3, Grid.size(s));
        assertEquals(Grid.size(s), Grid.expand(s).size(), "no run is shared or excluded here");
        org.initlab.UserError e = org.junit.jupiter.api.Assertions.assertThrows(org.initlab.UserError.class, () -> Grid.expand(s, 32));
        assertTrue(e.getMessage().contains("its grid would have 33 runs, more than the limit of 32"), e.getMessage());
    }
}
