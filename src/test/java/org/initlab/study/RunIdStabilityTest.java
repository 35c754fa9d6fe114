package org.initlab.study;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Run ids name finished runs on disk: a spec that does not declare a class count keeps the ids it
 * had before {@code dataset: {classes: C}} existed; a declared count is part of the run.
 */
class RunIdStabilityTest {
    static final String SPEC = """
            name: ids
            dataset: {name: mnist, validation: 10000}
            seeds: 2
            factors:
              activation: [relu, tanh]
            settings:
              optimizer: {name: adam, lr: 0.001}
              epochs: 3
            """;

    /**
     * Computed by the code before the class count was added, once probe settings had left the run
     * id (the merge of the probe refactor; at commit 1ed4740, with probes hashed, they were
     * 0a2486760c63, 151f74e0efbe, 701084fbdab9, 973c41d32cbf).
     */
    static final List<String> IDS_BEFORE = List.of("4202692585b8", "726dbbaa609b", "ecf7ccd750af", "501814230dad");

    @Test
    void idsOfSpecsWithoutAClassCountDoNotChange() {
        List<PlannedRun> runs = Grid.expand(StudySpecParserTest.parse(SPEC));
        assertEquals(IDS_BEFORE, runs.stream().map(PlannedRun::id).toList());
        assertNull(runs.getFirst().spec().classes());
        assertFalse(runs.getFirst().spec().canonicalJson().contains("classes"));
    }

    @Test
    void aDeclaredClassCountReachesTheRunAndItsId() {
        String path = SPEC.replace("{name: mnist, validation: 10000}", "{name: /data/digits, validation: 10000}");
        StudySpec s = StudySpecParserTest.parse(path.replace("validation: 10000}", "validation: 10000, classes: 12}"));
        assertEquals(12, s.data().classes());
        PlannedRun r = Grid.expand(s).getFirst();
        assertEquals(12, r.spec().classes());
        assertEquals(12, r.spec().dataChoice().classes());
        assertTrue(r.spec().canonicalJson().contains("\"classes\":12"), r.spec().canonicalJson());
        assertNotEquals(Grid.expand(StudySpecParserTest.parse(path)).getFirst().id(), r.id());
    }

    /** A catalogue dataset's own class count, declared, changes nothing: the same runs under the same ids. */
    @Test
    void aCatalogueDatasetsOwnCountIsTheSameRun() {
        StudySpec s = StudySpecParserTest.parse(SPEC.replace("validation: 10000}", "validation: 10000, classes: 10}"));
        assertNull(s.data().classes());
        assertEquals(IDS_BEFORE, Grid.expand(s).stream().map(PlannedRun::id).toList());
    }

    @Test
    void theClassCountIsChecked() {
        assertTrue(StudySpecParserTest.error("name: x\ndataset: {name: '/data/x', classes: 1}\n")
                .contains("dataset.classes: must be between 2 and 65536, got 1"));
        assertTrue(StudySpecParserTest.error("name: x\ndataset: {name: '/data/x', classes: 2.5}\n")
                .contains("dataset.classes: must be a whole number"));
        assertEquals("spec.yaml: dataset.classes: mnist has 10 classes, not 12 (leave classes out for a catalogue dataset)",
                StudySpecParserTest.error("name: x\ndataset: {name: mnist, classes: 12}\n"));
        assertNull(StudySpecParserTest.parse("name: x\n").data().classes());
    }
}
