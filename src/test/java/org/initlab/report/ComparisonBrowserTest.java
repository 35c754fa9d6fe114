package org.initlab.report;

import com.fasterxml.jackson.databind.JsonNode;
import org.initlab.report.browser.Browser;
import org.initlab.study.RunRecord;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * In headless Chromium: the report of a study with diverged seeds (the explorer marks where they
 * diverged and reads out n where it drops) and a comparison page (figures drawn, tables sorted,
 * factor columns fixed while the table scrolls, hover values), with no console errors and no
 * request but the page. Screenshots at 1400 and 1920 px go to target/. Skipped without Chromium.
 */
class ComparisonBrowserTest {
    /** The readout under the accuracy chart with the pointer (a real mouse move) just left of this epoch (the cursor takes the nearest). */
    static String readout(Browser br, double epoch) {
        JsonNode at = br.evaluate("(() => { const u = initlabReport.explorer.charts[3]; u.over.scrollIntoView({block: 'center'});"
                + " const q = u.over.getBoundingClientRect(); return {x: q.left + u.valToPos(" + epoch + " - 0.1, 'x'), y: q.top + q.height / 2}; })()");
        br.mouse("mouseMoved", at.get("x").asDouble() - 3, at.get("y").asDouble(), 0, 0);
        br.mouse("mouseMoved", at.get("x").asDouble(), at.get("y").asDouble(), 0, 0);
        try {
            Thread.sleep(250); // uPlot moves its cursor on the next animation frame
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return br.evaluate("initlabReport.explorer.charts[3].root.parentNode.parentNode.querySelector('.explorer-readout').textContent").asText();
    }

    @Test
    void divergedSeedsAndAComparisonRenderCleanly() throws Exception {
        Path chromium = Browser.executable();
        assumeTrue(chromium != null, "chromium is not installed");
        Path work = Path.of("target", "comparison-browser-test").toAbsolutePath();
        ReportBrowserTest.deleteTree(work);
        List<RunRecord> diverging = DivergedRunsTest.runs();
        Path study = Fixtures.write(work.resolve("diverging"), DivergedRunsTest.manifest(diverging), diverging, "name: diverging\n");
        ReportWriter.Written report = ReportWriter.write(study, new ReportWriter.Options(study, false, 12));
        Path a = Fixtures.write(work.resolve("a"), CompareTest.manifest("A", CompareTest.runs("A")), CompareTest.runs("A"), "name: seedlike\n");
        Path b = Fixtures.write(work.resolve("b"), CompareTest.manifest("B", CompareTest.runs("B")), CompareTest.runs("B"), "name: seedlike\n");
        ComparisonWriter.Written compare = ComparisonWriter.write(List.of(a, b), work.resolve("a-vs-b"), false);

        for (int width : new int[]{1400, 1920}) {
            try (Browser br = Browser.start(chromium, work.resolve("profile-" + width), width, 1000)) {
                br.open(report.html().toUri());
                // the relu scenario: random's seed 1 diverged in epoch 2
                br.evaluate("(() => { const s = document.getElementById('explorer-scenario'); s.value = '0'; s.dispatchEvent(new Event('change')); return true; })()");
                JsonNode marks = br.evaluate("({marks: initlabReport.explorer.charts[3].initlabMarks.map(m => m.x),"
                        + " steps: initlabReport.explorer.charts[0].initlabMarks.map(m => m.x)})");
                assertEquals("[2]", marks.get("marks").toString(), "the epoch it diverged in: " + marks);
                assertEquals("[1.07]", marks.get("steps").toString(), "and where in training, on the minibatch chart: " + marks);
                String at3 = readout(br, 3), at2 = readout(br, 2);
                assertTrue(at3.contains("random") && at3.contains("(n = 2 of 3)"), "n where it drops: " + at3);
                assertTrue(at2.contains("✕ random: seed 1 diverged in epoch 2 at step 107"), at2);
                br.evaluate("window.scrollTo(0, 0), true");
                assertEquals(List.of(), br.problems(), "the report: no console errors, exceptions or failed loads");

                br.open(compare.html().toUri());
                JsonNode page = br.evaluate("({expected: +document.body.dataset.figuresExpected, rendered: +document.body.dataset.figuresRendered,"
                        + " sections: [...document.querySelectorAll('main > section')].map(s => s.id)})");
                assertEquals(2, page.get("expected").asInt(), page.toString());
                assertEquals(2, page.get("rendered").asInt(), page.toString());
                assertEquals("[\"changes\",\"side-by-side\",\"figures\",\"studies\"]", page.get("sections").toString());
                JsonNode table = br.evaluate("(() => { const t = document.getElementById('side-by-side-1'); const th = [...t.querySelectorAll('th')]"
                        + ".find(h => h.textContent.startsWith('difference')); th.click(); const col = th.cellIndex;"
                        + " const vals = [...t.tBodies[0].rows].map(r => r.cells[col].dataset.sort).filter(v => v !== '').map(Number);"
                        + " const fixed = [...t.querySelectorAll('td.fixed')]; const wrap = t.parentNode; wrap.scrollLeft = 400;"
                        + " const first = t.tBodies[0].rows[0].cells[0].getBoundingClientRect().left - wrap.getBoundingClientRect().left;"
                        + " return {vals, lefts: fixed.slice(0, 2).map(c => c.style.left), first}; })()");
                List<Double> vals = new java.util.ArrayList<>();
                table.get("vals").forEach(v -> vals.add(v.asDouble()));
                assertEquals(4, vals.size());
                for (int i = 1; i < vals.size(); i++) assertTrue(vals.get(i - 1) <= vals.get(i), "sorted: " + vals);
                assertEquals("0px", table.get("lefts").get(0).asText(), "the first factor column is pinned at 0: " + table);
                assertTrue(Double.parseDouble(table.get("lefts").get(1).asText().replace("px", "")) > 30, "the second just right of it: " + table);
                assertTrue(Math.abs(table.get("first").asDouble()) < 3, "it stays in view while the table scrolls: " + table);
                JsonNode hover = br.evaluate("(() => { const t = document.querySelector('#compare-1-difference .hover-target'); t.scrollIntoView();"
                        + " const q = t.getBoundingClientRect(); t.dispatchEvent(new MouseEvent('mousemove', {bubbles: true, clientX: q.left + q.width * 0.2,"
                        + " clientY: q.top + q.height / 2})); return document.getElementById('tip').textContent; })()");
                assertTrue(hover.asText().contains("points") && hover.asText().contains("paired over 3 seeds"), hover.asText());
                br.evaluate("window.scrollTo(0, 0), true");
                br.screenshot(Path.of("target", "compare-screenshot-" + width + ".png").toAbsolutePath());
                assertEquals(List.of(), br.problems(), "the comparison: no console errors, exceptions or failed loads");
                List<String> network = br.requests().stream().filter(u -> !u.equals(report.html().toUri().toString())
                        && !u.equals(compare.html().toUri().toString()) && !u.startsWith("blob:")).toList();
                assertEquals(List.of(), network, "nothing but the pages");
            }
        }
        assertTrue(Files.size(Path.of("target", "compare-screenshot-1400.png")) > 20_000);
    }
}
