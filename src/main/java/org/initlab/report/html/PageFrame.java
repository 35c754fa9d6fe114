package org.initlab.report.html;

import org.initlab.io.Escape;
import org.initlab.io.JsonFormat;

import java.util.List;
import java.util.Map;

/**
 * What every initlab page shares, around its header and sections: the head (charset, the
 * Content-Security-Policy that forbids the network and allows only the page's own scripts, by
 * hash; the styles), and at the end the data its script reads and the scripts (uPlot and the
 * page's: sortable tables, fixed columns, legend toggles, hover values, views, single panels).
 * The study report ({@link ReportPage}) and the comparison of studies ({@link ComparisonPage})
 * are both written in it.
 */
final class PageFrame {
    private PageFrame() {}

    private static final List<String> SCRIPTS = List.of(Assets.UPLOT_SCRIPT, Assets.read("report.js"));

    /** The doctype, head and the opening body tag. */
    static void open(Page p, String title) {
        // No network at all, and only these scripts may run: each is allowed by its hash, so an
        // injected inline script would be refused even if escaping ever failed. Images only from
        // blob: URLs the page's own script makes (a panel drawn into a canvas for its PNG).
        StringBuilder hashes = new StringBuilder();
        for (String sc : SCRIPTS) hashes.append(" 'sha256-").append(ReportPage.sha256Base64(sc)).append('\'');
        p.raw("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
                .raw("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
                .raw("<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'; img-src blob:; script-src"
                        + hashes + "\">\n")
                .element("title", "", title)
                .raw("<style>\n").raw(Assets.UPLOT_CSS).raw("\n").raw(Assets.read("report.css")).raw("</style>\n</head>\n<body>\n");
    }

    /** The header: a heading, an optional lede, facts in one line, and the table of contents (anchor → entry). */
    static void header(Page p, String heading, String lede, List<String> facts, List<Map.Entry<String, String>> toc) {
        p.raw("<header class=\"top\"><div>\n");
        p.element("h1", "", heading);
        if (lede != null && !lede.isBlank()) p.element("p", "class=\"lede\"", lede);
        p.raw("<div class=\"meta\">");
        for (String f : facts) p.element("span", "", f);
        p.raw("</div>\n<nav class=\"toc\">");
        for (Map.Entry<String, String> e : toc) p.raw("<a href=\"#" + e.getKey() + "\">").text(e.getValue()).raw("</a>");
        p.raw("</nav>\n</div></header>\n");
    }

    /** The page's data for its script (the figures it should find drawn, …), the scripts, and the end of the page. */
    static void close(Page p, Map<String, Object> meta) {
        p.raw("<script type=\"application/json\" id=\"report-meta\">").raw(Escape.scriptJson(JsonFormat.inOrder(meta))).raw("</script>\n");
        p.raw("<!-- " + Assets.UPLOT_NAME + ", MIT licence (in the provenance section) -->\n");
        for (String sc : SCRIPTS) p.raw("<script>").raw(sc).raw("</script>\n");
        p.raw("</body>\n</html>\n");
    }
}
