package org.initlab.report.figures;

import org.initlab.report.Fixtures;
import org.initlab.report.model.Metric;
import org.initlab.report.model.Scenario;
import org.initlab.report.model.StudyAggregate;
import org.initlab.report.plot.ChoicePanel;
import org.initlab.report.plot.Figure;
import org.initlab.report.plot.HeatmapPanel;
import org.initlab.report.plot.HistogramPanel;
import org.initlab.report.plot.LinePanel;
import org.initlab.report.plot.Palette;
import org.initlab.report.plot.Rgb;
import org.initlab.report.plot.RidgelinePanel;
import org.initlab.report.stats.Estimate;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The figures draw what the aggregates say, with one colour per initializer throughout. */
class FiguresTest {
    final StudyAggregate agg = Fixtures.initializerByActivation();
    final SeriesColours colours = new SeriesColours(agg.design());
    final FigureInput in = new FigureInput(agg, colours, 12);

    @Test
    void trainingCurvesHaveARowPerScenarioAndAColumnPerFollowedMetric() {
        List<Figure> figures = new TrainingCurves().figures(in);
        assertEquals(2, figures.size(), "one per experiment");
        Figure f = figures.getFirst();
        assertEquals(List.of("relu", "tanh"), f.rowHeaders());
        assertEquals(List.of(Metric.TRAIN_LOSS, Metric.VALIDATION_LOSS, Metric.TEST_LOSS, Metric.TEST_ACCURACY),
                TrainingCurves.metrics(agg.scenarios()));
        assertEquals(2 * 4, f.cells().size());
        ChoicePanel views = (ChoicePanel) f.cells().get(3).panel();
        assertEquals("test error", views.shown("error").title(), "error on a log axis by default");
        assertEquals(org.initlab.report.plot.Scale.LOG, ((LinePanel) views.shown("error")).y().scale());
        LinePanel accuracy = (LinePanel) views.shown("accuracy");
        assertEquals("test accuracy", accuracy.title());
        LinePanel.Line he = accuracy.lines().stream().filter(l -> l.label().equals("he")).findFirst().orElseThrow();
        assertEquals(100 * Estimate.of(Fixtures.HE_RELU).mean(), he.y()[he.y().length - 1], 1e-9, "final point: the mean in percent");
        assertArrayEquals(new double[]{0, 1, 2, 3}, he.x());
    }

    @Test
    void everyFigureGivesAnInitializerTheSameColour() {
        List<Figure> all = new ArrayList<>(new TrainingCurves().figures(in));
        all.addAll(new Interactions().figures(in));
        for (Scenario s : agg.scenarios()) {
            all.add(new WeightFigure().of(in, s, 1));
            all.add(new ActivationFigure().of(in, s, 1));
            all.add(new GradientFigure().of(in, s, 1));
        }
        // declared order xavier, he, random → palette colours 0, 1, 2
        List<String> order = List.of("xavier", "he", "random");
        for (Figure f : all) {
            for (Figure.LegendEntry e : f.legend()) {
                if (e.key() == null) continue;
                assertEquals(Palette.colour(order.indexOf(e.key())), e.colour(), f.id() + ": " + e.label());
            }
        }
    }

    @Test
    void theHeatmapCellsAreTheFinalAccuracies() {
        Figure heat = new Interactions().figures(in).getFirst();
        assertEquals(1, heat.cells().size(), "one facet: initializer × activation");
        HeatmapPanel p = (HeatmapPanel) heat.cells().getFirst().panel();
        assertEquals(List.of("xavier", "he", "random"), p.rowLabels());
        assertEquals(List.of("relu", "tanh"), p.columnLabels());
        double he = 100 * Estimate.of(Fixtures.HE_RELU).mean();
        assertEquals(Interactions.colourValue(he), p.values()[1][0], 1e-12);
        assertTrue(p.texts()[1][0].startsWith("98.0\n± "), p.texts()[1][0]);
        assertEquals(List.of(colours.colour("initializer", "xavier"), colours.colour("initializer", "he"), colours.colour("initializer", "random")), p.rowColours());
        assertEquals(0.0, Interactions.colourValue(99), 1e-12, "1% error: −log₁₀ 1");
        assertEquals(-1.0, Interactions.colourValue(90), 1e-12, "10% error");
        assertEquals(2.0, Interactions.colourValue(100), 1e-12, "capped at 0.01% error");
    }

    @Test
    void theHeatmapsOfAFigureShareOneColourScale() {
        // two experiments whose accuracies lie far apart: activations around 90%, adam around 98%
        List<org.initlab.study.RunRecord> runs = new ArrayList<>();
        for (String init : List.of("xavier", "he")) {
            for (String setting : List.of("relu", "tanh", "adam")) {
                for (int seed = 0; seed < 3; seed++) {
                    Map<String, String> labels = new LinkedHashMap<>(Fixtures.labels(init, setting.equals("adam") ? "relu" : setting, seed));
                    labels.put("optimizer", setting.equals("adam") ? "adam" : "sgd");
                    double a = (setting.equals("adam") ? 0.98 : setting.equals("tanh") ? 0.89 : 0.91) + (init.equals("he") ? 0.004 : 0) + 0.001 * seed;
                    List<String> exps = setting.equals("relu") ? List.of("activations", "optimizers") : List.of(setting.equals("adam") ? "optimizers" : "activations");
                    runs.add(Fixtures.run(init + setting + seed, labels, exps, new double[]{0.1, 0.8, a}, new double[]{0.1, 0.8, a}, 0));
                }
            }
        }
        Map<String, Map<String, List<String>>> experiments = new LinkedHashMap<>();
        experiments.put("activations", Map.of("initializer", List.of("xavier", "he"), "activation", List.of("relu", "tanh")));
        experiments.put("optimizers", Map.of("initializer", List.of("xavier", "he"), "optimizer", List.of("sgd", "adam")));
        StudyAggregate two = StudyAggregate.of(new org.initlab.report.model.StudyData(java.nio.file.Path.of("unused"),
                Fixtures.manifest("two", experiments, runs), "name: two\n", runs));
        Figure heat = new Interactions().figures(new FigureInput(two, new SeriesColours(two.design()), 12)).getFirst();
        List<HeatmapPanel> maps = heat.cells().stream().map(c -> (HeatmapPanel) c.panel()).toList();
        assertEquals(2, maps.size(), "a panel per experiment");
        for (HeatmapPanel m : maps) {
            assertEquals(maps.getFirst().min(), m.min(), 0, m.title());
            assertEquals(maps.getFirst().max(), m.max(), 0, m.title());
            assertEquals(maps.getFirst().minLabel() + " " + maps.getFirst().maxLabel(), m.minLabel() + " " + m.maxLabel(), "one colour bar");
        }
        // the scale spans both panels' values: the lowest (xavier/tanh) and the highest (he/adam)
        double lowest = Double.POSITIVE_INFINITY, highest = Double.NEGATIVE_INFINITY;
        for (HeatmapPanel m : maps) for (double[] row : m.values()) for (double v : row) if (Double.isFinite(v)) { lowest = Math.min(lowest, v); highest = Math.max(highest, v); }
        assertTrue(maps.getFirst().min() <= lowest && maps.getFirst().max() >= highest, "the scale covers every cell");
        assertTrue(highest - lowest > 0.5, "the panels' values differ: one scale matters");
    }

    @Test
    void aDivergingLossDoesNotStretchTheLogAxisAndIsMarkedBeyondIt() {
        double[] x = {0, 1, 2, 3};
        LinePanel.Line good = new LinePanel.Line("he", "he", Palette.colour(0), Palette.dash(0), Palette.marker(0), x, new double[]{2.3, 0.5, 0.3, 0.2},
                null, null, new String[4], true);
        LinePanel.Line exploding = new LinePanel.Line("random", "random", Palette.colour(1), Palette.dash(1), Palette.marker(1), x,
                new double[]{2.3, 40, 3e9, 1e28}, null, null, new String[4], true);
        double[] range = TrainingCurves.logRange(List.of(good, exploding));
        assertTrue(range[1] < 1e4, "10²⁸ does not set the top: " + range[1]);
        assertEquals(40, range[1], 0, "the highest value within three decades of the median");
        assertEquals(0.2, range[0], 0);
        assertEquals(1, range[2], 0, "values beyond the axis are flagged, to be drawn on its edge and marked");
        assertEquals(0, TrainingCurves.logRange(List.of(good))[2], 0, "nothing beyond: no mark");
    }

    @Test
    void weightHistogramsAreLinearPerLayerWhereTheRangeAllowsAndSaySo() {
        Figure w = new WeightFigure().of(in, agg.scenarios().getFirst(), 1);
        ChoicePanel first = (ChoicePanel) w.cells().getFirst().panel();
        HistogramPanel auto = (HistogramPanel) first.alternatives().stream().filter(a -> a.options().contains("auto")).findFirst().orElseThrow().panel();
        assertEquals("weight (linear)", auto.x().label(), "normal draws on a linear axis by default");
        assertEquals(org.initlab.report.plot.Scale.LINEAR, auto.x().scale());
        HistogramPanel asinh = (HistogramPanel) first.alternatives().stream().filter(a -> a.options().contains("asinh")).findFirst().orElseThrow().panel();
        assertTrue(asinh.x().label().contains("asinh"), "the other axis named too: " + asinh.x().label());
        assertTrue(w.note().contains("Linear axis") && w.note().contains("Asinh axis"), "the note states the axes: " + w.note());
    }

    @Test
    void layerFiguresHaveAPanelPerMemberAndLayer() {
        Scenario relu = agg.scenarios().getFirst();
        Figure w = new WeightFigure().of(in, relu, 1);
        assertEquals(3 * 3, w.cells().size(), "3 initializers × 3 layers");
        assertEquals(List.of("xavier", "he", "random"), w.rowHeaders());
        assertEquals("layer 1 (784→8)", w.cells().getFirst().panel().title());
        Figure a = new ActivationFigure().of(in, relu, 1);
        RidgelinePanel ridges = (RidgelinePanel) a.cells().getFirst().panel();
        assertEquals(3, ridges.ridges().size(), "a ridge per layer");
        assertEquals("dead 0% → 0%", ridges.ridges().getFirst().note());
        assertEquals("dead 10% → 10%", ridges.ridges().get(1).note());
        Figure g = new GradientFigure().of(in, relu, 1);
        assertEquals(List.of("gradient norm", "update / weight", "through depth"), g.rowHeaders());
        assertEquals(3 + 3 + 3, g.cells().size());
        Rgb grey = LayerFigures.INITIAL;
        assertEquals(grey, w.legend().getFirst().colour(), "initial state in grey");
    }
}
