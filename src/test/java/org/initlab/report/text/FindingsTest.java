package org.initlab.report.text;

import org.initlab.report.Fixtures;
import org.initlab.report.model.StudyAggregate;
import org.initlab.report.model.StudyData;
import org.initlab.study.RunRecord;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertTrue;

/** A finding says what it computes: the mean, over how many seeds, and each seed's value. */
class FindingsTest {
    @Test
    void aConfigurationThatDoesNotLearnGivesTheMeanAndEachSeed() {
        double[] random = {0.1135, 0.1182, 0.0980};
        List<RunRecord> runs = new ArrayList<>();
        for (String init : List.of("xavier", "random")) {
            for (int seed = 0; seed < 3; seed++) {
                double a = init.equals("random") ? random[seed] : 0.95 + 0.001 * seed;
                runs.add(Fixtures.run(init + seed, Fixtures.labels(init, "relu", seed), List.of("grid"), new double[]{0.1, 0.5, a}, new double[]{0.1, 0.5, a}, 0));
            }
        }
        Map<String, Map<String, List<String>>> experiments = new LinkedHashMap<>();
        experiments.put("grid", Map.of("initializer", List.of("xavier", "random")));
        StudyAggregate agg = StudyAggregate.of(new StudyData(Path.of("unused"), Fixtures.manifest("chance", experiments, runs), "name: chance\n", runs));
        Finding fails = Findings.all(agg).stream().filter(f -> f.text().contains("does not learn")).findFirst().orElseThrow();
        assertTrue(fails.text().contains("mean final test accuracy 10.99% over 3 seeds (11.35%, 11.82%, 9.80%)"), fails.text());
        assertTrue(fails.text().contains("near chance (10% for 10 classes)"), fails.text());
    }
}
