package org.initlab.report.model;

import org.initlab.report.Fixtures;
import org.initlab.report.stats.Holm;
import org.initlab.report.stats.PairedTTest;
import org.initlab.study.Claim;
import org.initlab.study.RunRecord;
import org.initlab.study.StudyManifest;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Claims tested on runs with known numbers: the pairing, the test, Holm across claims, the verdicts. */
class ClaimResultTest {
    static StudyAggregate withClaims(StudyAggregate agg, List<Claim> claims) {
        StudyManifest m = agg.data().manifest();
        StudyManifest withClaims = new StudyManifest(m.name(), m.description(), m.protocol(), m.data(), m.seeds(), m.experiments(), m.runs(),
                m.fingerprint(), m.initlab(), m.created(), m.commandLine(), claims);
        return StudyAggregate.of(new StudyData(agg.data().dir(), withClaims, agg.data().specText(), agg.data().runs()));
    }

    static Claim better(String b, String t, String activation) {
        return new Claim(b + " beats " + t, "test_accuracy", "initializer", List.of(b), List.of(t), null, null, null,
                activation == null ? Map.of() : Map.of("activation", List.of(activation)));
    }

    @Test
    void comparisonsAndBoundsGetPairedTestsHolmAdjustedTogether() {
        List<Claim> claims = List.of(
                better("he", "xavier", "relu"),
                better("xavier", "he", "tanh"),
                better("xavier", "he", "relu"),
                new Claim("random stays below 95%", "test_accuracy", "initializer", List.of(), List.of(), "random", 0.95, null, Map.of()),
                better("he", "zero", null));
        List<ClaimResult> results = ClaimResult.of(withClaims(Fixtures.initializerByActivation(), claims));
        assertEquals(5, results.size());

        // he vs xavier on relu: one configuration pair, 5 seeds, the per-seed differences of the fixture
        ClaimResult.Part heXavier = results.get(0).parts().getFirst();
        PairedTTest expected = PairedTTest.of(Fixtures.HE_RELU, Fixtures.XAVIER_RELU);
        assertEquals(1, heXavier.configurations());
        assertEquals(5, heXavier.test().pairs());
        assertEquals(expected.difference().mean(), heXavier.test().difference().mean(), 1e-15);
        assertEquals(expected.p(), heXavier.test().p(), 1e-15);
        assertEquals(ClaimResult.Verdict.SUPPORTED, results.get(0).verdict());

        // the same pair the other way round is contradicted; tanh, where the two are within noise, is inconclusive
        assertEquals(ClaimResult.Verdict.CONTRADICTED, results.get(2).verdict());
        assertEquals(ClaimResult.Verdict.INCONCLUSIVE, results.get(1).verdict());

        // random's final test accuracy: seed 1 diverged in epoch 2, and a diverged run has no final accuracy
        // (report.model.Divergence), so the bound is tested over the 4 seeds that completed
        ClaimResult.Part bound = results.get(3).parts().getFirst();
        double[] random = {Fixtures.RANDOM[0], Fixtures.RANDOM[2], Fixtures.RANDOM[3], Fixtures.RANDOM[4]};
        assertEquals(4, bound.test().pairs());
        assertEquals(PairedTTest.of(random, new double[]{0.95, 0.95, 0.95, 0.95}).p(), bound.test().p(), 1e-15);
        assertTrue(bound.test().difference().mean() < 0);
        assertEquals(ClaimResult.Verdict.SUPPORTED, results.get(3).verdict());

        // no zero runs: not evaluable, and it does not count in Holm's m
        ClaimResult.Part zero = results.get(4).parts().getFirst();
        assertEquals(ClaimResult.Verdict.NOT_EVALUABLE, results.get(4).verdict());
        assertEquals("no runs with initializer zero to pair with he", zero.note());
        double[] ps = results.stream().limit(4).mapToDouble(r -> r.parts().getFirst().test().p()).toArray();
        double[] adjusted = Holm.adjust(ps);
        for (int i = 0; i < 4; i++) assertEquals(adjusted[i], results.get(i).parts().getFirst().adjustedP(), 1e-15, "claim " + i);
        assertTrue(Double.isNaN(zero.adjustedP()));
    }

    @Test
    void aClaimOverSeveralConfigurationsAveragesThePairsPerSeed() {
        List<ClaimResult> results = ClaimResult.of(withClaims(Fixtures.initializerByActivation(), List.of(better("he", "xavier", null))));
        ClaimResult.Part p = results.getFirst().parts().getFirst();
        assertEquals(2, p.configurations(), "relu and tanh");
        double[] a = new double[5], b = new double[5];
        for (int s = 0; s < 5; s++) {
            a[s] = (Fixtures.HE_RELU[s] + Fixtures.HE_TANH[s]) / 2;
            b[s] = (Fixtures.XAVIER_RELU[s] + Fixtures.XAVIER_TANH[s]) / 2;
        }
        assertEquals(PairedTTest.of(a, b).p(), p.test().p(), 1e-12);
    }

    /** A factor that changes with the claim's (a bias each initializer brings) does not keep configurations from pairing. */
    @Test
    void followersOfTheClaimFactorArePairedAcross() {
        List<RunRecord> runs = new ArrayList<>();
        double[] he = {0.97, 0.975, 0.972}, zero = {0.11, 0.11, 0.11};
        for (int seed = 0; seed < 3; seed++) {
            for (String init : List.of("he", "zero")) {
                Map<String, String> labels = new LinkedHashMap<>(Fixtures.labels(init, "relu", seed));
                labels.put("bias_initializer", init.equals("zero") ? "zeros" : "torch_linear");
                double a = init.equals("he") ? he[seed] : zero[seed];
                runs.add(Fixtures.run(init + seed, labels, List.of("grid"), new double[]{0.1, a}, new double[]{0.1, a}, 0));
            }
        }
        StudyManifest m = Fixtures.manifest("followers", Map.of("grid", Map.of("initializer", List.of("he", "zero"))), runs);
        StudyAggregate agg = StudyAggregate.of(new StudyData(Path.of("unused"), m, "", runs));
        assertEquals(List.of("bias_initializer"), ClaimResult.followers("initializer", agg.groups()));
        List<ClaimResult> r = ClaimResult.of(withClaims(agg, List.of(better("he", "zero", null))));
        ClaimResult.Part p = r.getFirst().parts().getFirst();
        assertEquals(1, p.configurations());
        assertEquals(PairedTTest.of(he, zero).difference().mean(), p.test().difference().mean(), 1e-12);
        assertEquals(0, ClaimResult.followers("activation", agg.groups()).size(), "one activation: nothing follows it");
    }
}
