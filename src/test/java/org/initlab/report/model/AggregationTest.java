package org.initlab.report.model;

import org.initlab.report.Fixtures;
import org.initlab.report.stats.Estimate;
import org.initlab.report.stats.PairedTTest;
import org.initlab.report.text.Finding;
import org.initlab.report.text.Findings;
import org.initlab.study.RunRecord;
import org.initlab.study.StudyManifest;
import org.initlab.train.Histogram;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Grouping, summaries, curves, histogram sums, scenarios, rankings and sentences on runs with known numbers. */
class AggregationTest {
    static final double[] HE_RELU = Fixtures.HE_RELU, XAVIER_RELU = Fixtures.XAVIER_RELU, RANDOM = Fixtures.RANDOM;

    static StudyAggregate study() {
        return Fixtures.initializerByActivation();
    }

    @Test
    void configurationsAreRunsWithoutTheSeedInDeclaredOrder() {
        StudyAggregate agg = study();
        assertEquals(6, agg.groups().size());
        List<String> order = agg.groups().stream().map(g -> g.configuration().get("activation") + "/" + g.configuration().get("initializer")).toList();
        // factor order: initializer before activation; levels as declared (xavier, he, random)
        assertEquals(List.of("relu/xavier", "tanh/xavier", "relu/he", "tanh/he", "relu/random", "tanh/random"), order);
        for (RunGroup g : agg.groups()) {
            assertEquals(5, g.seeds());
            assertFalse(g.configuration().labels().containsKey("seed"));
            assertEquals(List.of("0", "1", "2", "3", "4"), List.copyOf(g.bySeed().keySet()));
        }
    }

    @Test
    void configurationsWithoutAFactorThatAnotherExperimentVariesComeAfterThoseWithIt() {
        Map<String, List<String>> levels = new LinkedHashMap<>();
        levels.put("initializer", List.of("xavier", "he"));
        levels.put("momentum", List.of("0", "0.9"));
        StudyDesign design = new StudyDesign(levels, List.of());
        Configuration withMomentum = design.configuration(Map.of("initializer", "he", "momentum", "0.9"));
        Configuration without = design.configuration(Map.of("initializer", "he"));
        assertTrue(design.configurationOrder().compare(withMomentum, without) < 0);
        assertTrue(design.configurationOrder().compare(without, withMomentum) > 0);
        assertEquals(Integer.MAX_VALUE, design.levelIndex("momentum", null));
    }

    @Test
    void summariesAreMeansWithTheirIntervalsOverSeeds() {
        StudyAggregate agg = study();
        RunGroup heRelu = group(agg, "he", "relu");
        ConfigurationSummary s = agg.summary(heRelu);
        Estimate expected = Estimate.of(HE_RELU);
        assertEquals(expected, s.finalTestAccuracy());
        assertEquals(expected, s.finalValidationAccuracy());
        assertEquals(expected, s.bestTestAccuracy(), "the last epoch is the best here");
        assertEquals(5, s.seeds());
        assertEquals(5 * 12.5, s.computeSeconds(), 1e-12);
        // 90% validation accuracy first reached at epoch 2, except seed 4 (0.89 at epoch 2) at epoch 3
        assertEquals(Estimate.of(new double[]{2, 2, 2, 2, 3}), s.epochsTo90().epochs());
        assertEquals(5, s.epochsTo90().reached());
        // 97% only at the last epoch, by every seed
        assertEquals(Estimate.of(new double[]{3, 3, 3, 3, 3}), s.epochsTo97().epochs());
        ConfigurationSummary random = agg.summary(group(agg, "random", "relu"));
        assertEquals(0, random.epochsTo97().reached(), "random never reaches 97%");
        assertTrue(random.epochsTo97().never());
        assertEquals(1, random.divergence().count());
        assertEquals(5, random.divergence().n());
        assertEquals(0, s.divergence().count());
    }

    @Test
    void curvesAverageEachEpochOverTheSeedsThatReachedIt() {
        StudyAggregate agg = study();
        Curve test = Curve.of(Metric.TEST_ACCURACY, group(agg, "random", "relu").runs());
        assertArrayEquals(new double[]{0, 1, 2, 3}, test.epochs());
        assertEquals(5, test.values()[2].n());
        assertEquals(4, test.values()[3].n(), "the diverged seed stopped after epoch 2");
        assertEquals(Estimate.of(new double[]{0.90, 0.89, 0.90, 0.92}), test.values()[3]);
        Curve train = Curve.of(Metric.TRAIN_LOSS, group(agg, "he", "relu").runs());
        assertArrayEquals(new double[]{1, 2, 3}, train.epochs(), "no training loss at initialisation");
        assertTrue(train.perEpoch());
    }

    @Test
    void histogramsOfSeedsAddUpExactly() {
        SplittableRandom rng = new SplittableRandom(3);
        float[] a = new float[5000], b = new float[7000];
        for (int i = 0; i < a.length; i++) a[i] = (float) (0.1 * rng.nextGaussian());
        for (int i = 0; i < b.length; i++) b[i] = (float) (3 * rng.nextGaussian());
        a[17] = Float.NaN;
        b[5] = 5e4f;
        long[] scratch = new long[Histogram.BINS];
        Histogram ha = Histogram.of(a, 0, a.length, scratch), hb = Histogram.of(b, 0, b.length, scratch);
        float[] both = new float[a.length + b.length];
        System.arraycopy(a, 0, both, 0, a.length);
        System.arraycopy(b, 0, both, a.length, b.length);
        Histogram all = Histogram.of(both, 0, both.length, scratch);
        HistogramSum sum = HistogramSum.of(List.of(ha, hb));
        long[] expected = new long[Histogram.BINS];
        System.arraycopy(all.counts(), 0, expected, all.offset(), all.counts().length);
        assertArrayEquals(expected, sum.counts());
        assertEquals(all.overflow(), sum.overflow());
        assertEquals(1, sum.nonFinite());
        assertEquals(both.length, sum.total());
        int[] r = sum.range();
        double[] shares = sum.shares(r[0], r[1]);
        double total = 0;
        for (double s : shares) total += s;
        assertEquals(1 - 2.0 / both.length, total, 1e-12, "all but the overflow and the NaN fall in the range");
    }

    @Test
    void scenariosFixEverythingButTheInitializerAndAreListedOnce() {
        StudyAggregate agg = study();
        assertEquals(2, agg.scenarios().size(), "relu (both experiments) and tanh");
        Scenario relu = agg.scenarios().getFirst();
        assertEquals("initializer", relu.primary());
        assertEquals("relu", relu.fixed().get("activation"));
        assertEquals(List.of("activations", "relu-only"), relu.experiments());
        assertEquals(List.of("xavier", "he", "random"), relu.members().stream().map(relu::level).toList());
        assertEquals("relu", relu.title(agg.design()));
        assertEquals(List.of(relu), agg.scenarios("relu-only"));
    }

    @Test
    void theRankingPairsSeedsAndHolmAdjustsWithinTheScenario() {
        StudyAggregate agg = study();
        Ranking relu = agg.rankings().getFirst();
        assertEquals("he", relu.scenario().level(relu.best().group()));
        assertEquals(List.of("he", "xavier", "random"), relu.order().stream().map(s -> relu.scenario().level(s.group())).toList());
        double[] he = scaled(HE_RELU), xavier = scaled(XAVIER_RELU), random = scaled(RANDOM);
        random[1] = 94; // seed 1 diverged in epoch 2: its network's accuracy then is what counts
        PairedTTest vsXavier = PairedTTest.of(he, xavier), vsRandom = PairedTTest.of(he, random);
        Comparison c = relu.runnerUp();
        assertEquals(vsXavier.p(), c.test().p(), 1e-15);
        assertEquals(0.4, relu.margin(), 1e-9);
        // Holm over the two comparisons: the smaller p times 2, the larger times 1, made monotone
        double small = Math.min(vsXavier.p(), vsRandom.p()), large = Math.max(vsXavier.p(), vsRandom.p());
        double expected = vsXavier.p() == small ? 2 * small : Math.max(2 * small, large);
        assertEquals(expected, c.adjustedP(), 1e-15);
        assertTrue(c.significant());

        Ranking tanh = agg.rankings().get(1);
        assertEquals("xavier", tanh.scenario().level(tanh.best().group()));
        assertFalse(tanh.runnerUp().significant(), "0.02 points with this much noise is not significant");
    }

    @Test
    void sentencesAreComputedFromTheNumbersAndMarkWhatIsNotSignificant() {
        StudyAggregate agg = study();
        List<Finding> fs = Findings.all(agg);
        Finding relu = fs.stream().filter(f -> f.text().startsWith("With relu")).findFirst().orElseThrow();
        assertTrue(relu.text().contains("he (best on validation) beats xavier by 0.40 points"), relu.text());
        assertTrue(relu.text().contains("over 5 seeds"), relu.text());
        assertTrue(relu.significant());
        Finding tanh = fs.stream().filter(f -> f.text().startsWith("With tanh")).findFirst().orElseThrow();
        assertTrue(tanh.text().contains("xavier (best on validation) is ahead of he by 0.02 points"), tanh.text());
        assertTrue(tanh.text().contains("not significant"), tanh.text());
        assertFalse(tanh.significant());
        Finding interaction = fs.stream().filter(f -> f.kind() == Finding.Kind.INTERACTION).findFirst().orElseThrow();
        assertTrue(interaction.text().contains("depends on the activation"), interaction.text());
        Finding diverged = fs.stream().filter(f -> f.kind() == Finding.Kind.DIVERGENCE).findFirst().orElseThrow();
        assertTrue(diverged.text().startsWith("random diverged"), diverged.text());
        assertTrue(diverged.text().contains("in 1 of 5 seeds with relu; 1 of 5 seeds with tanh"), diverged.text());
    }

    /** The best is chosen on validation accuracy and judged on test accuracy, which may disagree. */
    @Test
    void theBestIsChosenOnValidationAndJudgedOnTest() {
        List<RunRecord> runs = new ArrayList<>();
        for (int seed = 0; seed < 4; seed++) {
            // xavier: higher validation accuracy, lower test accuracy than he
            runs.add(Fixtures.run("x" + seed, Fixtures.labels("xavier", "relu", seed), List.of("e"),
                    new double[]{0.1, 0.970 + 0.001 * seed}, new double[]{0.1, 0.960 + 0.001 * seed}, 0));
            runs.add(Fixtures.run("h" + seed, Fixtures.labels("he", "relu", seed), List.of("e"),
                    new double[]{0.1, 0.965 + 0.001 * seed}, new double[]{0.1, 0.968 + 0.0012 * seed}, 0));
        }
        Map<String, Map<String, List<String>>> experiments = new LinkedHashMap<>();
        experiments.put("e", Map.of("initializer", List.of("xavier", "he")));
        StudyAggregate agg = StudyAggregate.of(new StudyData(java.nio.file.Path.of("unused"), Fixtures.manifest("v", experiments, runs), "name: v\n", runs));
        Ranking r = agg.rankings().getFirst();
        assertTrue(r.byValidation());
        assertEquals("xavier", r.scenario().level(r.best().group()), "chosen on validation, not on test");
        assertTrue(r.margin() < 0, "on test the choice does not hold: " + r.margin());
        Finding f = Findings.best(agg.design(), r);
        assertTrue(f.text().contains("xavier is best on validation but not on test: he is ahead by"), f.text());
        assertFalse(f.significant());
    }

    /** The notebook protocol zeroes biases for zero init only: a bias initializer that follows the initializer splits nothing. */
    @Test
    void factorsThatFollowTheInitializerDoNotSplitAScenario() {
        List<RunRecord> runs = new ArrayList<>();
        for (String init : List.of("zero", "xavier", "he")) {
            for (String act : List.of("relu", "tanh")) {
                for (int seed = 0; seed < 2; seed++) {
                    Map<String, String> labels = new LinkedHashMap<>(Fixtures.labels(init, act, seed));
                    labels.put("bias_initializer", init.equals("zero") ? "zeros" : "torch_linear");
                    runs.add(Fixtures.run(init + act + seed, labels, List.of("activations"), new double[]{0.1, 0.9}, new double[]{0.1, 0.9}, 0));
                }
            }
        }
        StudyManifest m = Fixtures.manifest("nb", Map.of("activations", Map.of("initializer", List.of("zero", "xavier", "he"),
                "activation", List.of("relu", "tanh"))), runs);
        StudyAggregate agg = StudyAggregate.of(new StudyData(Path.of("unused"), m, "", runs));
        assertEquals(2, agg.scenarios().size());
        for (Scenario s : agg.scenarios()) {
            assertEquals(List.of("zero", "xavier", "he"), s.members().stream().map(s::level).toList());
            assertFalse(s.fixed().containsKey("bias_initializer"), "not shared by the members");
            assertTrue(s.fixed().containsKey("architecture"));
        }
        assertEquals(List.of("relu", "tanh"), agg.scenarios().stream().map(s -> s.title(agg.design())).toList());
    }

    @Test
    void theFirstVaryingFactorIsPrimaryWhenTheInitializerIsFixed() {
        List<RunRecord> runs = new ArrayList<>();
        for (String act : List.of("relu", "tanh")) {
            for (int seed = 0; seed < 2; seed++) {
                runs.add(Fixtures.run(act + seed, Fixtures.labels("he", act, seed), List.of("acts"), new double[]{0.1, 0.9}, new double[]{0.1, 0.9}, 0));
            }
        }
        StudyManifest m = Fixtures.manifest("acts", Map.of("acts", Map.of("initializer", List.of("he"), "activation", List.of("relu", "tanh"))), runs);
        StudyAggregate agg = StudyAggregate.of(new StudyData(Path.of("unused"), m, "", runs));
        assertEquals("activation", agg.design().experiments().getFirst().primary());
        assertEquals(1, agg.scenarios().size());
        assertEquals(List.of("relu", "tanh"), agg.scenarios().getFirst().members().stream().map(g -> g.configuration().get("activation")).toList());
    }

    private static double[] scaled(double[] v) {
        double[] out = new double[v.length];
        for (int i = 0; i < v.length; i++) out[i] = 100 * v[i];
        return out;
    }

    static RunGroup group(StudyAggregate agg, String init, String act) {
        return agg.groups().stream().filter(g -> g.configuration().get("initializer").equals(init) && g.configuration().get("activation").equals(act))
                .findFirst().orElseThrow();
    }
}
