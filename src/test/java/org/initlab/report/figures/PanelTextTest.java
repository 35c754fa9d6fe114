package org.initlab.report.figures;

import org.initlab.report.Fixtures;
import org.initlab.report.model.Scenario;
import org.initlab.report.model.StudyAggregate;
import org.initlab.report.plot.Canvas;
import org.initlab.report.plot.Figure;
import org.initlab.report.plot.FigurePainter;
import org.initlab.report.plot.Fill;
import org.initlab.report.plot.PrintScale;
import org.initlab.report.plot.Stroke;
import org.initlab.report.plot.TextMetrics;
import org.initlab.report.plot.TextStyle;
import org.junit.jupiter.api.Test;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every panel of every figure, as a reader saves it alone: its text is at least 8 pt at the print
 * scale, and no data line runs through a text (titles, ticks, labels, ridge labels and notes) —
 * unless the text is drawn after the line with a halo, which hides the line near its glyphs.
 */
class PanelTextTest {
    /** Records, per panel, its texts' boxes and sizes and the points of its lines, within the clip in force. */
    static final class Recorder implements Canvas {
        /** A text's box; {@code clearOf}: the lines recorded before it, which its halo hides (0 without one). */
        record Box(double x0, double y0, double x1, double y1, String text, double size, int clearOf) {}
        final List<Box> texts = new ArrayList<>();
        final List<double[]> points = new ArrayList<>();
        final Deque<double[]> clips = new ArrayDeque<>();
        int panelDepth = -1, depth = 0;
        boolean inPanel;
        final List<String> problems = new ArrayList<>();
        String figure, panel;

        boolean clipped(double x, double y) {
            for (double[] c : clips) if (c != null && (x < c[0] || x > c[0] + c[2] || y < c[1] || y > c[1] + c[3])) return true;
            return false;
        }

        void segment(double x1, double y1, double x2, double y2) {
            if (!inPanel || !Double.isFinite(x1 + y1 + x2 + y2)) return;
            int n = (int) Math.ceil(Math.hypot(x2 - x1, y2 - y1)) + 1;
            for (int i = 0; i <= n; i++) {
                double x = x1 + (x2 - x1) * i / n, y = y1 + (y2 - y1) * i / n;
                if (!clipped(x, y)) points.add(new double[]{x, y});
            }
        }

        @Override public void line(double x1, double y1, double x2, double y2, Stroke s) { }
        @Override public void polyline(double[] xs, double[] ys, Stroke s) {
            for (int i = 1; i < xs.length; i++) segment(xs[i - 1], ys[i - 1], xs[i], ys[i]);
        }
        @Override public void polygon(double[] xs, double[] ys, Fill f, Stroke s) {
            if (s != null && f == null) for (int i = 1; i < xs.length; i++) segment(xs[i - 1], ys[i - 1], xs[i], ys[i]);
        }
        @Override public void rect(double x, double y, double w, double h, Fill f, Stroke s) { }
        @Override public void circle(double cx, double cy, double r, Fill f, Stroke s) { }

        @Override public void text(double x, double y, String text, TextStyle style) {
            if (!inPanel || text.isEmpty()) return;
            double w = TextMetrics.width(text, style.size(), style.bold());
            double x0 = switch (style.anchor()) { case START -> x; case MIDDLE -> x - w / 2; case END -> x - w; };
            int clearOf = style.hasHalo() ? points.size() : 0;
            Box b = style.rotation() != 0 ? new Box(x - style.size() * 0.8, y - w / 2, x + style.size() * 0.2, y + w / 2, text, style.size(), clearOf)
                    : new Box(x0, y - style.size() * 0.72, x0 + w, y + style.size() * 0.2, text, style.size(), clearOf);
            texts.add(b);
        }

        @Override public void beginGroup(String cssClass, Map<String, String> data, String tip) {
            depth++;
            clips.push(new double[]{-1e9, -1e9, 2e9, 2e9});
            if ("panel-box".equals(cssClass)) {
                inPanel = true;
                panelDepth = depth;
                panel = data.get("name");
                texts.clear();
                points.clear();
            }
        }

        @Override public void endGroup() {
            clips.pop();
            if (depth == panelDepth) {
                check();
                inPanel = false;
                panelDepth = -1;
            }
            depth--;
        }

        @Override public boolean beginVariant(String choice, List<String> options, boolean shown) {
            beginGroup(null, Map.of(), null);
            return true;
        }

        @Override public void beginClip(double x, double y, double w, double h) {
            depth++;
            clips.push(new double[]{x, y, w, h});
        }

        @Override public void hoverTarget(double x, double y, double w, double h, double[] xs, String[] t, HoverSeries[] s) { }

        void check() {
            for (Box b : texts) {
                if (PrintScale.points(b.size()) < PrintScale.MIN_POINTS - 1e-9) problems.add(figure + " / " + panel + ": '" + b.text() + "' at " + b.size() + " px");
                for (double[] p : points.subList(b.clearOf(), points.size())) {
                    if (p[0] > b.x0() + 0.5 && p[0] < b.x1() - 0.5 && p[1] > b.y0() + 0.5 && p[1] < b.y1() - 0.5) {
                        problems.add(figure + " / " + panel + ": a line crosses '" + b.text() + "' at " + Math.round(p[0]) + "," + Math.round(p[1]));
                        break;
                    }
                }
            }
        }
    }

    /** A rectifier's spike of zeros in the middle of the axis, under a title as wide as the panel: cut below the title. */
    @Test
    void aSpikeAtZeroStaysBelowThePanelTitle() {
        var bars = new org.initlab.report.plot.HistogramPanel.Bars("k", "k", org.initlab.report.plot.Rgb.BLACK,
                new double[]{-1, -0.5, 0, 0.01, 0.5, 1}, new double[]{0.1, 0.2, 5, 0.2, 0.1}, false);
        var ridges = List.of(new org.initlab.report.plot.RidgelinePanel.Ridge("layer 1", "dead 50%", List.of(bars)),
                new org.initlab.report.plot.RidgelinePanel.Ridge("layer 2", "", List.of(bars)));
        var panel = new org.initlab.report.plot.RidgelinePanel("a title as wide as the panel it heads, nearly", 
                org.initlab.report.plot.Axis.linear("activation", -1, 1, false), ridges, null);
        Figure f = new Figure("spike-1", "spike", "", 340, 160, List.of(), List.of(), List.of(new Figure.Cell(0, 0, panel)), List.of(), null);
        Recorder r = new Recorder();
        r.figure = f.id();
        FigurePainter.paint(f, r);
        assertEquals(List.of(), r.problems);
    }

    /** The phase diagram's ξ_c, 6ξ_c and critical lines cross many cells: each cell's number stays readable over them. */
    @Test
    void phaseDiagramLabelsStayReadableWhereTheCurvesPass() {
        Figure f = PhaseFigure.figure(PhaseFigureTest.fullGrid(), 1);
        Recorder r = new Recorder();
        r.figure = f.id();
        FigurePainter.paint(f, r);
        assertEquals(List.of(), r.problems.stream().distinct().limit(20).toList());
    }

    @Test
    void panelTextIsLegibleInPrintAndClearOfTheData() {
        StudyAggregate agg = Fixtures.initializerByActivation();
        FigureInput in = new FigureInput(agg, new SeriesColours(agg.design()), 12);
        List<Figure> all = new ArrayList<>(new TrainingCurves().figures(in));
        all.addAll(new Interactions().figures(in));
        for (Scenario s : agg.scenarios()) {
            all.add(new WeightFigure().of(in, s, 1));
            all.add(new ActivationFigure().of(in, s, 1));
            all.add(new GradientFigure().of(in, s, 1));
        }
        Recorder r = new Recorder();
        int panels = 0;
        for (Figure f : all) {
            r.figure = f.id();
            FigurePainter.paint(f, r);
            panels += f.cells().size();
        }
        assertTrue(panels > 40, "panels checked: " + panels);
        assertEquals(List.of(), r.problems.stream().distinct().limit(20).toList());
        assertTrue(PrintScale.points(PrintScale.MIN_TEXT_PX) >= PrintScale.MIN_POINTS, "9 px is at least 8 pt at 8 cm per 250 px");
    }
}
