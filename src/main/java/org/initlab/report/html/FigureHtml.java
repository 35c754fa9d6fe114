package org.initlab.report.html;

import org.initlab.io.Escape;

import java.util.List;

/** Figures on the page: each inline SVG with links to its files, or only the links where the page's size budget ran out. */
final class FigureHtml {
    private FigureHtml() {}

    /** An intro paragraph, then the figures, or a note that the study gives this section nothing to show. */
    static void introAndFigures(Page p, String intro, List<RenderedFigure> figures) {
        p.element("p", "", intro);
        if (figures.isEmpty()) p.element("p", "class=\"note\"", "Nothing to show: the study does not vary what this section compares.");
        for (RenderedFigure f : figures) figure(p, f);
    }

    static void figure(Page p, RenderedFigure f) {
        if (!f.inline()) {
            p.raw("<p class=\"note\">").text(f.title()).raw(": left out of this page to keep it under 10 MB — ")
                    .raw("<a href=\"" + Escape.html(f.svgFile()) + "\">SVG</a>");
            if (f.pngFile() != null) p.raw(", <a href=\"" + Escape.html(f.pngFile()) + "\">PNG</a>");
            p.raw("</p>\n");
            return;
        }
        p.raw("<figure>\n");
        choices(p, f);
        p.raw("<div class=\"svg-wrap\">\n").raw(f.svg()).raw("</div>\n<figcaption>");
        p.raw("<a href=\"" + Escape.html(f.svgFile()) + "\">SVG</a>");
        if (f.pngFile() != null) p.raw("<a href=\"" + Escape.html(f.pngFile()) + "\">PNG, 300 dpi</a>");
        // one panel alone, made in the page from the SVG above (the script fills the list of panels)
        p.raw("<span class=\"panel-export\" data-figure=\"" + Escape.html(f.id()) + "\">one panel: <select aria-label=\"panel to save\"></select>"
                + "<button type=\"button\" data-format=\"svg\">SVG</button><button type=\"button\" data-format=\"png\">PNG, 300 dpi</button></span>");
        p.raw("</figcaption>\n</figure>\n");
    }

    /** Radio buttons for each of the figure's choices of view; a choice applies to every figure on the page that has it. */
    static void choices(Page p, RenderedFigure f) {
        if (f.choices().isEmpty()) return;
        p.raw("<div class=\"choices\">");
        for (RenderedFigure.Choice c : f.choices()) {
            p.raw("<span class=\"choice\" role=\"radiogroup\" data-choice=\"" + Escape.html(c.id()) + "\">").text(c.label() + ":");
            for (int i = 0; i < c.options().size(); i++) {
                RenderedFigure.Option o = c.options().get(i);
                p.raw("<label><input type=\"radio\" name=\"" + Escape.html(f.id() + "-" + c.id()) + "\" value=\"" + Escape.html(o.id()) + "\""
                        + (i == 0 ? " checked" : "") + ">").text(o.label()).raw("</label>");
            }
            p.raw("</span>");
        }
        p.raw("</div>\n");
    }

    /** " Showing the first 12 of 40 scenarios, in the spec's order." where the per-scenario figures are capped, else "". */
    static String cappedNote(ReportInput in) {
        int shown = in.figureInput().layerScenarios().size(), all = in.agg().scenarios().size();
        return shown < all ? " Showing the first " + shown + " of " + all + " scenarios, in the spec's order." : "";
    }
}
