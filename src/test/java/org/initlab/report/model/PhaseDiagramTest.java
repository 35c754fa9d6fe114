package org.initlab.report.model;

import org.initlab.catalog.Component;
import org.initlab.nn.Activations;
import org.initlab.report.Fixtures;
import org.initlab.study.RunRecord;
import org.initlab.study.RunSpec;
import org.initlab.study.StudyManifest;
import org.initlab.theory.DepthScales;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The phase diagram reads σ_w and depth from the runs' specs and lays the theory's depth scales beside their accuracies. */
class PhaseDiagramTest {
    static final double SIGMA_B = Math.sqrt(0.05);

    /** A tanh run with critical(σ_w) weights and critical(σ_b) biases, {@code depth} hidden layers, final test accuracy {@code acc}. */
    static RunRecord run(double sigmaW, int depth, long seed, double acc) {
        Map<String, String> labels = new LinkedHashMap<>();
        labels.put("initializer", "σ_w " + sigmaW);
        labels.put("activation", "tanh");
        labels.put("architecture", depth + "×16");
        labels.put("seed", Long.toString(seed));
        RunRecord r = Fixtures.run("r" + sigmaW + "-" + depth + "-" + seed, labels, List.of("grid"), new double[]{0.1, acc}, new double[]{0.1, acc}, 0);
        List<Integer> hidden = new ArrayList<>();
        for (int i = 0; i < depth; i++) hidden.add(16);
        RunSpec s = r.spec();
        RunSpec spec = new RunSpec(s.dataset(), s.validationSize(), s.preprocessing(), s.classes(), hidden, Component.of("tanh"), false,
                new Component("critical", Map.of("sigma_w", sigmaW)), new Component("critical", Map.of("sigma_b", SIGMA_B)),
                s.optimizer(), s.batchSize(), s.epochs(), s.seed(), s.evaluation());
        return new RunRecord(r.id(), r.initlab(), spec, r.probeSettings(), r.probes(), r.labels(), r.experiments(), r.result(),
                r.started(), r.finished(), r.machine(), r.data());
    }

    static StudyAggregate study(List<RunRecord> runs) {
        StudyManifest m = Fixtures.manifest("eoc", Map.of("grid", Map.of("initializer", List.of("σ_w 1.0", "σ_w 2.5"),
                "architecture", List.of("2×16", "40×16"))), runs);
        return StudyAggregate.of(new StudyData(Path.of("unused"), m, "", runs));
    }

    @Test
    void accuracyOverSigmaAndDepthBesideTheDepthScales() {
        List<RunRecord> runs = new ArrayList<>();
        // σ_w = 1.0 (ordered, 6ξ_c ≈ 22) and 2.5 (chaotic, 6ξ_c ≈ 32); depth 2 trains, depth 40 does not, except at 2.5 one seed of two
        for (long seed = 0; seed < 2; seed++) {
            runs.add(run(1.0, 2, seed, 0.95));
            runs.add(run(2.5, 2, seed, 0.93));
            runs.add(run(1.0, 40, seed, 0.11));
            runs.add(run(2.5, 40, seed, seed == 0 ? 0.8 : 0.1));
        }
        StudyAggregate agg = study(runs);
        assertTrue(PhaseDiagram.applies(agg));
        List<PhaseDiagram> ds = PhaseDiagram.of(agg);
        assertEquals(1, ds.size());
        PhaseDiagram d = ds.getFirst();
        assertEquals("tanh, σ_b² = 0.05", d.title());
        assertArrayEquals(new double[]{1.0, 2.5}, d.sigmaWs());
        assertArrayEquals(new int[]{2, 40}, d.depths());
        assertEquals(0.95, d.accuracy()[0][0].mean(), 1e-12);
        assertEquals(0.45, d.accuracy()[1][1].mean(), 1e-12);
        assertEquals(2, d.accuracy()[1][1].n());
        DepthScales.Point expected = DepthScales.at(Activations.create("tanh"), 2.5, SIGMA_B);
        assertEquals(expected.xiC(), d.at(1).xiC(), 1e-12);
        assertEquals(DepthScales.criticalSigmaW(Activations.create("tanh"), SIGMA_B), d.criticalSigmaW(), 1e-12);
        assertEquals(PhaseDiagram.CURVE_POINTS, d.curve().size());
        assertEquals(2, d.deepestTrained(0));
        assertEquals(2, d.deepestTrained(1), "0.45 at depth 40 is below the threshold");
        // every cell agrees with depth ≤ 6ξ_c: 2 ≤ 6ξ_c trains, 40 > 6ξ_c fails at both σ_w
        assertArrayEquals(new int[]{4, 4, 0, 0}, d.agreement());
    }

    @Test
    void noDiagramWithoutBothSigmaAndDepthVaried() {
        List<RunRecord> runs = new ArrayList<>();
        runs.add(run(1.0, 2, 0, 0.9));
        runs.add(run(2.5, 2, 0, 0.9));
        assertFalse(PhaseDiagram.applies(study(runs)));
        assertFalse(PhaseDiagram.applies(Fixtures.initializerByActivation()), "no critical weights");
    }
}
