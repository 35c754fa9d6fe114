package org.initlab.report;

import com.fasterxml.jackson.databind.JsonNode;
import org.initlab.report.browser.Browser;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Opens the report of a small real study in headless Chromium: no console errors, exceptions,
 * failed loads or dialogs; every figure rendered; sorting, legend toggles and hover values work;
 * a study named {@code <script>alert(1)</script>} shows as text. Saves a screenshot under target/.
 * Skipped where Chromium is not installed (.ci/run installs it).
 */
class ReportBrowserTest {
    static final String HOSTILE = "<script>alert(1)</script>";

    @Test
    void reportOfARealStudyRendersCleanlyInChromium() throws Exception {
        Path chromium = Browser.executable();
        assumeTrue(chromium != null, "chromium is not installed");
        Path work = Path.of("target", "report-browser-test").toAbsolutePath();
        deleteTree(work);
        String yaml = SmallStudy.spec(HOSTILE, "</script><!-- \"quoted\" & 'apostrophes' -->",
                "factors:\n"
                        + "  initializer: [{name: zeros, label: zero, bias: zeros}, {name: xavier_uniform, label: xavier},"
                        + " {name: kaiming_uniform, label: 'he<img src=x onerror=alert(2)>'}]\n"
                        + "  activation: [relu, tanh]\n", 2, 3);
        Path study = SmallStudy.run(work.resolve("study"), yaml);
        ReportWriter.Written w = ReportWriter.write(study, ReportWriter.Options.defaults(study));
        String html = Files.readString(w.html(), StandardCharsets.UTF_8);
        assertFalse(html.contains(HOSTILE), "the study name is escaped");
        assertFalse(html.contains("<img src=x"), "labels are escaped");

        try (Browser b = Browser.start(chromium, work.resolve("profile"), 1400, 1000)) {
            b.open(w.html().toUri());
            JsonNode page = b.evaluate("({expected: +document.body.dataset.figuresExpected, rendered: +document.body.dataset.figuresRendered,"
                    + " h1: document.querySelector('h1').textContent, meta: JSON.parse(document.getElementById('report-meta').textContent).study,"
                    + " scripts: document.scripts.length, images: document.images.length, svgs: document.querySelectorAll('svg.figure-svg').length})");
            assertTrue(page.get("expected").asInt() >= 8, "figures listed: " + page);
            assertEquals(page.get("expected").asInt(), page.get("rendered").asInt(), "every figure rendered: " + page);
            assertEquals(page.get("expected").asInt(), page.get("svgs").asInt());
            assertEquals(HOSTILE, page.get("h1").asText(), "the name shows as text");
            assertEquals(HOSTILE, page.get("meta").asText(), "the JSON in the page round-trips");
            assertEquals(2, page.get("scripts").asInt(), "only the report's own script blocks");
            assertEquals(0, page.get("images").asInt(), "no element was injected");

            // sort the summary table by final test accuracy, descending: the first row is then the best
            JsonNode sorted = b.evaluate("(() => { const th = [...document.querySelectorAll('#summary-table th')].find(t => t.textContent.startsWith('final test'));"
                    + " th.click(); th.click(); const col = th.cellIndex; const vals = [...document.querySelectorAll('#summary-table tbody tr')]"
                    + ".map(r => r.cells[col].dataset.sort).filter(v => v !== '').map(Number);"
                    + " return {order: th.getAttribute('aria-sort'), vals}; })()");
            assertEquals("descending", sorted.get("order").asText());
            List<Double> vals = new java.util.ArrayList<>();
            sorted.get("vals").forEach(v -> vals.add(v.asDouble()));
            for (int i = 1; i < vals.size(); i++) assertTrue(vals.get(i - 1) >= vals.get(i), "sorted: " + vals);

            // a legend click hides that series in its figure, a second click shows it again
            JsonNode toggled = b.evaluate("(() => { const e = document.querySelector('svg.figure-svg .legend-entry[data-series]'); const svg = e.ownerSVGElement;"
                    + " const key = e.getAttribute('data-series'); const hidden = () => [...svg.querySelectorAll('.series.off')].length;"
                    + " e.dispatchEvent(new MouseEvent('click', {bubbles: true})); const off = hidden();"
                    + " e.dispatchEvent(new MouseEvent('click', {bubbles: true})); return {key, off, after: hidden()}; })()");
            assertTrue(toggled.get("off").asInt() > 0, "series hidden: " + toggled);
            assertEquals(0, toggled.get("after").asInt(), "and shown again: " + toggled);

            // hovering a curve panel shows the values of every series at that epoch
            JsonNode hover = b.evaluate("(() => { const t = document.querySelector('.hover-target'); const r = t.getBoundingClientRect();"
                    + " t.scrollIntoView(); const q = t.getBoundingClientRect();"
                    + " t.dispatchEvent(new MouseEvent('mousemove', {bubbles: true, clientX: q.left + q.width * 0.6, clientY: q.top + q.height / 2}));"
                    + " const tip = document.getElementById('tip'); return {shown: tip.style.display, text: tip.textContent,"
                    + " rows: tip.querySelectorAll('.tip-row').length}; })()");
            assertEquals("block", hover.get("shown").asText(), "tooltip shown: " + hover);
            assertTrue(hover.get("text").asText().startsWith("epoch"), "tooltip: " + hover);
            assertTrue(hover.get("rows").asInt() >= 2, "one row per series: " + hover);

            // a hidden series leaves the tooltip too
            JsonNode fewer = b.evaluate("(() => { const t = document.querySelector('.hover-target'); const svg = t.ownerSVGElement;"
                    + " const e = svg.querySelector('.legend-entry[data-series]'); e.dispatchEvent(new MouseEvent('click', {bubbles: true}));"
                    + " const q = t.getBoundingClientRect();"
                    + " t.dispatchEvent(new MouseEvent('mousemove', {bubbles: true, clientX: q.left + q.width * 0.6, clientY: q.top + q.height / 2}));"
                    + " const rows = document.getElementById('tip').querySelectorAll('.tip-row').length;"
                    + " e.dispatchEvent(new MouseEvent('click', {bubbles: true})); document.body.dispatchEvent(new MouseEvent('mousemove', {bubbles: true}));"
                    + " return {rows, hidden: document.getElementById('tip').style.display}; })()");
            assertEquals(hover.get("rows").asInt() - 1, fewer.get("rows").asInt(), "hidden series not listed: " + fewer);
            assertEquals("none", fewer.get("hidden").asText(), "moving off the plot hides the tooltip");

            b.evaluate("window.scrollTo(0, 0), true");
            Path shot = Path.of("target", "report-screenshot.png").toAbsolutePath();
            b.screenshot(shot);
            assertTrue(Files.size(shot) > 50_000, "screenshot written");
            assertEquals(List.of(), b.problems(), "no console errors, exceptions, failed loads or dialogs");
        }
    }

    static void deleteTree(Path p) throws java.io.IOException {
        if (!Files.exists(p)) return;
        try (var s = Files.walk(p)) {
            for (Path q : s.sorted(java.util.Comparator.reverseOrder()).toList()) Files.delete(q);
        }
    }
}
