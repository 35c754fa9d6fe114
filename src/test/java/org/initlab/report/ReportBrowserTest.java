package org.initlab.report;

import com.fasterxml.jackson.databind.JsonNode;
import org.initlab.report.browser.Browser;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Opens the report of a small real study in headless Chromium: no console errors, exceptions,
 * failed loads or dialogs, and no request but the page; every figure rendered; sorting, legend
 * toggles and hover values work; the interactive curves zoom, pan, smooth and drill down; a panel
 * saves alone as SVG and 300 dpi PNG; a study named {@code <script>alert(1)</script>} shows as
 * text. Saves a screenshot under target/.
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
            assertEquals(4, page.get("scripts").asInt(), "the meta and curve data (JSON), uPlot and the report's script, nothing else");
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

            // the summary table fits its column at 1400 px: it scrolls inside, the factor columns stay in view
            JsonNode fits = b.evaluate("(() => { const t = document.getElementById('summary-table'), wrap = t.parentNode;"
                    + " const page = document.documentElement.scrollWidth <= innerWidth; const inside = wrap.scrollWidth > wrap.clientWidth;"
                    + " wrap.scrollLeft = 300; const first = t.tBodies[0].rows[0].cells[0].getBoundingClientRect().left - wrap.getBoundingClientRect().left;"
                    + " wrap.scrollLeft = 0; const pinned = [...t.tHead.rows[0].cells].filter(c => c.classList.contains('fixed'))"
                    + ".reduce((w, c) => w + c.getBoundingClientRect().width, 0);"
                    + " return {page, inside, first, pinned, wrap: wrap.clientWidth, main: document.querySelector('main').clientWidth}; })()");
            assertTrue(fits.get("pinned").asDouble() > 0 && fits.get("pinned").asDouble() <= 0.4 * fits.get("wrap").asDouble(),
                    "the fixed columns take at most 40% of the frame: " + fits);
            assertTrue(fits.get("page").asBoolean(), "the page does not scroll sideways: " + fits);
            assertTrue(fits.get("wrap").asInt() <= fits.get("main").asInt(), "the table's box fits its column: " + fits);
            if (fits.get("inside").asBoolean()) assertTrue(Math.abs(fits.get("first").asDouble()) < 3, "the first column stays in view while the table scrolls: " + fits);

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

            interactiveCurves(b);
            singlePanels(b, work.resolve("downloads"));

            b.evaluate("window.scrollTo(0, 0), true");
            Path shot = Path.of("target", "report-screenshot.png").toAbsolutePath();
            b.screenshot(shot);
            assertTrue(Files.size(shot) > 50_000, "screenshot written");
            assertEquals(List.of(), b.problems(), "no console errors, exceptions, failed loads or dialogs");
            List<String> network = b.requests().stream().filter(u -> !u.equals(w.html().toUri().toString()) && !u.startsWith("blob:")).toList();
            assertEquals(List.of(), network, "nothing but the page itself (and the page's own blobs) was requested");
        }
    }

    /** The x range of the explorer's charts: [min, max] of each. */
    static double[][] ranges(Browser b, String list) {
        JsonNode r = b.evaluate("initlabReport.explorer." + list + ".map(u => [u.scales.x.min, u.scales.x.max])");
        double[][] out = new double[r.size()][];
        for (int i = 0; i < r.size(); i++) out[i] = new double[]{r.get(i).get(0).asDouble(), r.get(i).get(1).asDouble()};
        return out;
    }

    /** Zoom by dragging, pan by Shift-dragging and the wheel, reset; the smoothing slider; the accuracy views; the drill-down. */
    static void interactiveCurves(Browser b) throws InterruptedException {
        JsonNode charts = b.evaluate("({n: initlabReport.explorer.charts.length, canvases: document.querySelectorAll('#explorer-charts canvas').length,"
                + " scenarios: document.querySelectorAll('#explorer-scenario option').length})");
        assertEquals(4, charts.get("n").asInt(), "four charts: " + charts);
        assertTrue(charts.get("scenarios").asInt() >= 2, "a scenario per activation: " + charts);
        double[][] before = ranges(b, "charts");
        // a log axis's ends are one significant digit round (uPlot's log ticks loop forever or throw a RangeError otherwise)
        JsonNode ends = b.evaluate("(() => { const log = initlabReport.explorer.charts.filter(u => u.scales.y.distr === 3);"
                + " return {n: log.length, odd: log.flatMap(u => [u.scales.y.min, u.scales.y.max]).filter(v => !(v > 0) || Number(v.toPrecision(1)) !== v)}; })()");
        assertTrue(ends.get("n").asInt() >= 3, "the loss charts and test error are on log axes: " + ends);
        assertEquals(0, ends.get("odd").size(), "log axes end on round numbers: " + ends);

        // a drag across the test-loss chart zooms every chart to those epochs
        JsonNode r = b.evaluate("(() => { const u = initlabReport.explorer.charts[2]; u.over.scrollIntoView({block: 'center'});"
                + " const q = u.over.getBoundingClientRect(); return {left: q.left, top: q.top, width: q.width, height: q.height}; })()");
        double left = r.get("left").asDouble(), top = r.get("top").asDouble(), width = r.get("width").asDouble(), height = r.get("height").asDouble();
        double y = top + height / 2;
        b.mouse("mouseMoved", left + width * 0.3, y, 0, 0);
        b.mouse("mousePressed", left + width * 0.3, y, 0, 0);
        for (double f = 0.35; f <= 0.71; f += 0.05) b.mouse("mouseMoved", left + width * f, y, 0, 0);
        b.mouse("mouseReleased", left + width * 0.7, y, 0, 0);
        double[][] zoomed = ranges(b, "charts");
        double span = before[2][1] - before[2][0];
        assertEquals(0.4 * span, zoomed[2][1] - zoomed[2][0], 0.05 * span, "zoomed to the dragged stretch");
        for (double[] z : zoomed) assertArrayEquals(zoomed[2], z, 1e-9, "every chart zoomed with it");

        // Shift-drag pans: the same width, moved
        b.mouse("mousePressed", left + width * 0.6, y, 8, 0);
        for (double f = 0.55; f >= 0.39; f -= 0.05) b.mouse("mouseMoved", left + width * f, y, 8, 0);
        b.mouse("mouseReleased", left + width * 0.4, y, 8, 0);
        double[][] panned = ranges(b, "charts");
        assertEquals(zoomed[2][1] - zoomed[2][0], panned[2][1] - panned[2][0], 1e-9, "panning keeps the width");
        assertTrue(panned[2][0] > zoomed[2][0] + 0.1 * (zoomed[2][1] - zoomed[2][0]), "and moves right: " + panned[2][0] + " vs " + zoomed[2][0]);

        // the wheel zooms out around the pointer; Reset shows everything again
        b.mouse("mouseWheel", left + width / 2, y, 0, 120);
        double[][] wheeled = ranges(b, "charts");
        assertTrue(wheeled[2][1] - wheeled[2][0] > panned[2][1] - panned[2][0] * 1.1, "the wheel zooms out");
        b.evaluate("document.getElementById('explorer-reset').click(), true");
        assertArrayEquals(before[2], ranges(b, "charts")[2], 1e-9, "reset");

        // the smoothing slider smooths the minibatch losses: less change from step to step
        String roughness = "(() => { const d = initlabReport.explorer.charts[0].data[1]; let s = 0;"
                + " for (let i = 1; i < d.length; i++) if (d[i] != null && d[i-1] != null) s += Math.abs(Math.log(d[i]) - Math.log(d[i-1])); return s; })()";
        b.evaluate("(() => { const s = document.getElementById('explorer-smoothing'); s.value = 0; s.dispatchEvent(new Event('input')); return true; })()");
        double raw = b.evaluate(roughness).asDouble();
        b.evaluate("(() => { const s = document.getElementById('explorer-smoothing'); s.value = 0.95; s.dispatchEvent(new Event('input')); return true; })()");
        double smooth = b.evaluate(roughness).asDouble();
        assertTrue(raw > 0 && smooth < 0.5 * raw, "smoothing: " + raw + " → " + smooth);
        assertEquals("0.95", b.evaluate("document.getElementById('explorer-smoothing-value').textContent").asText());

        // the accuracy views: the explorer and the figures switch together
        b.evaluate("(() => { const r = document.querySelector('#explorer input[value=accuracy]'); r.click(); return true; })()");
        JsonNode acc = b.evaluate("({distr: initlabReport.explorer.charts[3].scales.y.distr, title: document.querySelectorAll('.explorer-title')[3].textContent,"
                + " shown: [...document.querySelectorAll('svg g.variant[data-choice=accuracy]')].filter(g => g.getAttribute('display') !== 'none')"
                + ".map(g => g.dataset.options)})");
        assertEquals(1, acc.get("distr").asInt(), "accuracy on a linear axis: " + acc);
        assertTrue(acc.get("title").asText().contains("accuracy (%)"), acc.toString());
        acc.get("shown").forEach(o -> assertEquals("accuracy", o.asText(), "the figures show accuracy too"));
        b.evaluate("(() => { document.querySelector('#explorer input[value=difference]').click(); return true; })()");
        assertTrue(b.evaluate("document.querySelectorAll('.explorer-title')[3].textContent").asText().contains("paired by seed"));
        b.evaluate("(() => { document.querySelector('#explorer input[value=error]').click(); return true; })()");
        assertEquals(3, b.evaluate("initlabReport.explorer.charts[3].scales.y.distr").asInt(), "error on a log axis again");

        // drill-down: a configuration's seeds and its layers' histograms over epochs
        JsonNode drill = b.evaluate("(() => { document.querySelectorAll('#explorer-legend .explorer-open')[1].click();"
                + " const d = document.getElementById('explorer-drill'); return {hidden: d.hidden, head: d.querySelector('h4').textContent,"
                + " charts: initlabReport.explorer.drill.length, series: initlabReport.explorer.drill[2].series.length - 1,"
                + " layers: initlabReport.explorer.drillLayers.length, epochs: initlabReport.explorer.drillLayers[0].series.length - 1}; })()");
        assertFalse(drill.get("hidden").asBoolean(), drill.toString());
        assertTrue(drill.get("head").asText().contains("2 seeds"), drill.toString());
        assertEquals(4, drill.get("charts").asInt(), "seeds' curves: " + drill);
        assertEquals(2, drill.get("series").asInt(), "a line per seed: " + drill);
        assertEquals(3, drill.get("layers").asInt(), "a chart per layer: " + drill);
        assertEquals(4, drill.get("epochs").asInt(), "a histogram per epoch, 0 to 3: " + drill);
        // whether a chart's first series draws its points (uPlot keeps points.show as a function of the chart and series)
        JsonNode row = b.evaluate("(() => { const shows = u => { const s = u.series[1].points.show; return !!(typeof s === 'function' ? s(u, 1) : s); };"
                + " const r = initlabReport.explorer.drill.map(u => u.root.closest('.explorer-chart').getBoundingClientRect());"
                + " return {tops: [...new Set(r.map(q => Math.round(q.top)))].length, widths: r.map(q => Math.round(q.width)),"
                + " host: document.querySelector('#explorer-drill .explorer-charts').clientWidth,"
                + " points: shows(initlabReport.explorer.drill[2]), lines: !shows(initlabReport.explorer.drill[0]), title: document.querySelectorAll('#explorer-drill .explorer-title')[3].textContent}; })()");
        assertEquals(1, row.get("tops").asInt(), "the seeds' four charts in one row: " + row);
        assertTrue(row.get("points").asBoolean(), "per-epoch values as points too (a split measured at the end only is one point): " + row);
        assertTrue(row.get("lines").asBoolean(), "minibatch losses as lines only: " + row);
        assertTrue(row.get("title").asText().contains("error, each seed (%), log axis"), "accuracy as the explorer shows it: " + row);
        JsonNode asinh = b.evaluate("(() => { const s = document.querySelector('#explorer-drill .drill-axis'); s.value = 'asinh'; s.dispatchEvent(new Event('change'));"
                + " const k = document.querySelector('#explorer-drill .drill-kind'); k.value = 'activations'; k.dispatchEvent(new Event('change'));"
                + " return {distr: initlabReport.explorer.drillLayers[0].scales.x.distr, n: initlabReport.explorer.drillLayers.length}; })()");
        assertEquals(4, asinh.get("distr").asInt(), "asinh axis: " + asinh);
        // clicking a line in a chart opens that configuration
        JsonNode picked = b.evaluate("(() => { const u = initlabReport.explorer.charts[3]; const k = u.series.findIndex(s => s.member === 0);"
                + " u.over.scrollIntoView({block: 'center'}); const i = Math.floor(u.data[0].length / 2);"
                + " const x = u.valToPos(u.data[0][i], 'x'), y = u.valToPos(u.data[k][i], 'y'); const q = u.over.getBoundingClientRect();"
                + " return {x: q.left + x, y: q.top + y}; })()");
        b.mouse("mouseMoved", picked.get("x").asDouble(), picked.get("y").asDouble(), 0, 0);
        b.mouse("mousePressed", picked.get("x").asDouble(), picked.get("y").asDouble(), 0, 0);
        b.mouse("mouseReleased", picked.get("x").asDouble(), picked.get("y").asDouble(), 0, 0);
        assertEquals(0, b.evaluate("initlabReport.explorer.drillMember").asInt(), "the clicked line's configuration");
    }

    /** One panel of a figure saved alone: an SVG 8 cm wide per 250 px with every text ≥ 8 pt, a PNG at 300 dpi; the buttons download them. */
    static void singlePanels(Browser b, Path downloads) throws Exception {
        JsonNode svg = b.evaluate("(async () => { const id = document.querySelector('svg.figure-svg[id^=curves]').id;"
                + " const text = await (await initlabReport.exportPanel(id, 3, 'svg')).text();"
                + " const doc = new DOMParser().parseFromString(text, 'image/svg+xml'); const root = doc.documentElement;"
                + " const sizes = [...doc.querySelectorAll('text')].map(t => +t.getAttribute('font-size'));"
                + " return {id, width: root.getAttribute('width'), viewBox: root.getAttribute('viewBox'), error: doc.querySelector('parsererror') !== null,"
                + " min: Math.min(...sizes), texts: sizes.length, legend: doc.querySelectorAll('.legend-entry').length,"
                + " hidden: doc.querySelectorAll('[display=none]').length, name: doc.querySelector('text').textContent}; })()");
        assertFalse(svg.get("error").asBoolean(), svg.toString());
        String[] box = svg.get("viewBox").asText().split(" ");
        assertEquals(Double.parseDouble(box[2]) * 8 / 250, Double.parseDouble(svg.get("width").asText().replace("cm", "")), 1e-3, "8 cm per 250 px: " + svg);
        assertEquals("8.000cm", svg.get("width").asText(), "a curve panel is 8 cm wide");
        assertTrue(svg.get("min").asDouble() * 8 / 250 / 2.54 * 72 >= 8, "every text at least 8 pt when printed: " + svg);
        assertTrue(svg.get("texts").asInt() > 10 && svg.get("legend").asInt() >= 2, "ticks, labels and the legend of its series: " + svg);
        assertEquals(0, svg.get("hidden").asInt(), "only the view shown: " + svg);
        assertTrue(svg.get("name").asText().contains("error"), "named by its row and title: " + svg);

        JsonNode png = b.evaluate("(async () => { const id = document.querySelector('svg.figure-svg[id^=curves]').id;"
                + " const bytes = new Uint8Array(await (await initlabReport.exportPanel(id, 0, 'png')).arrayBuffer()); const v = new DataView(bytes.buffer);"
                + " const type = i => String.fromCharCode(...bytes.slice(i, i + 4)); let phys = null, i = 8, dark = 0;"
                + " while (i < bytes.length) { const len = v.getUint32(i); if (type(i + 4) === 'pHYs') phys = [v.getUint32(i + 8), v.getUint32(i + 12), bytes[i + 16]];"
                + " i += 12 + len; }"
                + " const img = await createImageBitmap(new Blob([bytes], {type: 'image/png'})); const c = new OffscreenCanvas(img.width, img.height);"
                + " const g = c.getContext('2d'); g.drawImage(img, 0, 0); const px = g.getImageData(0, 0, img.width, img.height).data;"
                + " for (let k = 0; k < px.length; k += 4) if (px[k] < 128) dark++;"
                + " return {signature: String.fromCharCode(...bytes.slice(1, 4)), width: v.getUint32(16), height: v.getUint32(20), phys, dark}; })()");
        assertEquals("PNG", png.get("signature").asText(), png.toString());
        assertEquals(Math.round(8 / 2.54 * 300), png.get("width").asInt(), "8 cm at 300 dpi: " + png);
        assertEquals(11811, png.get("phys").get(0).asInt(), "300 dpi recorded: " + png);
        assertEquals(1, png.get("phys").get(2).asInt(), "per metre");
        assertTrue(png.get("dark").asInt() > 2000, "the panel was drawn into it: " + png);

        b.allowDownloads(downloads);
        b.evaluate("(() => { const s = document.querySelector('.panel-export'); s.querySelector('select').value = '1';"
                + " s.querySelector('button[data-format=png]').click(); s.querySelector('button[data-format=svg]').click(); return true; })()");
        String id = svg.get("id").asText();
        Path pngFile = downloads.resolve(id + "-panel-2.png"), svgFile = downloads.resolve(id + "-panel-2.svg");
        for (int i = 0; i < 100 && !(Files.isRegularFile(pngFile) && Files.isRegularFile(svgFile)); i++) Thread.sleep(100);
        assertTrue(Files.size(pngFile) > 10_000, "the PNG button downloads the panel");
        assertTrue(Files.readString(svgFile).startsWith("<?xml"), "the SVG button downloads the panel");
    }

    static void deleteTree(Path p) throws java.io.IOException {
        if (!Files.exists(p)) return;
        try (var s = Files.walk(p)) {
            for (Path q : s.sorted(java.util.Comparator.reverseOrder()).toList()) Files.delete(q);
        }
    }
}
