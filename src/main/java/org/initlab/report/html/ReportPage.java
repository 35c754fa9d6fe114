package org.initlab.report.html;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.initlab.Version;
import org.initlab.report.figures.SeriesColours;
import org.initlab.report.model.Comparison;
import org.initlab.report.model.ConfigurationSummary;
import org.initlab.report.model.Ranking;
import org.initlab.report.model.RunGroup;
import org.initlab.report.model.StudyAggregate;
import org.initlab.report.model.StudyDesign;
import org.initlab.report.text.Finding;
import org.initlab.report.text.Values;
import org.initlab.study.RunRecord;
import org.initlab.study.StudyManifest;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

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
        findingsSection(p, findings);
        summarySection(p, agg, colours, csvFile, markdownFile);
        figureSection(p, "rq1", "1. How does each initialization train?",
                "Training loss, held-out loss and accuracy per epoch, one row per scenario. Each initializer keeps its colour throughout the report. "
                        + "Hover over a panel to read the values; click a legend entry to hide or show a series.", figures.curves());
        figureSection(p, "rq2", "2. How does it interact with activation, optimizer and depth?",
                "Final test accuracy of every combination the study ran, as heatmaps and as lines across the other factor's levels.", figures.interactions());
        List<Finding> interactions = findings.stream().filter(f -> f.kind() == Finding.Kind.INTERACTION).toList();
        if (!interactions.isEmpty()) findingList(p, interactions);
        rankingSection(p, agg, colours, findings);
        String capped = figures.layerScenariosShown() < figures.scenarios()
                ? " Showing the first " + figures.layerScenariosShown() + " of " + figures.scenarios() + " scenarios, in the spec's order." : "";
        figureSection(p, "weights", "Weights", "Per layer, the distribution of the weights at initialisation (grey) and after training (colour), seeds summed."
                + capped, figures.weights());
        figureSection(p, "activations", "Activations", "Per layer, what the units output on a fixed probe batch at initialisation and after training, with the share of dead or saturated units."
                + capped, figures.activations());
        figureSection(p, "gradients", "Gradient flow", "Gradient norms and update:weight ratios per layer and epoch (log scale): where gradients vanish or explode."
                + capped, figures.gradients());
        provenance(p, agg);
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

    private static void findingsSection(Page p, List<Finding> findings) {
        p.raw("<section id=\"findings\">\n<h2>Findings</h2>\n");
        p.element("p", "class=\"note\"", "Every sentence below is computed from the runs. A claim is significant when the paired t-test across seeds, Holm-corrected within its scenario, gives p ≤ 0.05.");
        List<Finding> ordered = new ArrayList<>();
        for (Finding.Kind k : List.of(Finding.Kind.INTERACTION, Finding.Kind.BEST, Finding.Kind.FAILURE, Finding.Kind.DIVERGENCE)) {
            for (Finding f : findings) if (f.kind() == k) ordered.add(f);
        }
        if (ordered.isEmpty()) p.element("p", "", "No comparison is possible: every scenario has a single configuration.");
        else findingList(p, ordered);
        p.raw("</section>\n");
    }

    private static void findingList(Page p, List<Finding> findings) {
        p.raw("<ul class=\"findings\">\n");
        for (Finding f : findings) {
            String cls, badge;
            switch (f.kind()) {
                case FAILURE -> { cls = "fail"; badge = "fails"; }
                case DIVERGENCE -> { cls = "fail"; badge = "diverged"; }
                default -> {
                    if (!f.tested()) { cls = "info"; badge = "no test"; }
                    else if (f.significant()) { cls = "sig"; badge = "significant"; }
                    else { cls = "ns"; badge = "not significant"; }
                }
            }
            p.raw("<li class=\"" + cls + "\"><span class=\"badge " + cls + "\">").text(badge).raw("</span>").text(f.text()).raw("</li>\n");
        }
        p.raw("</ul>\n");
    }

    /** The factors shown as columns: those that vary in the study, or the primary one if none does. */
    static List<String> factorColumns(StudyAggregate agg) {
        List<String> v = agg.design().varying();
        return v.isEmpty() ? List.of(StudyDesign.INITIALIZER) : v;
    }

    private static void summarySection(Page p, StudyAggregate agg, SeriesColours colours, String csvFile, String markdownFile) {
        p.raw("<section id=\"summary\">\n<h2>Summary table</h2>\n");
        p.raw("<p class=\"note\">One row per configuration; values are the mean over seeds ± the half-width of its 95% confidence interval (t distribution)"
                + (agg.minSeeds() == 1 ? "; with 1 seed there is no interval" : "") + ". Epochs to 90% / 97%: the first epoch whose validation accuracy"
                + " reaches it, over the seeds that do; — where validation is measured only at the end. Click a column to sort. Also as ")
                .raw("<a href=\"" + Escape.html(csvFile) + "\">").text(csvFile).raw("</a> and ")
                .raw("<a href=\"" + Escape.html(markdownFile) + "\">").text(markdownFile).raw("</a>.</p>\n");
        List<String> factors = factorColumns(agg);
        boolean experiments = agg.design().experiments().size() > 1;
        p.raw("<div class=\"table-wrap\"><table class=\"sortable\" id=\"summary-table\">\n<thead><tr>");
        for (String f : factors) p.element("th", "class=\"text\"", f.replace('_', ' '));
        if (experiments) p.element("th", "class=\"text\"", "experiments");
        for (String h : List.of("seeds", "final test acc.", "best test acc.", "final val. acc.", "train loss", "val. loss", "test loss",
                "epochs to 90% val.", "epochs to 97% val.", "diverged")) {
            p.element("th", "", h);
        }
        p.raw("</tr></thead>\n<tbody>\n");
        String primary = agg.design().experiments().isEmpty() ? StudyDesign.INITIALIZER : agg.design().experiments().getFirst().primary();
        for (RunGroup g : agg.groups()) {
            ConfigurationSummary s = agg.summary(g);
            p.raw("<tr>");
            for (String f : factors) {
                String level = g.configuration().get(f);
                p.raw("<td class=\"text\" " + Page.attr("data-sort", String.format("%06d", Math.min(999999, agg.design().levelIndex(f, level)))) + ">");
                if (f.equals(primary) && level != null) p.raw("<span class=\"swatch\" style=\"background:" + colours.colour(f, level).hex() + "\"></span>");
                p.text(level == null ? Values.NONE : level).raw("</td>");
            }
            if (experiments) p.element("td", "class=\"text\"", String.join(", ", g.experiments()));
            cell(p, g.seeds(), Integer.toString(g.seeds()));
            cell(p, s.finalTestAccuracy().mean(), Values.accuracy(s.finalTestAccuracy()));
            cell(p, s.bestTestAccuracy().mean(), Values.accuracy(s.bestTestAccuracy()));
            cell(p, s.finalValidationAccuracy().mean(), Values.accuracy(s.finalValidationAccuracy()));
            cell(p, s.finalTrainLoss().mean(), Values.loss(s.finalTrainLoss()));
            cell(p, s.finalValidationLoss().mean(), Values.loss(s.finalValidationLoss()));
            cell(p, s.finalTestLoss().mean(), Values.loss(s.finalTestLoss()));
            cell(p, s.epochsTo90().never() ? Double.POSITIVE_INFINITY : s.epochsTo90().epochs().mean(), Values.epochs(s.epochsTo90()));
            cell(p, s.epochsTo97().never() ? Double.POSITIVE_INFINITY : s.epochsTo97().epochs().mean(), Values.epochs(s.epochsTo97()));
            cell(p, s.divergence().rate(), Values.proportion(s.divergence()));
            p.raw("</tr>\n");
        }
        p.raw("</tbody></table></div>\n</section>\n");
    }

    /** A numeric cell: sorted by {@code key} (empty when NaN; "Infinity" after every number). */
    private static void cell(Page p, double key, String text) {
        String sort = Double.isNaN(key) ? "" : Double.isInfinite(key) ? "1e308" : Double.toString(key);
        p.raw("<td " + Page.attr("data-sort", sort) + ">").text(text).raw("</td>");
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

    private static void rankingSection(Page p, StudyAggregate agg, SeriesColours colours, List<Finding> findings) {
        p.raw("<section id=\"rq3\">\n<h2>3. Which is best where?</h2>\n");
        p.element("p", "", "For each scenario, the configurations ranked by final test accuracy. The best is compared with each other one by a paired t-test"
                + " across seeds (runs with the same seed share data order and random draws), the p-values Holm-corrected within the scenario;"
                + " d_z is the mean paired difference over its standard deviation (Cohen's paired effect size).");
        if (agg.rankings().isEmpty()) {
            p.element("p", "class=\"note\"", "No scenario has more than one configuration to compare.");
            p.raw("</section>\n");
            return;
        }
        boolean experiments = agg.design().experiments().size() > 1;
        p.raw("<div class=\"table-wrap\"><table class=\"sortable\" id=\"ranking-table\">\n<thead><tr>");
        p.element("th", "class=\"text\"", "scenario");
        if (experiments) p.element("th", "class=\"text\"", "experiments");
        for (String h : List.of("best", "test acc.", "runner-up", "margin (points)", "Holm p", "d_z")) p.element("th", h.equals("best") || h.equals("runner-up") ? "class=\"text\"" : "", h);
        p.element("th", "class=\"text\"", "verdict");
        p.element("th", "class=\"text\"", "best against every other");
        p.raw("</tr></thead>\n<tbody>\n");
        for (Ranking r : agg.rankings()) {
            Comparison c = r.runnerUp();
            String primary = r.scenario().primary();
            String best = r.scenario().level(r.best().group()), runner = r.scenario().level(c.other());
            double margin = r.margin();
            p.raw("<tr>");
            p.element("td", "class=\"text\"", r.scenario().title(agg.design()));
            if (experiments) p.element("td", "class=\"text\"", String.join(", ", r.scenario().experiments()));
            p.raw("<td class=\"text\"><span class=\"swatch\" style=\"background:" + colours.colour(primary, best).hex() + "\"></span>").text(best).raw("</td>");
            cell(p, r.best().accuracy().mean(), Values.accuracy(r.best().accuracy().scaled(0.01)));
            p.raw("<td class=\"text\"><span class=\"swatch\" style=\"background:" + colours.colour(primary, runner).hex() + "\"></span>").text(runner).raw("</td>");
            cell(p, margin, Values.points(margin));
            cell(p, c.adjustedP(), c.tested() ? Values.p(c.adjustedP()).replace("p = ", "").replace("p ", "") : "no test");
            cell(p, c.test().effectSize(), Values.effect(c.test().effectSize()));
            String verdict = !c.tested() ? "no test (" + c.test().pairs() + " paired seed" + (c.test().pairs() == 1 ? ")" : "s)")
                    : c.significant() ? "significant" : "not significant";
            p.raw("<td class=\"text " + (c.significant() ? "verdict-sig" : "verdict-ns") + "\">").text(verdict).raw("</td>");
            List<String> against = new ArrayList<>();
            for (Comparison o : r.comparisons()) {
                against.add(r.scenario().level(o.other()) + " " + Values.fixed(o.test().difference().mean(), 2) + " pts ("
                        + (o.tested() ? Values.p(o.adjustedP()) + (o.significant() ? "" : ", n.s.") : "no test") + ")");
            }
            p.element("td", "class=\"wrap\"", String.join("; ", against));
            p.raw("</tr>\n");
        }
        p.raw("</tbody></table></div>\n");
        p.element("p", "class=\"note\"", "Margin: best minus runner-up in final test accuracy, the mean paired difference over the seeds both have. Holm p: the paired test's p-value after Holm's correction; "
                + "n.s.: not significant at 0.05. " + (agg.maxSeeds() < 2 ? "1 seed: no tests are possible." : ""));
        List<Finding> best = findings.stream().filter(f -> f.kind() == Finding.Kind.BEST).toList();
        if (!best.isEmpty()) findingList(p, best);
        p.raw("</section>\n");
    }

    private static void provenance(Page p, StudyAggregate agg) {
        StudyManifest m = agg.data().manifest();
        List<RunRecord> runs = agg.data().runs();
        p.raw("<section id=\"provenance\">\n<h2>Provenance</h2>\n<dl class=\"prov\">\n");
        def(p, "study", m.name() + " (" + m.protocol() + " protocol; grid fingerprint " + m.fingerprint() + ")");
        def(p, "study folder", agg.data().dir().toAbsolutePath().normalize().toString());
        def(p, "runs", runs.size() + " finished of " + m.runs().size() + " planned; " + runs.stream().filter(r -> r.result().diverged()).count() + " diverged");
        def(p, "seeds", m.seeds().toString());
        Set<String> versions = new LinkedHashSet<>();
        versions.add(m.initlab());
        for (RunRecord r : runs) versions.add(r.initlab());
        def(p, "initlab (runs)", String.join(", ", versions));
        def(p, "initlab (report)", Version.current() + ", Java " + Runtime.version());
        def(p, "Java (runs)", distinct(runs, "java"));
        def(p, "machine", distinct(runs, "os") + "; " + distinct(runs, "arch") + "; " + distinct(runs, "processors") + " processors; "
                + distinct(runs, "vector_bits") + "-bit vectors");
        def(p, "created", Values.instant(m.created()));
        String first = runs.stream().map(RunRecord::started).filter(s -> s != null).min(String::compareTo).orElse("—");
        String last = runs.stream().map(RunRecord::finished).filter(s -> s != null).max(String::compareTo).orElse("—");
        def(p, "runs started / finished", Values.instant(first) + " → " + Values.instant(last));
        double compute = 0;
        for (RunRecord r : runs) if (r.result().timing() != null) compute += r.result().timing().totalSeconds();
        def(p, "total compute time", Values.seconds(compute) + " (sum of the runs' training times)");
        Map<String, Object> data = runs.getFirst().data();
        if (data != null) {
            List<String> parts = new ArrayList<>();
            for (String k : List.of("dataset", "format", "location", "origin", "verified", "preprocessing", "validationSize")) {
                if (data.get(k) != null) parts.add(k + " " + data.get(k));
            }
            def(p, "data", String.join("; ", parts));
            if (data.get("files") instanceof List<?> files) {
                List<String> fs = new ArrayList<>();
                for (Object o : files) {
                    if (o instanceof Map<?, ?> f) fs.add(f.get("name") + " (" + f.get("bytes") + " bytes, sha256 " + f.get("sha256") + ")");
                }
                def(p, "data files", String.join("; ", fs));
            }
        }
        p.raw("</dl>\n");
        p.element("h3", "", "Study spec (study.yaml)");
        p.element("pre", "class=\"spec\"", agg.data().specText().isEmpty() ? "(no study.yaml in the folder)" : agg.data().specText());
        p.raw("</section>\n");
    }

    private static String distinct(List<RunRecord> runs, String key) {
        Set<String> s = new LinkedHashSet<>();
        for (RunRecord r : runs) if (r.machine() != null && r.machine().get(key) != null) s.add(r.machine().get(key));
        return s.isEmpty() ? "—" : String.join(", ", s);
    }

    private static void def(Page p, String term, String value) {
        p.element("dt", "", term);
        p.element("dd", "", value);
    }
}
