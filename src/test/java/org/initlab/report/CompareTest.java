package org.initlab.report;

import org.initlab.cli.Main;
import org.initlab.report.compare.ConfigurationDifference;
import org.initlab.report.compare.Matching;
import org.initlab.report.compare.StudyComparison;
import org.initlab.report.model.StudyAggregate;
import org.initlab.report.model.StudyData;
import org.initlab.report.stats.PairedTTest;
import org.initlab.report.stats.WelchTTest;
import org.initlab.study.RunRecord;
import org.initlab.study.RunSpec;
import org.initlab.study.StudyManifest;
import org.initlab.study.StudySpec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code initlab compare}: configurations matched on the factors the experiments vary (settings a
 * protocol changes listed, not matched on); paired by seed where the data order is the same, Welch
 * otherwise; the conclusions that change; the files.
 *
 * <p>Study A: xavier and he × relu and tanh, seeds 0–2, batch 150. Study B, "the other protocol":
 * the same labels and seeds, tanh runs with batch 128 (as the notebook's depth experiment), a
 * linear-vs-activated output everywhere; xavier overtakes he with tanh, where he also diverges in seed 2;
 * and an extra initializer, random, that A lacks.
 */
class CompareTest {
    static final double[] BASE = {0.1, 0.85, 0.93, 0.0};

    static double accuracy(String study, String init, String act, int seed) {
        double a = act.equals("relu") ? 0.97 : 0.96;
        if (init.equals("he")) a += study.equals("A") || act.equals("relu") ? 0.004 : -0.006;
        if (init.equals("random")) a = 0.80;
        if (study.equals("B")) a -= 0.002;
        return a + 0.0007 * seed + (init.equals("xavier") ? 0.0003 * seed * seed : 0);
    }

    static List<RunRecord> runs(String study) {
        List<RunRecord> runs = new ArrayList<>();
        List<String> inits = study.equals("A") ? List.of("xavier", "he") : List.of("xavier", "he", "random");
        for (String init : inits) {
            for (String act : List.of("relu", "tanh")) {
                for (int seed = 0; seed < 3; seed++) {
                    double[] v = BASE.clone();
                    v[3] = accuracy(study, init, act, seed);
                    Map<String, String> labels = new LinkedHashMap<>(Fixtures.labels(init, act, seed));
                    boolean b = study.equals("B");
                    int batch = b && act.equals("tanh") ? 128 : 150;
                    labels.put("batch_size", Integer.toString(batch));
                    int diverge = b && init.equals("he") && act.equals("tanh") && seed == 2 ? 3 : 0;
                    RunRecord r = Fixtures.run(study + init + act + seed, labels, List.of("grid"), v, v, diverge);
                    RunSpec s = r.spec();
                    RunSpec spec = new RunSpec(s.dataset(), s.validationSize(), s.preprocessing(), s.classes(), s.hidden(), s.activation(), b, s.initializer(),
                            s.biasInitializer(), s.optimizer(), batch, s.epochs(), s.seed(), s.evaluation());
                    runs.add(new RunRecord(r.id(), r.initlab(), spec, r.probeSettings(), r.probes(), r.labels(), r.experiments(), r.result(),
                            r.started(), r.finished(), r.machine(), r.data()));
                }
            }
        }
        return runs;
    }

    static StudyManifest manifest(String study, List<RunRecord> runs) {
        Map<String, Map<String, List<String>>> exps = new LinkedHashMap<>();
        List<String> inits = study.equals("A") ? List.of("xavier", "he") : List.of("xavier", "he", "random");
        exps.put("grid", Map.of("initializer", inits, "activation", List.of("relu", "tanh")));
        StudyManifest m = Fixtures.manifest("seedlike", exps, runs);
        return new StudyManifest(m.name(), m.description(), study.equals("A") ? "default" : "notebook", m.data(), m.seeds(), m.experiments(),
                m.runs(), m.fingerprint(), m.initlab(), m.created(), m.commandLine(), m.claims());
    }

    static StudyAggregate study(String name) {
        List<RunRecord> runs = runs(name);
        return StudyAggregate.of(new StudyData(Path.of("unused-" + name), manifest(name, runs), "name: seedlike\n", runs));
    }

    static ConfigurationDifference row(StudyComparison c, String init, String act) {
        return c.differences().stream().filter(d -> d.pair().key().get("initializer").equals(init) && d.pair().key().get("activation").equals(act))
                .findFirst().orElseThrow();
    }

    @Test
    void configurationsMatchOnTheVariedFactorsAndTheSettingsThatDifferAreListed() {
        StudyAggregate a = study("A"), b = study("B");
        Matching m = Matching.of(a, b);
        assertEquals(List.of("initializer", "activation"), m.keys(), "what the experiments vary, not batch_size (a setting)");
        assertEquals(4, m.pairs().size());
        assertEquals(List.of(), m.onlyA());
        assertEquals(List.of("random"), m.onlyB().stream().map(g -> g.configuration().get("initializer")).distinct().toList());
        assertEquals(List.of(new Matching.Setting("output layer", "linear", "activated")), m.common(), "every pair differs in it");
        Matching.Pair tanh = m.pairs().stream().filter(p -> p.key().get("activation").equals("tanh")).findFirst().orElseThrow();
        assertEquals(List.of(new Matching.Setting("batch size", "150", "128")), m.particular(tanh), "same labels, other settings");
        assertEquals(List.of(List.of(new Matching.Setting("batch size", "150", "128"))), m.particularSets());
    }

    @Test
    void pairedBySeedWhereTheDataOrderIsTheSameWelchWhereItIsNot() {
        StudyAggregate a = study("A"), b = study("B");
        StudyComparison c = StudyComparison.of(a, b, "A", "B");
        ConfigurationDifference relu = row(c, "xavier", "relu");
        assertTrue(relu.paired(), relu.why());
        double[] xa = new double[3], xb = new double[3];
        for (int s = 0; s < 3; s++) {
            xa[s] = 100 * accuracy("A", "xavier", "relu", s);
            xb[s] = 100 * accuracy("B", "xavier", "relu", s);
        }
        PairedTTest t = PairedTTest.of(xb, xa);
        assertEquals(t.difference().mean(), relu.mean(), 1e-12);
        assertEquals(t.difference().low(), relu.low(), 1e-12);
        assertEquals(t.p(), relu.p(), 1e-15);
        assertEquals(3, relu.n());

        ConfigurationDifference tanh = row(c, "xavier", "tanh");
        assertFalse(tanh.paired());
        assertTrue(tanh.why().contains("batch size 150 vs 128"), tanh.why());
        for (int s = 0; s < 3; s++) {
            xa[s] = 100 * accuracy("A", "xavier", "tanh", s);
            xb[s] = 100 * accuracy("B", "xavier", "tanh", s);
        }
        WelchTTest w = WelchTTest.of(xb, xa);
        assertEquals(w.difference(), tanh.mean(), 1e-12);
        assertEquals(w.low(), tanh.low(), 1e-12);
        assertEquals(w.p(), tanh.p(), 1e-15);

        // he/tanh diverged in seed 2 in B: its 2 completed seeds against A's 3
        ConfigurationDifference diverged = row(c, "he", "tanh");
        assertFalse(diverged.paired());
        assertEquals(2, diverged.n());
        assertEquals(2, diverged.b().finalTestAccuracy().n());
        assertEquals(3, diverged.a().finalTestAccuracy().n());
        // the difference figure marks it: ✕ on the bottom edge with the seeds on each side, the others unmarked
        List<org.initlab.report.plot.LinePanel.Mark> marks = new java.util.ArrayList<>();
        for (org.initlab.report.plot.Figure f : org.initlab.report.figures.ComparisonFigures.of(c, "compare-1")) {
            if (!f.id().endsWith("difference")) continue;
            for (org.initlab.report.plot.Figure.Cell cell : f.cells()) {
                for (org.initlab.report.plot.LinePanel.Line l : ((org.initlab.report.plot.LinePanel) cell.panel()).lines()) marks.addAll(l.marks());
            }
        }
        assertEquals(1, marks.size(), "one configuration has diverged seeds: " + marks);
        assertEquals("n = 3 | 2", marks.getFirst().label());
        assertTrue(marks.getFirst().hover().contains("B 1 of 3"), marks.getFirst().hover());

        // Holm over the 4 configurations
        double[] p = c.differences().stream().mapToDouble(ConfigurationDifference::p).toArray();
        double[] q = org.initlab.report.stats.Holm.adjust(p);
        for (int i = 0; i < q.length; i++) assertEquals(q[i], c.differences().get(i).adjustedP(), 0);
    }

    @Test
    void theConclusionsThatChangeAreStated() {
        StudyComparison c = StudyComparison.of(study("A"), study("B"), "A", "B");
        List<String> changed = c.changes().stream().filter(StudyComparison.Change::changed).map(StudyComparison.Change::text).toList();
        assertTrue(changed.stream().anyMatch(t -> t.startsWith("With tanh, the best initializer changes: he in A") && t.contains(", xavier in B")), String.join("\n", changed));
        assertTrue(changed.stream().anyMatch(t -> t.startsWith("he with tanh diverges in B (1 of 3") && t.contains("but not in A (0 of 3")), String.join("\n", changed));
        List<String> same = c.changes().stream().filter(ch -> !ch.changed()).map(StudyComparison.Change::text).toList();
        assertTrue(same.stream().anyMatch(t -> t.contains("relu: he")), String.join("\n", same));
    }

    @Test
    void theNamesTellStudiesApart() {
        assertEquals(List.of("seedlike (default)", "seedlike (notebook)"), StudyComparison.names(List.of(study("A"), study("B"))));
    }

    @Test
    void theCommandWritesThePageTheFiguresAndTheCsv(@TempDir Path tmp) throws IOException {
        Path a = Fixtures.write(tmp.resolve("studies/seed"), manifest("A", runs("A")), runs("A"), "name: seedlike\n");
        Path b = Fixtures.write(tmp.resolve("studies/seed-notebook"), manifest("B", runs("B")), runs("B"), "name: seedlike\n");
        assertEquals(0, Main.run("compare", a.toString(), b.toString(), "--no-png"));
        Path out = tmp.resolve("studies/seed-vs-seed-notebook");
        String html = Files.readString(out.resolve("compare.html"));
        for (String id : List.of("changes", "side-by-side", "figures", "studies")) assertTrue(html.contains("<section id=\"" + id + "\">"), id);
        assertTrue(html.contains("<h1>Comparison: seedlike (default) vs seedlike (notebook)</h1>"));
        assertTrue(html.contains("id=\"compare-1-accuracy\"") && html.contains("id=\"compare-1-difference\""));
        assertTrue(html.contains("content=\"default-src 'none'"), "the report's frame: no network");
        assertTrue(html.contains("batch size 150 → 128"));
        assertTrue(Files.isRegularFile(out.resolve("figures/compare-1-difference.svg")));
        List<String> csv = Files.readAllLines(out.resolve("compare.csv"));
        assertEquals(1 + 4, csv.size());
        assertTrue(csv.getFirst().startsWith("study_a,study_b,initializer,activation,a_test_accuracy_mean"), csv.getFirst());
        assertEquals(0, Main.run("compare", a.toString(), b.toString(), "--no-png"));
        assertEquals(html, Files.readString(out.resolve("compare.html")), "the same studies give the same page");

        assertEquals(2, Main.run("compare", a.toString()), "one study is not a comparison");
        assertEquals(2, Main.run("compare", a.toString(), a.toString(), "--out", tmp.resolve("x").toString()), "the same study twice");
        assertEquals(2, Main.run("compare", a.toString(), tmp.resolve("nothing").toString()), "not a folder");
    }

    /** A study of another dataset: same configurations, never paired (other data). */
    @Test
    void anotherDatasetIsNeverPaired() {
        List<RunRecord> runs = new ArrayList<>();
        for (RunRecord r : runs("A")) {
            RunSpec s = r.spec();
            RunSpec spec = new RunSpec("fashion-mnist", s.validationSize(), s.preprocessing(), s.classes(), s.hidden(), s.activation(), s.outputActivation(),
                    s.initializer(), s.biasInitializer(), s.optimizer(), s.batchSize(), s.epochs(), s.seed(), s.evaluation());
            runs.add(new RunRecord(r.id(), r.initlab(), spec, r.probeSettings(), r.probes(), r.labels(), r.experiments(), r.result(), r.started(),
                    r.finished(), r.machine(), r.data()));
        }
        StudyManifest m = manifest("A", runs);
        m = new StudyManifest(m.name(), m.description(), m.protocol(), new StudySpec.DataChoice("fashion-mnist", 10_000, "scale01"), m.seeds(),
                m.experiments(), m.runs(), m.fingerprint(), m.initlab(), m.created(), m.commandLine(), m.claims());
        StudyAggregate f = StudyAggregate.of(new StudyData(Path.of("f"), m, "", runs));
        StudyComparison c = StudyComparison.of(study("A"), f, "mnist", "fashion");
        assertTrue(c.differences().stream().noneMatch(ConfigurationDifference::paired));
        assertTrue(c.differences().getFirst().why().contains("dataset"), c.differences().getFirst().why());
        assertEquals(List.of(new Matching.Setting("dataset", "mnist", "fashion-mnist")), c.matching().common());
        assertEquals(List.of("seedlike (mnist)", "seedlike (fashion-mnist)"), StudyComparison.names(List.of(study("A"), f)));
    }
}
