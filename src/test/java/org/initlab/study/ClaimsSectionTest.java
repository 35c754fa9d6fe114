package org.initlab.study;

import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.initlab.study.StudySpecParserTest.error;
import static org.initlab.study.StudySpecParserTest.parse;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ClaimsSectionTest {
    static final String GRID = """
            name: c
            factors:
              initializer: [{name: xavier_uniform, label: xavier}, {name: kaiming_uniform, label: he}, {name: zeros, label: zero}]
              activation: [relu, tanh]
            """;

    @Test
    void claimsAreReadWithTheirFactorMetricAndRestriction() {
        StudySpec s = parse(GRID + """
                claims:
                  - {text: "Xavier suits tanh", better: xavier, than: he, where: {activation: tanh}}
                  - {text: "He beats both", better: he, than: [xavier, zero], metric: dead_fraction}
                  - {text: "Zero fails", level: zero, at_most: 0.2, where: {Activation: [relu, tanh]}}
                """);
        assertEquals(3, s.claims().size());
        Claim a = s.claims().get(0);
        assertEquals(new Claim("Xavier suits tanh", "test_accuracy", "initializer", List.of("xavier"), List.of("he"), null, null, null,
                Map.of("activation", List.of("tanh"))), a);
        assertTrue(a.comparesLevels());
        assertEquals(List.of("xavier", "zero"), s.claims().get(1).than());
        assertEquals("dead_fraction", s.claims().get(1).metric());
        Claim bound = s.claims().get(2);
        assertEquals("zero", bound.level());
        assertEquals(0.2, bound.atMost());
        assertNull(bound.atLeast());
        assertEquals(Map.of("activation", List.of("relu", "tanh")), bound.where());
    }

    @Test
    void noClaimsIsAnEmptyList() {
        assertEquals(List.of(), parse(GRID).claims());
    }

    @Test
    void everyMistakeIsOneLineWithItsPath() {
        assertTrue(error(GRID + "claims: {text: x}\n").contains("claims: a list of claims"));
        assertTrue(error(GRID + "claims:\n  - {better: xavier, than: he}\n").contains("claims[0].text: say what the claim is"));
        String m = error(GRID + "claims:\n  - {text: t, better: xavierr, than: he}\n");
        assertTrue(m.contains("claims[0].better:") && m.contains("xavierr") && m.contains("xavier"), m);
        m = error(GRID + "claims:\n  - {text: t, better: xavier, than: relu}\n");
        assertTrue(m.contains("belong to different factors"), m);
        m = error(GRID + "claims:\n  - {text: t, better: xavier, than: he, where: {activatoin: tanh}}\n");
        assertTrue(m.contains("claims[0].where.activatoin:") && m.contains("activation"), m);
        m = error(GRID + "claims:\n  - {text: t, better: xavier, than: he, where: {activation: [relu, tahn]}}\n");
        assertTrue(m.contains("claims[0].where.activation[1]:") && m.contains("tanh"), m);
        m = error(GRID + "claims:\n  - {text: t, better: xavier, than: he, where: {initializer: he}}\n");
        assertTrue(m.contains("'where' restricts the other factors"), m);
        m = error(GRID + "claims:\n  - {text: t, better: xavier, than: he, metric: accuracy}\n");
        assertTrue(m.contains("claims[0].metric:") && m.contains("test_accuracy"), m);
        m = error(GRID + "claims:\n  - {text: t, better: xavier}\n");
        assertTrue(m.contains("needs both better: and than:"), m);
        m = error(GRID + "claims:\n  - {text: t, level: zero}\n");
        assertTrue(m.contains("at_most: <number> or at_least"), m);
        m = error(GRID + "claims:\n  - {text: t, better: he, than: he}\n");
        assertTrue(m.contains("both better and worse"), m);
        m = error(GRID + "claims:\n  - {text: t, better: he, than: xavier, level: zero, at_most: 1}\n");
        assertTrue(m.contains("not both"), m);
        m = error(GRID + "claims:\n  - {text: t, better: he, than: xavier, becuase: x}\n");
        assertTrue(m.contains("claims[0].becuase"), m);
    }

    /** The built-in seed study states the original study's conclusions; every one names levels the study has. */
    @Test
    void theSeedStudyCarriesTheOriginalConclusions() {
        StudySpec seed = StudySpecParser.parse(BuiltInStudies.source("seed"), "seed", StudySpecParser.Overrides.NONE);
        assertEquals(8, seed.claims().size());
        assertTrue(seed.claims().stream().anyMatch(c -> c.metric().equals("gradient_flow")));
        assertTrue(seed.claims().stream().anyMatch(c -> c.metric().equals("dead_fraction")));
        // one experiment alone still reads: claims about the others are judged not evaluable by the report
        assertEquals(8, StudySpecParser.parse(BuiltInStudies.source("seed-activations"), "seed-activations",
                StudySpecParser.Overrides.NONE).claims().size());
        assertEquals(8, StudySpecParser.parse(BuiltInStudies.source("seed"), "seed", new StudySpecParser.Overrides("notebook", null, null))
                .claims().size());
    }

    /** Claims reach study.json, where the report reads them. */
    @Test
    void claimsAreKeptInTheManifest() throws Exception {
        StudySpec s = parse(GRID + "seeds: 1\nclaims:\n  - {text: \"Xavier suits tanh\", better: xavier, than: he, where: {activation: tanh}}\n");
        Path dir = Files.createTempDirectory("claims");
        StudyStore store = new StudyStore(dir);
        store.prepare(s, Grid.expand(s), false);
        assertEquals(s.claims(), store.readManifest().claims());
        assertTrue(Files.readString(dir.resolve(StudyStore.MANIFEST)).contains("\"better\""));
    }
}
