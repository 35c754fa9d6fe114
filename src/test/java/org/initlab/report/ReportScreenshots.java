package org.initlab.report;

import org.initlab.report.browser.Browser;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Not a check: screenshots of an existing report, section by section, at 1400 and 1920 px, for a
 * person to look at. Runs only when asked:
 * {@code mvn test -Dtest=ReportScreenshots -Dreport.page=STUDY/report.html -Dreport.shots=DIR}.
 */
class ReportScreenshots {
    @Test
    void sectionsAtTwoWidths() throws Exception {
        String page = System.getProperty("report.page"), dir = System.getProperty("report.shots");
        assumeTrue(page != null && dir != null, "report.page and report.shots not set");
        Path chromium = Browser.executable();
        assumeTrue(chromium != null, "chromium is not installed");
        for (int width : new int[]{1400, 1920}) {
            Path profile = Files.createTempDirectory("shots");
            try (Browser b = Browser.start(chromium, profile, width, 1200)) {
                b.open(Path.of(page).toAbsolutePath().toUri());
                Thread.sleep(1500);
                var tops = b.evaluate("[...document.querySelectorAll('main > section')].map(s => ({id: s.id, top: s.getBoundingClientRect().top + scrollY,"
                        + " height: s.getBoundingClientRect().height}))");
                for (var s : tops) {
                    double top = s.get("top").asDouble(), height = s.get("height").asDouble();
                    for (int part = 0; part * 2400 < height && part < 6; part++) {
                        b.screenshot(Path.of(dir, width + "-" + s.get("id").asText() + "-" + part + ".png"), top + part * 2400, Math.min(2400, height - part * 2400));
                    }
                }
                b.screenshot(Path.of(dir, width + "-top.png"), 0, 1200);
                // the drill-down of the first scenario's last configuration, opened as a reader would
                b.evaluate("(() => { const n = document.querySelectorAll('#explorer-legend .explorer-open'); if (n.length) n[n.length - 1].click(); return true; })()");
                var drill = b.evaluate("(() => { const d = document.getElementById('explorer'); return d ? {top: d.getBoundingClientRect().top + scrollY,"
                        + " height: d.getBoundingClientRect().height} : null; })()");
                if (drill != null && !drill.isNull()) b.screenshot(Path.of(dir, width + "-explorer-drill.png"), drill.get("top").asDouble(), drill.get("height").asDouble());
                System.out.println(width + " px: problems " + b.problems());
            }
        }
    }
}
