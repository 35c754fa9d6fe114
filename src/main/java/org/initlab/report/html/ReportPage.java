package org.initlab.report.html;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.initlab.report.figures.SeriesColours;
import org.initlab.report.model.StudyAggregate;
import org.initlab.report.text.Finding;
import org.initlab.report.text.Values;
import org.initlab.study.StudyManifest;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * report.html: one self-contained page (inline CSS, script and SVG; no network) with the answer
 * first — the findings — then the summary table, one section per research question, the layer
 * views, and the provenance. All text from the study is escaped.
 */
public final class ReportPage {
    private ReportPage() {}

    /** The figures of each section, and how many scenarios the per-layer sections show of how many. */
    public record Figures(List<RenderedFigure> curves, List<RenderedFigure> interactions, List<RenderedFigure> weights,
                          List<RenderedFigure> activations, List<RenderedFigure> gradients, int layerScenariosShown, int scenarios) {
        List<RenderedFigure> all() {
            List<RenderedFigure> out = new ArrayList<>(curves);
            out.addAll(interactions);
            out.addAll(weights);
            out.addAll(activations);
            out.addAll(gradients);
            return out;
        }
    }

    public static String html(StudyAggregate agg, List<Finding> findings, Figures figures, String csvFile, String markdownFile) {
        StudyManifest m = agg.data().manifest();
        SeriesColours colours = new SeriesColours(agg.design());
        Page p = new Page();
        String script = Assets.read("report.js");
        // No network at all, and only our own script may run: it is allowed by its hash, so an
        // injected inline script would be refused even if escaping ever failed.
        p.raw("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
                .raw("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
                .raw("<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'; script-src 'sha256-"
                        + sha256Base64(script) + "'\">\n")
                .element("title", "", m.name() + " — initlab report")
                .raw("<style>\n").raw(Assets.read("report.css")).raw("</style>\n</head>\n<body>\n");
        header(p, agg);
        p.raw("<main>\n");
        FindingsHtml.section(p, findings, agg.design().experiments().isEmpty() ? "initializer"
                : agg.design().experiments().getFirst().primary().replace('_', ' '));
        SummaryHtml.section(p, agg, colours, csvFile, markdownFile);
        figureSection(p, "rq1", "1. How does each initialization train?",
                "Training loss, held-out loss and accuracy per epoch, one row per scenario. Each initializer keeps its colour throughout the report. "
                        + "Hover over a panel to read the values; click a legend entry to hide or show a series.", figures.curves());
        figureSection(p, "rq2", "2. How does it interact with activation, optimizer and depth?",
                "Final test accuracy of every combination the study ran, as heatmaps and as lines across the other factor's levels.", figures.interactions());
        List<Finding> interactions = findings.stream().filter(f -> f.kind() == Finding.Kind.INTERACTION).toList();
        if (!interactions.isEmpty()) FindingsHtml.list(p, interactions);
        RankingHtml.section(p, agg, colours, findings);
        String capped = figures.layerScenariosShown() < figures.scenarios()
                ? " Showing the first " + figures.layerScenariosShown() + " of " + figures.scenarios() + " scenarios, in the spec's order." : "";
        figureSection(p, "weights", "Weights", "Per layer, the distribution of the weights at initialisation (grey) and after training (colour), seeds summed."
                + capped, figures.weights());
        figureSection(p, "activations", "Activations", "Per layer, what the units output on a fixed probe batch at initialisation and after training, with the share of dead or saturated units."
                + capped, figures.activations());
        figureSection(p, "gradients", "Gradient flow", "Gradient norms and update:weight ratios per layer and epoch (log scale): where gradients vanish or explode."
                + capped, figures.gradients());
        ProvenanceHtml.section(p, agg);
        p.raw("</main>\n");
        p.raw("<script type=\"application/json\" id=\"report-meta\">").raw(Escape.scriptJson(meta(agg, figures))).raw("</script>\n");
        p.raw("<script>").raw(script).raw("</script>\n</body>\n</html>\n");
        return p.toString();
    }

    static String sha256Base64(String s) {
        try {
            return java.util.Base64.getEncoder().encodeToString(
                    java.security.MessageDigest.getInstance("SHA-256").digest(s.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String meta(StudyAggregate agg, Figures figures) {
        Map<String, Object> meta = new LinkedHashMap<>();
        meta.put("study", agg.data().manifest().name());
        meta.put("runs", agg.data().runs().size());
        meta.put("configurations", agg.groups().size());
        meta.put("figures", figures.all().stream().filter(RenderedFigure::inline).map(RenderedFigure::id).toList());
        try {
            return new ObjectMapper().writeValueAsString(meta);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void header(Page p, StudyAggregate agg) {
        StudyManifest m = agg.data().manifest();
        p.raw("<header class=\"top\"><div>\n");
        p.element("h1", "", m.name());
        if (m.description() != null && !m.description().isBlank()) p.element("p", "class=\"lede\"", m.description());
        p.raw("<div class=\"meta\">");
        p.element("span", "", m.protocol() + " protocol");
        if (m.data() != null) p.element("span", "", m.data().dataset() + " (validation " + m.data().validationSize() + ", " + m.data().preprocessing() + ")");
        p.element("span", "", agg.data().runs().size() + " of " + m.runs().size() + " runs finished");
        p.element("span", "", agg.groups().size() + " configurations");
        p.element("span", "", seedsText(agg));
        p.element("span", "", "created " + Values.instant(m.created()));
        p.raw("</div>\n<nav class=\"toc\">");
        for (String[] s : new String[][]{{"findings", "Findings"}, {"summary", "Summary table"}, {"rq1", "1 · Training"}, {"rq2", "2 · Interactions"},
                {"rq3", "3 · Best where"}, {"weights", "Weights"}, {"activations", "Activations"}, {"gradients", "Gradient flow"}, {"provenance", "Provenance"}}) {
            p.raw("<a href=\"#" + s[0] + "\">").text(s[1]).raw("</a>");
        }
        p.raw("</nav>\n</div></header>\n");
    }

    static String seedsText(StudyAggregate agg) {
        int lo = agg.minSeeds(), hi = agg.maxSeeds();
        if (hi == 1) return "1 seed: no confidence intervals or tests";
        return (lo == hi ? hi : lo + "–" + hi) + " seeds per configuration (paired)";
    }

    private static void figureSection(Page p, String id, String title, String intro, List<RenderedFigure> figures) {
        p.raw("<section id=\"" + id + "\">\n");
        p.element("h2", "", title);
        p.element("p", "", intro);
        if (figures.isEmpty()) p.element("p", "class=\"note\"", "Nothing to show: the study does not vary what this section compares.");
        for (RenderedFigure f : figures) {
            if (!f.inline()) {
                p.raw("<p class=\"note\">").text(f.title()).raw(": left out of this page to keep it under 10 MB — ")
                        .raw("<a href=\"" + Escape.html(f.svgFile()) + "\">SVG</a>");
                if (f.pngFile() != null) p.raw(", <a href=\"" + Escape.html(f.pngFile()) + "\">PNG</a>");
                p.raw("</p>\n");
                continue;
            }
            p.raw("<figure>\n<div class=\"svg-wrap\">\n").raw(f.svg()).raw("</div>\n<figcaption>");
            p.raw("<a href=\"" + Escape.html(f.svgFile()) + "\">SVG</a>");
            if (f.pngFile() != null) p.raw("<a href=\"" + Escape.html(f.pngFile()) + "\">PNG, 300 dpi</a>");
            p.raw("</figcaption>\n</figure>\n");
        }
        p.raw("</section>\n");
    }

}
