package org.initlab.report.html;

import org.initlab.io.Escape;
import org.initlab.report.figures.ExplorerData;
import org.initlab.report.figures.FigureSet;
import org.initlab.report.figures.TrainingCurves;

import java.util.List;

/** Research question 1, how each initialization trains: the training curves. */
final class TrainingSection implements Section {
    @Override
    public String id() {
        return "rq1";
    }

    @Override
    public String heading(ReportInput in) {
        return "1. How does each initialization train?";
    }

    @Override
    public String tocEntry(ReportInput in) {
        return "1 · Training";
    }

    @Override
    public List<FigureSet> figureSets() {
        return List.of(new TrainingCurves());
    }

    @Override
    public void write(Page p, ReportInput in, List<RenderedFigure> figures) {
        ExplorerData.Result data = ExplorerData.of(in.figureInput(), ExplorerData.BUDGET);
        p.element("p", "", "Training loss, held-out loss and accuracy per epoch. Each initializer keeps its colour, dash and symbol throughout the report.");
        explorer(p, data);
        p.element("h3", "", "For print");
        FigureHtml.introAndFigures(p, "The same curves, one row per scenario, as figures to save (whole, or one panel alone). "
                + "Hover over a panel to read the values; click a legend entry to hide or show a series.", figures);
    }

    /** The interactive curves: controls, the charts (drawn by the script with uPlot), the drill-down, and their data. */
    private static void explorer(Page p, ExplorerData.Result data) {
        if (data.scenarios() == 0) return;
        p.raw("<div class=\"explorer\" id=\"explorer\">\n<div class=\"explorer-controls\">");
        p.raw("<label>Scenario <select id=\"explorer-scenario\"></select></label>");
        p.raw("<span class=\"choice\" role=\"radiogroup\" data-choice=\"accuracy\">Accuracy as:"
                + "<label><input type=\"radio\" name=\"explorer-accuracy\" value=\"error\" checked>error, log axis</label>"
                + "<label><input type=\"radio\" name=\"explorer-accuracy\" value=\"accuracy\">accuracy</label>"
                + "<label><input type=\"radio\" name=\"explorer-accuracy\" value=\"difference\">difference from the best, per seed</label></span>");
        p.raw("<label>Smoothing of the minibatch loss <input type=\"range\" id=\"explorer-smoothing\" min=\"0\" max=\"0.99\" step=\"0.01\" value=\"0.6\">"
                + " <output id=\"explorer-smoothing-value\">0.60</output></label>");
        p.raw("<button type=\"button\" id=\"explorer-reset\">Reset zoom</button></div>\n");
        p.raw("<div class=\"explorer-legend\" id=\"explorer-legend\"></div>\n<div class=\"explorer-charts\" id=\"explorer-charts\"></div>\n");
        p.element("p", "class=\"note\"", "Drag across a chart to zoom into those epochs, Shift-drag or the mouse wheel to pan and zoom, double-click or Reset to see all;"
                + " the charts zoom together. Click a line or a legend entry to open that configuration below: its seeds one by one and its layers'"
                + " histograms epoch by epoch. Smoothing: an exponential moving average of each seed's recorded minibatch losses"
                + " (weight of the past, 0 = raw), then the mean over seeds. Bands: 95% confidence intervals over seeds.");
        p.raw("<div class=\"drill\" id=\"explorer-drill\" hidden></div>\n");
        if (data.shown() < data.scenarios()) {
            p.element("p", "class=\"note\"", "Interactive curves for the first " + data.shown() + " of " + data.scenarios()
                    + " scenarios: the page keeps their data under " + ExplorerData.BUDGET / 1_000_000.0 + " MB. The others are in the figures below.");
        }
        p.raw("</div>\n<script type=\"application/json\" id=\"explorer-data\">").raw(Escape.scriptJson(data.json())).raw("</script>\n");
    }
}
