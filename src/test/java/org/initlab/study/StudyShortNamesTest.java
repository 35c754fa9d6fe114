package org.initlab.study;

import org.initlab.catalog.Component;
import org.initlab.init.Initializer;
import org.initlab.init.Initializers;
import org.initlab.study.factor.InitializerChoice;
import org.initlab.study.factor.Level;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * In a user's spec, the original study's names (zero, random, xavier, he) are the initializers the
 * built-in {@code seed} study labels so, under both protocols: a spec that writes
 * {@code initializer: [random, xavier, he]} trains the seed study's runs, under the same ids.
 */
class StudyShortNamesTest {
    @Test
    void theSeedStudysLabelsAreCatalogueNamesForTheSameInitializers() {
        for (String protocol : Protocols.names()) {
            StudySpec seed = StudySpecParser.parse(BuiltInStudies.source("seed"), "seed", new StudySpecParser.Overrides(protocol, null, null));
            int checked = 0;
            for (Experiment e : seed.experiments()) {
                for (var f : e.factors().entrySet()) {
                    if (!f.getKey().key().equals("initializer")) continue;
                    for (Level<?> level : f.getValue()) {
                        Initializer named = Initializers.weight(level.label(), Map.of());
                        Component weights = ((InitializerChoice) level.value()).weights();
                        if (level.label().equals("he") && protocol.equals(Protocols.NOTEBOOK_NAME) && e.name().equals("depth")) {
                            // the notebook's depth experiment sets nonlinearity=relu: the same gain, √2, spelt otherwise
                            assertEquals("kaiming_uniform(a=0, mode=fan_in, nonlinearity=relu)", weights.toString());
                            continue;
                        }
                        assertEquals(weights, new Component(named.name(), named.params()), protocol + " " + e.name() + " " + level.label());
                        checked++;
                    }
                }
            }
            assertEquals(protocol.equals(Protocols.NOTEBOOK_NAME) ? 11 : 12, checked, protocol);
        }
    }

    @Test
    void aSpecWritingTheShortNamesTrainsTheSeedStudysRuns() {
        String mine = """
                name: mine
                dataset: mnist
                settings:
                  architecture: [128, 64]
                  activation: relu
                  optimizer: {name: sgd, lr: 0.01}
                  batch_size: 150
                  epochs: 35
                  bias_initializer: zeros
                factors:
                  initializer: [random, xavier, he]
                """;
        List<String> ids = Grid.expand(StudySpecParser.parse(mine, "mine.yaml", StudySpecParser.Overrides.NONE)).stream().map(PlannedRun::id).toList();
        StudySpec seed = StudySpecParser.parse(BuiltInStudies.source("seed-optimizers"), "seed", StudySpecParser.Overrides.NONE);
        List<String> seedIds = Grid.expand(seed).stream()
                .filter(r -> r.labels().get("optimizer").equals("sgd") && List.of("random", "xavier", "he").contains(r.labels().get("initializer")))
                .map(PlannedRun::id).toList();
        assertEquals(15, seedIds.size());
        assertEquals(new java.util.TreeSet<>(seedIds), new java.util.TreeSet<>(ids));
    }
}
