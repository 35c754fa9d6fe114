package org.initlab.report.figures;

import org.initlab.report.Fixtures;
import org.initlab.report.model.Metric;
import org.initlab.report.model.Scenario;
import org.initlab.report.model.StudyAggregate;
import org.initlab.report.plot.ChoicePanel;
import org.initlab.report.plot.Figure;
import org.initlab.report.plot.HeatmapPanel;
import org.initlab.report.plot.LinePanel;
import org.initlab.report.plot.Palette;
import org.initlab.report.plot.Rgb;
import org.initlab.report.plot.RidgelinePanel;
import org.initlab.report.stats.Estimate;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

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
