package org.initlab.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.initlab.report.figures.ExplorerData;
import org.initlab.report.figures.FigureInput;
import org.initlab.report.figures.Interactions;
import org.initlab.report.figures.SeriesColours;
import org.initlab.report.model.ConfigurationSummary;
import org.initlab.report.model.Curve;
import org.initlab.report.model.Divergence;
import org.initlab.report.model.LayerView;
import org.initlab.report.model.Metric;
import org.initlab.report.model.Ranking;
import org.initlab.report.model.RunGroup;
import org.initlab.report.model.StudyAggregate;
import org.initlab.report.model.StudyData;
import org.initlab.report.model.TheoryView;
import org.initlab.report.model.ClaimResult;
import org.initlab.report.plot.Figure;
import org.initlab.report.plot.HeatmapPanel;
import org.initlab.report.stats.Estimate;
import org.initlab.report.text.Finding;
import org.initlab.report.text.Findings;
import org.initlab.study.Claim;
import org.initlab.study.RunRecord;
import org.initlab.study.StudyManifest;
import org.initlab.study.StudyStore;
import org.initlab.train.EpochRecord;
import org.initlab.train.NamedValues;
import org.initlab.train.RunResult;
import org.initlab.train.probe.GradientNorms;
import org.initlab.train.probe.MeanFieldTheory;
import org.initlab.train.probe.Output;
import org.initlab.train.probe.Probes;
import org.initlab.train.probe.WeightStatistics;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A study with diverged seeds: every aggregate states the n it stands on, and no value a run
 * recorded after it diverged (the partial epoch's train loss, its evaluations of the broken
 * network, its layers' statistics, the "final" metrics) appears anywhere — figures, tables, JSON,
 * summaries, findings, {@code show}. The rule: {@link Divergence}.
 *
 * <p>he and random × relu and tanh × seeds 0–2, three epochs. random/relu seed 1 diverges in epoch
 * 2; random/tanh diverges in every seed: seed 0 in epoch 1, seeds 1 and 2 in epoch 2. Each
 * diverged run's last record holds the fixtures' poison values ({@link Fixtures#diverged}).
 */
class DivergedRunsTest {
    static final double[] VAL = {0.10, 0.85, 0.93, 0.96}, TEST = {0.10, 0.86, 0.94, 0.965};

    static List<RunRecord> runs() {
        List<RunRecord> runs = new ArrayList<>();
        for (String init : List.of("he", "random")) {
            for (String act : List.of("relu", "tanh")) {
                for (int seed = 0; seed < 3; seed++) {
                    int diverge = !init.equals("random") ? 0 : act.equals("relu") ? (seed == 1 ? 2 : 0) : (seed == 0 ? 1 : 2);
                    double shift = (init.equals("he") ? 0.01 : 0) + 0.002 * seed;
                    double[] val = VAL.clone(), test = TEST.clone();
                    for (int e = 1; e < val.length; e++) {
                        val[e] += shift;
                        test[e] += shift;
                    }
                    runs.add(Fixtures.run(init + act + seed, Fixtures.labels(init, act, seed), List.of("grid"), val, test, diverge));
                }
            }
        }
        return runs;
    }

    static StudyManifest manifest(List<RunRecord> runs) {
        Map<String, Map<String, List<String>>> exps = new LinkedHashMap<>();
        exps.put("grid", Map.of("initializer", List.of("he", "random"), "activation", List.of("relu", "tanh")));
        return Fixtures.manifest("diverging", exps, runs);
    }

    static StudyAggregate study() {
        List<RunRecord> runs = runs();
        return StudyAggregate.of(new StudyData(Path.of("unused"), manifest(runs), "name: diverging\n", runs));
    }

    static RunGroup group(StudyAggregate agg, String init, String act) {
        return agg.groups().stream().filter(g -> g.configuration().get("initializer").equals(init) && g.configuration().get("activation").equals(act))
                .findFirst().orElseThrow();
    }

    @Test
    void aDivergedRunKeepsItsEpochsBeforeAndOnlyTheMinibatchLossesBeforeTheDivergentStep() {
        RunRecord raw = runs().stream().filter(r -> r.id().equals("randomrelu1")).findFirst().orElseThrow();
        assertEquals(Fixtures.POISON_ACCURACY, raw.result().finalMetrics().testAccuracy(), "the fixture records what the trainer does");
        RunRecord valid = Divergence.validPart(raw);
        assertEquals(List.of(0, 1, 2), valid.result().epochs().stream().map(EpochRecord::epoch).toList());
        EpochRecord partial = valid.result().epochs().getLast();
        for (Metric m : Metric.values()) assertTrue(Double.isNaN(m.of(partial)), m + " of the epoch it diverged in");
        assertTrue(partial.layers().stream().allMatch(l -> l.values().isEmpty()), "no layer value of the broken network");
        assertEquals(List.of("dense1", "dense2", "dense3"), partial.layers().stream().map(l -> l.layer()).toList(), "layers keep their names");
        assertEquals(List.of(Fixtures.PRE_DIVERGENCE_LOSS), java.util.Arrays.stream(partial.values().numbers("minibatch_loss").values()).boxed().toList(),
                "the loss recorded before the divergent step is kept, the NaN at it is not");
        assertNull(valid.result().finalMetrics().testAccuracy());
        assertNull(valid.result().finalMetrics().validationAccuracy());
        assertEquals(valid, Divergence.validPart(valid), "applying the rule twice changes nothing");
        Divergence d = Divergence.of(valid.result());
        assertEquals(2, d.epoch());
        assertEquals(107, d.step());
        assertEquals("in epoch 2 at step 107", d.where());
    }

    /**
     * random/tanh seed 0 diverges in epoch 1 at step 7: what was measured at initialisation and at
     * step 1 was measured before it and stays; what summarises epoch 1 (its end, its mean) does not.
     */
    @Test
    void aRunThatDivergedAfterItsFirstStepKeepsWhatWasMeasuredAtInitialisationAndAtTheFirstStep() {
        RunRecord raw = runs().stream().filter(r -> r.id().equals("randomtanh0")).findFirst().orElseThrow();
        RunRecord valid = Divergence.validPart(raw);
        assertEquals(1, Divergence.of(valid.result()).epoch());
        assertEquals(Fixtures.DIVERGED_STEP, Divergence.of(valid.result()).step());
        assertEquals(raw.result().epochs().getFirst(), valid.result().epochs().getFirst(), "every value at initialisation");
        EpochRecord recorded = raw.result().epochs().get(1), kept = valid.result().epochs().get(1);
        for (Metric m : Metric.values()) assertTrue(Double.isNaN(m.of(kept)), m + " of the epoch it diverged in");
        Set<String> firstStep = new HashSet<>();
        for (Output<?> o : Probes.outputs()) if (o.measured() == Output.Measured.FIRST_STEP) firstStep.add(o.name());
        for (int l = 0; l < recorded.layers().size(); l++) {
            NamedValues before = recorded.layers().get(l).values(), after = kept.layers().get(l).values();
            assertTrue(before.has(WeightStatistics.WEIGHT_HISTOGRAM.name()) && before.has(GradientNorms.MEAN.name()), "the fixture records the epoch's end");
            assertEquals(Set.of(GradientNorms.FIRST_STEP.name(), MeanFieldTheory.MEASURED_BACKWARD.name()), after.names(),
                    "layer " + l + ": the first step's values, and nothing that summarises the epoch");
            for (String name : after.names()) assertEquals(before.get(name), after.get(name), name);
            assertEquals(before.only(firstStep), after, "every first-step value it recorded");
        }
        assertEquals(Fixtures.FIRST_STEP_NORMS[0], kept.layers().getFirst().values().number(GradientNorms.FIRST_STEP.name()));
        assertEquals(Fixtures.firstStepRatio("random", 0), kept.values().number(MeanFieldTheory.MEASURED_RATIO.name()));
        assertEquals(List.of(Fixtures.PRE_DIVERGENCE_LOSS), java.util.Arrays.stream(kept.values().numbers("minibatch_loss").values()).boxed().toList());
        assertEquals(Set.of("minibatch_loss", "minibatch_loss_step", MeanFieldTheory.MEASURED_RATIO.name()), kept.values().names());
        assertEquals(valid, Divergence.validPart(valid), "applying the rule twice changes nothing");

        // found broken at step 1 (its weights, after the first update): nothing of step 1 was measured before it
        RunResult r = raw.result();
        RunRecord atFirst = withResult(raw, new RunResult(r.status(), 1, "the weights became non-finite during epoch 1", 1, r.epochs(),
                r.finalMetrics(), r.timing()));
        EpochRecord none = Divergence.validPart(atFirst).result().epochs().get(1);
        assertTrue(none.layers().stream().allMatch(l -> l.values().isEmpty()), "no first-step value when it diverged at step 1");
        assertNull(none.values().number(MeanFieldTheory.MEASURED_RATIO.name()));
    }

    /**
     * The theory table, the first-step gradients and the claims on gradient flow count every seed
     * that got past its first step, also those that diverged later in epoch 1; values summarising
     * the epoch a run diverged in count none of its seeds.
     */
    @Test
    void firstStepValuesCountEverySeedThatTookItInTablesFiguresAndClaims() {
        List<RunRecord> runs = runs();
        StudyManifest m = manifest(runs);
        List<Claim> claims = List.of(
                new Claim("He keeps gradients flowing with tanh", "gradient_flow", "initializer", List.of("he"), List.of("random"), null, null, null,
                        Map.of("activation", List.of("tanh"))),
                new Claim("random has few dead units with relu", "dead_fraction", "initializer", List.of(), List.of(), "random", 0.5, null,
                        Map.of("activation", List.of("relu"))));
        StudyManifest withClaims = new StudyManifest(m.name(), m.description(), m.protocol(), m.data(), m.seeds(), m.experiments(), m.runs(),
                m.fingerprint(), m.initlab(), m.created(), m.commandLine(), claims);
        StudyAggregate agg = StudyAggregate.of(new StudyData(Path.of("unused"), withClaims, "name: diverging\n", runs));
        RunGroup tanh = group(agg, "random", "tanh");

        LayerView lv = new LayerView(tanh);
        Estimate first = lv.gradient(0, 1, LayerView.Gradient.FIRST_STEP_NORM);
        assertEquals(3, first.n(), "seed 0 took its first step before it diverged at step 7");
        assertEquals(Fixtures.FIRST_STEP_NORMS[0], first.mean(), 1e-12);
        assertEquals(3, lv.gradientCurve(0, LayerView.Gradient.FIRST_STEP_NORM).values()[0].n());
        assertEquals(2, lv.gradient(0, 1, LayerView.Gradient.MEAN_NORM).n(), "epoch 1's mean gradient norm: not of the seed that diverged in it");

        TheoryView theory = new TheoryView(tanh);
        Estimate ratio = theory.measured(TheoryView.RunQuantity.GRAD_NORM_RATIO);
        assertEquals(3, ratio.n());
        assertEquals(Estimate.of(new double[]{Fixtures.firstStepRatio("random", 0), Fixtures.firstStepRatio("random", 1),
                Fixtures.firstStepRatio("random", 2)}), ratio);
        assertEquals(3, theory.measured(0, TheoryView.Quantity.BACKWARD_SQUARE).n());

        List<ClaimResult> results = ClaimResult.of(agg);
        ClaimResult.Part flow = results.getFirst().parts().getFirst();
        assertEquals(3, flow.test().pairs(), "every seed of random/tanh, the one that diverged in epoch 1 too");
        assertEquals(ClaimResult.Verdict.SUPPORTED, results.getFirst().verdict(), flow.toString());
        // the dead fraction after the last epoch: relu seed 1's (the fixture's poison 1.23%, at the end of the epoch it diverged in) is not one
        assertEquals(2, results.get(1).parts().getFirst().test().pairs());
    }

    private static RunRecord withResult(RunRecord r, RunResult result) {
        return new RunRecord(r.id(), r.initlab(), r.spec(), r.probeSettings(), r.probes(), r.labels(), r.experiments(), result,
                r.started(), r.finished(), r.machine(), r.data());
    }

    @Test
    void everyAggregateSaysHowManySeedsItStandsOn() {
        StudyAggregate agg = study();
        RunGroup he = group(agg, "he", "relu"), relu = group(agg, "random", "relu"), tanh = group(agg, "random", "tanh");

        // the summary table: finals over the seeds that completed; the diverged counted apart
        ConfigurationSummary s = agg.summary(relu);
        for (Estimate e : List.of(s.finalTestAccuracy(), s.bestTestAccuracy(), s.finalValidationAccuracy(), s.finalTrainLoss(),
                s.finalValidationLoss(), s.finalTestLoss())) {
            assertEquals(2, e.n(), e.toString());
        }
        assertEquals(Estimate.of(new double[]{TEST[3], TEST[3] + 0.004}), s.finalTestAccuracy(), "seeds 0 and 2, never seed 1's last record");
        assertEquals(2, s.epochsTo90().seeds());
        assertEquals(1, s.divergence().count());
        assertEquals(3, s.divergence().n());
        ConfigurationSummary none = agg.summary(tanh);
        assertTrue(none.finalTestAccuracy().isEmpty() && none.finalTrainLoss().isEmpty() && none.bestTestAccuracy().isEmpty());
        assertEquals(0, none.epochsTo90().seeds());
        assertEquals(3, none.divergence().count());
        assertEquals(3, agg.summary(he).finalTestAccuracy().n());

        // curves: each epoch over the seeds that reached it whole
        assertEquals(List.of(3, 3, 2, 2), ns(Curve.of(Metric.TEST_ACCURACY, relu.runs())));
        assertEquals(List.of(3, 2, 2), ns(Curve.of(Metric.TRAIN_LOSS, relu.runs())));
        assertEquals(List.of(3, 2, 2), ns(Curve.geometric(Metric.TRAIN_LOSS, relu.runs())));
        Curve tanhTest = Curve.of(Metric.TEST_ACCURACY, tanh.runs());
        assertEquals(List.of(0.0, 1.0), java.util.Arrays.stream(tanhTest.epochs()).boxed().toList(), "nothing at or after epoch 2");
        assertEquals(List.of(3, 2), ns(tanhTest));
        assertEquals(List.of(2), ns(Curve.of(Metric.TRAIN_LOSS, tanh.runs())));

        // layers: at initialisation every seed, after training only those that completed, per epoch those that reached it
        LayerView lv = new LayerView(relu);
        assertEquals(2, lv.completed());
        long perSeed = new LayerView(he).histogram(0, LayerView.Kind.WEIGHTS, false).total() / 3;
        assertEquals(3 * perSeed, lv.histogram(0, LayerView.Kind.WEIGHTS, false).total());
        assertEquals(2 * perSeed, lv.histogram(0, LayerView.Kind.WEIGHTS, true).total(), "after training: 2 seeds, not the broken one");
        assertEquals(2, lv.weightStd(0, true).n());
        assertEquals(3, lv.weightStd(0, false).n());
        assertEquals(List.of(3, 2, 2), ns(lv.gradientCurve(0, LayerView.Gradient.MEAN_NORM)));
        assertEquals(0, new LayerView(tanh).histogram(0, LayerView.Kind.WEIGHTS, true).total());
        assertEquals(2, lv.gradient(0, 3, LayerView.Gradient.MEAN_NORM).n());

        // rankings: the member with a diverged seed after the one without, paired over the seeds both completed
        Ranking r = agg.rankings().getFirst();
        assertEquals("he", r.scenario().level(r.best().group()));
        assertEquals(1, r.order().get(1).divergence().count());
        assertEquals(2, r.order().get(1).accuracy().n());
        assertEquals(2, r.runnerUp().test().pairs());
        Ranking t = agg.rankings().get(1);
        assertFalse(t.order().get(1).completed());
        assertEquals(0, t.runnerUp().test().pairs());
        assertFalse(t.runnerUp().tested());

        // findings: the divergences counted with their interval and where; no claim from a configuration without finals
        List<Finding> fs = Findings.all(agg);
        Finding div = fs.stream().filter(f -> f.kind() == Finding.Kind.DIVERGENCE).findFirst().orElseThrow();
        assertTrue(div.text().contains("with relu in 1 of 3 seeds (95% Wilson CI 6–79%), in epoch 2 at step 107 (seed 1)"), div.text());
        assertTrue(div.text().contains("with tanh in 3 of 3 seeds (95% Wilson CI 44–100%), in epoch 1 at step 7 (seed 0), in epoch 2 at step 107 (seeds 1, 2)"), div.text());
        Finding reluBest = fs.stream().filter(f -> f.text().startsWith("With relu")).findFirst().orElseThrow();
        assertTrue(reluBest.text().contains("random diverged in 1 of 3 seeds, its mean is over the other 2"), reluBest.text());
        assertTrue(reluBest.text().contains("paired t-test over 2 seeds"), reluBest.text());
        Finding tanhBest = fs.stream().filter(f -> f.text().startsWith("With tanh")).findFirst().orElseThrow();
        assertTrue(tanhBest.text().contains("the others diverged in every seed"), tanhBest.text());
        assertFalse(tanhBest.tested());
    }

    @Test
    void theHeatmapAndTheExplorerDataCarryN() throws IOException {
        StudyAggregate agg = study();
        FigureInput in = new FigureInput(agg, new SeriesColours(agg.design()), 12);
        HeatmapPanel map = (HeatmapPanel) new Interactions().figures(in).getFirst().cells().getFirst().panel();
        int random = map.rowLabels().indexOf("random"), relu = map.columnLabels().indexOf("relu"), tanh = map.columnLabels().indexOf("tanh");
        assertTrue(map.tips()[random][relu].contains("test accuracy (2 of 3 seeds; 1 diverged; 95% CI)"), map.tips()[random][relu]);
        assertTrue(map.texts()[random][relu].endsWith("\nn = 2"), map.texts()[random][relu]);
        assertEquals("diverged", map.texts()[random][tanh]);
        assertTrue(map.tips()[random][tanh].contains("every seed diverged (3)"), map.tips()[random][tanh]);

        JsonNode data = new ObjectMapper().readTree(ExplorerData.of(in, ExplorerData.BUDGET).json());
        JsonNode member = null;
        for (JsonNode sc : data.get("scenarios")) for (JsonNode m : sc.get("members")) if (sc.get("title").asText().endsWith("relu") && m.get("level").asText().equals("random")) member = m;
        assertNotNull(member);
        assertEquals("[3,3,2,2]", member.get("curves").get("accuracy").get("n").toString());
        assertEquals("[3,2,2]", member.get("curves").get("train_loss").get("n").toString());
        assertEquals(1, member.get("divergences").size());
        JsonNode d = member.get("divergences").get(0);
        assertEquals("1", d.get("seed").asText());
        assertEquals(2, d.get("epoch").asInt());
        assertEquals(1.07, d.get("progress").asDouble(), 1e-12, "step 107 at 100 steps per epoch");
        JsonNode seed1 = member.get("curves").get("accuracy").get("seeds").get(1);
        assertTrue(seed1.get(2).isNull() && seed1.get(3).isNull(), "seed 1 has no accuracy from epoch 2: " + seed1);
        JsonNode steps = member.get("steps").get("seeds").get(1).get("y");
        assertEquals(Fixtures.PRE_DIVERGENCE_LOSS, steps.get(steps.size() - 1).asDouble(), "its last minibatch loss is the one before the divergent step");
    }

    /** Every file of the report, and 'show', searched for the values a diverged run recorded after it diverged. */
    @Test
    void noValueAfterADivergenceAppearsAnywhere(@TempDir Path tmp) throws IOException {
        List<RunRecord> runs = runs();
        Path dir = Fixtures.write(tmp.resolve("s"), manifest(runs), runs, "name: diverging\n");
        ReportWriter.write(dir, new ReportWriter.Options(dir, false, 12));
        List<Path> files = new ArrayList<>(List.of(dir.resolve("report.html"), dir.resolve("summary.csv"), dir.resolve("summary.md")));
        try (Stream<Path> f = Files.list(dir.resolve("figures"))) {
            f.forEach(files::add);
        }
        assertTrue(files.size() > 8);
        ByteArrayOutputStream shown = new ByteArrayOutputStream();
        PrintStream out = System.out;
        try {
            System.setOut(new PrintStream(shown, true, StandardCharsets.UTF_8));
            String diverged = runs.stream().filter(r -> r.id().equals("randomrelu1")).findFirst().orElseThrow().spec().id();
            assertEquals(0, org.initlab.cli.Main.run("show", dir.resolve("runs").resolve(diverged).toString()));
        } finally {
            System.setOut(out);
        }
        String show = shown.toString(StandardCharsets.UTF_8);
        assertTrue(show.contains("diverged in epoch 2 at step 107"), show);
        assertTrue(show.contains("final: none"), show);
        Map<Path, String> texts = new LinkedHashMap<>();
        for (Path f : files) texts.put(f, Files.readString(f));
        texts.put(Path.of("show"), show);
        // the poison values in every notation a report uses: percent, fraction, scientific (ours and Java's), and 4 significant digits
        List<String> poison = List.of("1.23%", "0.0123", "1.230%", "6.89e19", "6.89E19", "6.890e19", "6.890E19", "6.89e+19", "4.5e12", "4.50e12",
                "4.5E12", "4.500e12", "4.500E12", "4.50E12");
        for (Map.Entry<Path, String> t : texts.entrySet()) {
            for (String p : poison) {
                // as a number of its own: not inside a longer one (0.01237 is a histogram share, not 0.0123)
                java.util.regex.Matcher m = java.util.regex.Pattern.compile("(?<![0-9.])" + java.util.regex.Pattern.quote(p) + "(?![0-9])").matcher(t.getValue());
                int at = m.find() ? m.start() : -1;
                assertFalse(at >= 0, t.getKey().getFileName() + " shows " + p + (at < 0 ? "" : ": …" + t.getValue().substring(Math.max(0, at - 120), Math.min(t.getValue().length(), at + 60)) + "…"));
            }
        }
        // and the n where it changes: the summary's random/relu row stands on 2 of 3 seeds, the diverged counted apart
        String md = texts.get(dir.resolve("summary.md"));
        String row = md.lines().filter(l -> l.startsWith("| random | relu")).findFirst().orElseThrow();
        assertTrue(row.contains("(2 of 3 seeds)") && row.contains("| 1 of 3 (6–79%) |"), row);
        String csv = texts.get(dir.resolve("summary.csv"));
        List<String> header = List.of(csv.lines().findFirst().orElseThrow().split(",", -1));
        String[] values = csv.lines().filter(l -> l.startsWith("random,relu")).findFirst().orElseThrow().split(",", -1);
        for (String col : List.of("final_test_accuracy_n", "best_test_accuracy_n", "final_validation_accuracy_n", "final_train_loss_n",
                "final_validation_loss_n", "final_test_loss_n")) {
            assertEquals("2", values[header.indexOf(col)], col);
        }
        assertEquals("2", values[header.indexOf("epochs_to_90_followed")]);
        assertEquals("1", values[header.indexOf("diverged")]);
        String html = texts.get(dir.resolve("report.html"));
        assertTrue(html.contains("n = 2"), "the curves mark where n drops");
        // the explorer's histograms: the broken network's weights (4.5e12) would widen their bins far beyond the valid ones'
        String json = html.substring(html.indexOf("<script type=\"application/json\" id=\"explorer-data\">"));
        json = json.substring(json.indexOf('>') + 1, json.indexOf("</script>"));
        double widest = 0;
        for (JsonNode edges : new ObjectMapper().readTree(json).findValues("edges")) for (JsonNode v : edges) widest = Math.max(widest, Math.abs(v.asDouble()));
        assertTrue(widest > 0 && widest < 1e3, "histogram edges reach " + widest);
    }

    /**
     * The edge-of-chaos section: a cell whose every seed diverged is labelled and judged as not
     * trained, one with a seed left says n, and nothing of the diverged runs' last records shows
     * ({@link Fixtures#phaseGridWithDivergedCells}).
     */
    @Test
    void thePhaseDiagramMarksDivergedCellsAndCountsThem(@TempDir Path tmp) throws IOException {
        List<RunRecord> runs = Fixtures.phaseGridWithDivergedCells();
        Map<String, Map<String, List<String>>> exps = Map.of("grid", Map.of("initializer", List.of("σ_w 1.0", "σ_w 2.5"), "architecture", List.of("2×16", "40×16")));
        Path dir = Fixtures.write(tmp.resolve("s"), Fixtures.manifest("eoc", exps, runs), runs, "name: eoc\n");
        ReportWriter.write(dir, new ReportWriter.Options(dir, false, 12));
        String html = Files.readString(dir.resolve("report.html"));
        String section = html.substring(html.indexOf("<section id=\"edge-of-chaos\">"));
        section = section.substring(0, section.indexOf("</section>"));
        assertTrue(section.contains("sorts 3 of 4 cells (75%) the way they came out: 0 trained deeper than 6ξ_c, 1 failed within it; "
                + "1 cell where every seed diverged counts as not trained."), section);
        assertTrue(section.contains(">diverged</text>") && section.contains(">n=1</text>"), "the figure marks both cells");
        assertTrue(section.contains("every seed diverged (2): not trained"), "its hover text says so");
        assertTrue(section.contains("93.00% (1 of 2 seeds; 1 diverged)"), "the cell with a seed left says on how many it stands");
        String svg;
        try (Stream<Path> f = Files.list(dir.resolve("figures"))) {
            svg = Files.readString(f.filter(p -> p.getFileName().toString().startsWith("phase-1") && p.toString().endsWith(".svg")).findFirst().orElseThrow());
        }
        assertTrue(svg.contains(">✕</text>"), "the SVG file too");
        for (String poison : List.of("1.23%", ">1</text>")) assertFalse(section.contains(poison) || svg.contains(poison), poison);
    }

    /** A run the trainer really diverges: what it records of the partial epoch is as {@link Divergence} assumes, and the report drops it. */
    @Test
    void aRealDivergedRunIsReadByTheRule(@TempDir Path tmp) {
        // the seed study's random init in its 6-hidden net, which diverges within its first steps on MNIST
        String factors = "factors:\n  initializer: [{name: xavier_uniform, label: xavier}, {name: normal, mean: 0, std: 1, label: huge}]\n"
                + "  architecture: [{hidden: [512, 256, 128, 64, 32, 16], label: 6 hidden}]\n";
        Path dir = SmallStudy.run(tmp.resolve("s"), SmallStudy.spec("huge", "diverges", factors, 2, 2));
        List<RunRecord> raw = new StudyStore(dir).readResults(new StudyStore(dir).readManifest());
        RunRecord broken = raw.stream().filter(r -> r.labels().get("initializer").equals("huge")).findFirst().orElseThrow();
        assertTrue(broken.result().diverged(), "N(0, 1) weights in six layers overflow within the first steps");
        int e = broken.result().divergedEpoch();
        EpochRecord partial = broken.result().epochs().stream().filter(x -> x.epoch() == e).findFirst().orElseThrow();
        assertNotNull(partial.testAccuracy(), "the trainer evaluates the broken network");
        assertNotNull(broken.result().finalMetrics().testAccuracy(), "and records it as final");
        StudyAggregate agg = StudyAggregate.of(StudyData.load(dir));
        RunGroup huge = agg.groups().stream().filter(g -> g.configuration().get("initializer").equals("huge")).findFirst().orElseThrow();
        assertEquals(2, huge.divergences().size(), "both seeds diverge");
        // they diverge at step 3, after their first step: what was measured then stays (the trainer records it with epoch 1), the rest of epoch 1 does not
        Set<String> firstStep = Set.of(GradientNorms.FIRST_STEP.name(), MeanFieldTheory.MEASURED_BACKWARD.name(), MeanFieldTheory.PREDICTED_BACKWARD.name(),
                MeanFieldTheory.MEASURED_GRADIENT.name(), MeanFieldTheory.PREDICTED_GRADIENT.name());
        for (RunRecord run : huge.runs()) {
            RunRecord recorded = raw.stream().filter(x -> x.id().equals(run.id())).findFirst().orElseThrow();
            assertEquals(1, recorded.result().divergedEpoch(), recorded.result().divergence());
            assertTrue(recorded.result().steps() > 1, recorded.result().divergence());
            EpochRecord before = recorded.result().epochs().get(1), kept = run.result().epochs().get(1);
            assertTrue(before.layers().getFirst().values().has(WeightStatistics.WEIGHT_HISTOGRAM.name()));
            for (int l = 0; l < kept.layers().size(); l++) assertEquals(before.layers().get(l).values().only(firstStep), kept.layers().get(l).values());
            assertEquals(before.values().number(MeanFieldTheory.MEASURED_RATIO.name()), kept.values().number(MeanFieldTheory.MEASURED_RATIO.name()));
            assertNotNull(kept.values().number(MeanFieldTheory.MEASURED_RATIO.name()));
        }
        assertEquals(2, new TheoryView(huge).measured(TheoryView.RunQuantity.GRAD_NORM_RATIO).n(), "both seeds' first-step gradient ratio");
        assertEquals(2, new LayerView(huge).gradient(0, 1, LayerView.Gradient.FIRST_STEP_NORM).n());
        assertEquals(0, new LayerView(huge).gradient(0, 1, LayerView.Gradient.MEAN_NORM).n(), "epoch 1's mean: neither");
        assertTrue(agg.summary(huge).finalTestAccuracy().isEmpty(), "no final accuracy");
        Curve test = Curve.of(Metric.TEST_ACCURACY, huge.runs());
        for (double x : test.epochs()) assertTrue(x < e, "no test accuracy at or after epoch " + e + ": " + x);
        Figure curves = new org.initlab.report.figures.TrainingCurves().figures(new FigureInput(agg, new SeriesColours(agg.design()), 12)).getFirst();
        assertTrue(curves.note().contains("✕ on the bottom edge"), curves.note());
    }

    private static List<Integer> ns(Curve c) {
        return java.util.Arrays.stream(c.values()).map(Estimate::n).toList();
    }
}
