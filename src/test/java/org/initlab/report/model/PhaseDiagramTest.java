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
        return Fixtures.criticalRun(sigmaW, SIGMA_B, depth, seed, acc, false);
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

    /** A cell whose every seed diverged is a cell that did not train: judged, not dropped; a cell with one seed of two left stands on it. */
    @Test
    void aCellWhoseEverySeedDivergedCountsAsNotTrained() {
        List<RunRecord> runs = new ArrayList<>();
        for (long seed = 0; seed < 2; seed++) {
            runs.add(Fixtures.criticalRun(1.0, SIGMA_B, 2, seed, 0.95, true));    // within 6ξ_c ≈ 22, every seed diverged
            runs.add(Fixtures.criticalRun(2.5, SIGMA_B, 2, seed, 0.93, seed == 1)); // seed 1 diverged, seed 0 trained
            runs.add(run(1.0, 40, seed, 0.11));
            runs.add(run(2.5, 40, seed, 0.1));
        }
        PhaseDiagram d = PhaseDiagram.of(study(runs)).getFirst();
        assertEquals(2, d.seeds());
        assertTrue(d.accuracy()[0][0].isEmpty());
        assertTrue(d.allDiverged(0, 0));
        assertFalse(d.trained(0, 0));
        assertEquals(1, d.allDivergedCells());
        assertEquals(2, d.runs()[0][1]);
        assertEquals(1, d.diverged()[0][1]);
        assertFalse(d.allDiverged(0, 1));
        assertEquals(1, d.accuracy()[0][1].n(), "the seed that completed, never the diverged one's last record");
        assertEquals(0.93, d.accuracy()[0][1].mean(), 1e-12);
        assertTrue(d.trained(0, 1));
        // 4 cells judged: the diverged one failed within 6ξ_c; the others agree
        assertArrayEquals(new int[]{3, 4, 0, 1}, d.agreement());
        assertEquals(2, d.deepestTrained(1));
        assertEquals(0, d.deepestTrained(0), "nothing trained at σ_w 1.0");
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
