package org.initlab.report.html;

import org.initlab.io.Escape;
import org.initlab.io.JsonFormat;
import org.initlab.report.model.StudyAggregate;
import org.initlab.report.text.Values;
import org.initlab.study.StudyManifest;

import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * report.html: one self-contained page (inline CSS, script and SVG; no network) — the study's
 * header with a table of contents, then its sections in order. The page writes each section's
 * element and heading, the section its body. All text from the study is escaped.
 */
public final class ReportPage {
    private ReportPage() {}

    public static String html(ReportInput in, List<RenderedSection> sections) {
        checkIds(sections);
        StudyManifest m = in.agg().data().manifest();
        Page p = new Page();
        List<String> scripts = List.of(Assets.UPLOT_SCRIPT, Assets.read("report.js"));
        // No network at all, and only these scripts may run: each is allowed by its hash, so an
        // injected inline script would be refused even if escaping ever failed. Images only from
        // blob: URLs the page's own script makes (a panel drawn into a canvas for its PNG).
        StringBuilder hashes = new StringBuilder();
        for (String sc : scripts) hashes.append(" 'sha256-").append(sha256Base64(sc)).append('\'');
        p.raw("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
                .raw("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
                .raw("<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'; img-src blob:; script-src"
                        + hashes + "\">\n")
                .element("title", "", m.name() + " — initlab report")
                .raw("<style>\n").raw(Assets.UPLOT_CSS).raw("\n").raw(Assets.read("report.css")).raw("</style>\n</head>\n<body>\n");
        header(p, in, sections);
        p.raw("<main>\n");
        for (RenderedSection s : sections) {
            p.raw("<section id=\"" + s.section().id() + "\">\n");
            p.element("h2", "", s.section().heading(in));
            s.section().write(p, in, s.figures());
            p.raw("</section>\n");
        }
        p.raw("</main>\n");
        p.raw("<script type=\"application/json\" id=\"report-meta\">").raw(Escape.scriptJson(meta(in.agg(), sections))).raw("</script>\n");
        p.raw("<!-- " + Assets.UPLOT_NAME + ", MIT licence (in the provenance section) -->\n");
        for (String sc : scripts) p.raw("<script>").raw(sc).raw("</script>\n");
        p.raw("</body>\n</html>\n");
        return p.toString();
    }

    /** Section ids are anchors written as they are: they must be plain and unique. */
    private static void checkIds(List<RenderedSection> sections) {
        Set<String> seen = new HashSet<>();
        for (RenderedSection s : sections) {
            String id = s.section().id();
            if (!id.matches("[a-z][a-z0-9-]*") || !seen.add(id)) throw new IllegalStateException("section id must be unique lower-case letters, digits, '-': " + id);
        }
    }

    static String sha256Base64(String s) {
        try {
            return java.util.Base64.getEncoder().encodeToString(
                    java.security.MessageDigest.getInstance("SHA-256").digest(s.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** What the page's script reads: the figures it should find drawn (the inline ones). */
    private static String meta(StudyAggregate agg, List<RenderedSection> sections) {
        Map<String, Object> meta = new LinkedHashMap<>();
        meta.put("study", agg.data().manifest().name());
        meta.put("runs", agg.data().runs().size());
        meta.put("configurations", agg.groups().size());
        meta.put("figures", sections.stream().flatMap(s -> s.figures().stream()).filter(RenderedFigure::inline).map(RenderedFigure::id).toList());
        return JsonFormat.inOrder(meta);
    }

    private static void header(Page p, ReportInput in, List<RenderedSection> sections) {
        StudyAggregate agg = in.agg();
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
        for (RenderedSection s : sections) p.raw("<a href=\"#" + s.section().id() + "\">").text(s.section().tocEntry(in)).raw("</a>");
        p.raw("</nav>\n</div></header>\n");
    }

    static String seedsText(StudyAggregate agg) {
        int lo = agg.minSeeds(), hi = agg.maxSeeds();
        if (hi == 1) return "1 seed: no confidence intervals or tests";
        return (lo == hi ? hi : lo + "–" + hi) + " seeds per configuration (paired)";
    }
}
