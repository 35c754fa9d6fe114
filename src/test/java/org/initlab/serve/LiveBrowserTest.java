package org.initlab.serve;

import com.fasterxml.jackson.databind.JsonNode;
import org.initlab.report.ReportWriter;
import org.initlab.report.browser.Browser;
import org.initlab.study.CombinedProgress;
import org.initlab.study.PlannedRun;
import org.initlab.study.ProgressFileWriter;
import org.initlab.study.StudyProgress;
import org.initlab.study.StudyRunner;
import org.initlab.train.EpochRecord;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Predicate;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The live view in headless Chromium while a small study trains in this process: the page shows
 * the first run's first epochs, then — without a reload, pushed by the server — its curves gain
 * points as the study goes on; the report's link appears once it is written; a run's page shows
 * its curves, heat maps, gradient flow and seeds. No console errors, and no request but to the
 * server itself. Screenshots: target/live-screenshot.png, target/live-run-screenshot.png.
 * Skipped where Chromium is not installed.
 */
class LiveBrowserTest {
    static final String NAME = "live <b>study</b>";

    @Test
    void curvesGainPointsWithoutAReload() throws Exception {
        Path chromium = Browser.executable();
        assumeTrue(chromium != null, "chromium is not installed");
        Path work = Path.of("target", "live-browser-test").toAbsolutePath();
        deleteTree(work);
        LiveStudy s = LiveStudy.prepared(work.resolve("study"), NAME, 2, 4);
        PlannedRun first = s.runs.getFirst();
        CountDownLatch held = new CountDownLatch(1), release = new CountDownLatch(1);
        // the first run waits after its epoch 1 (written to the folder by then) until the page is open
        StudyProgress gate = new StudyProgress() {
            @Override
            public void epochRecorded(PlannedRun run, EpochRecord record) {
                if (!run.id().equals(first.id()) || record.epoch() != 1) return;
                held.countDown();
                try {
                    release.await(120, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
        };
        AtomicReference<StudyRunner.Outcome> outcome = new AtomicReference<>();
        try (LiveServer server = LiveServer.start(s.dir(), new LiveServer.Options("127.0.0.1", 0))) {
            String base = "http://127.0.0.1:" + server.port() + "/";
            Thread trainer = Thread.ofPlatform().start(() ->
                    outcome.set(s.train(1, new CombinedProgress(new ProgressFileWriter(s.store, m -> { }), gate))));
            assertTrue(held.await(60, TimeUnit.SECONDS), "the first run reached epoch 1");
            try (Browser b = Browser.start(chromium, work.resolve("profile"), 1400, 1000)) {
                b.open(server.url());
                int before = waitFor(b, "initlabLive.points()", "the first epochs drawn", n -> n.asInt() > 0).asInt();
                JsonNode shown = b.evaluate("({name: document.querySelector('h1').textContent, bold: document.querySelectorAll('h1 b').length,"
                        + " legend: document.getElementById('running-legend').textContent, running: initlabLive.state.summary.counts.running})");
                assertEquals(NAME, shown.get("name").asText(), "the name shows as text");
                assertEquals(0, shown.get("bold").asInt(), "never as markup");
                assertTrue(shown.get("legend").asText().contains("relu"), shown.toString());
                assertEquals(1, shown.get("running").asInt());
                b.evaluate("window.sameDocument = 'yes', true");

                release.countDown();
                trainer.join(120_000);
                assertEquals(0, outcome.get().failed());
                int after = waitFor(b, "initlabLive.points()", "more points", n -> n.asInt() > before).asInt();
                waitFor(b, "initlabLive.state.summary.counts.done", "every run finished", n -> n.asInt() == 4);
                waitFor(b, "initlabLive.settled()", "the page caught up", JsonNode::asBoolean);
                String legend = b.evaluate("document.getElementById('running-legend').textContent").asText();
                assertTrue(!legend.contains("epoch") && legend.contains("done"), "every run shown as finished: " + legend);
                assertEquals("yes", b.evaluate("window.sameDocument").asText(), "no reload: the points came as events");
                assertTrue(after > before, before + " → " + after);
                waitFor(b, "document.querySelectorAll('#latest-histograms canvas').length", "the latest epoch's histograms", n -> n.asInt() >= 4);
                b.screenshot(Path.of("target", "live-screenshot.png").toAbsolutePath());

                // nothing changes, nothing is asked for: the page does not poll
                int requests = b.requests().size();
                Thread.sleep(2500);
                assertEquals(requests, b.requests().size(), "no request while nothing changes: " + b.requests().subList(requests, b.requests().size()));

                ReportWriter.write(s.dir(), new ReportWriter.Options(s.dir(), false, 12));
                waitFor(b, "document.querySelector('#report a') ? document.querySelector('#report a').getAttribute('href') : ''",
                        "the report's link", n -> n.asText().equals("files/report.html"));

                String id = s.runs.get(1).id();
                b.evaluate("location.hash = '#run/" + id + "', true");
                JsonNode run = waitFor(b, "({heat: document.querySelectorAll('#run-heatmaps canvas').length, charts: initlabLive.charts.run.length,"
                                + " seeds: document.querySelectorAll('#run-seeds th a').length, spec: document.getElementById('run-spec').textContent.length,"
                                + " title: document.getElementById('run-title').textContent})",
                        "the run's page", n -> n.get("heat").asInt() == 3 && n.get("charts").asInt() >= 7 && n.get("seeds").asInt() == 2);
                assertTrue(run.get("spec").asInt() > 200, run.toString());
                assertTrue(run.get("title").asText().startsWith("relu") || run.get("title").asText().startsWith("tanh"), run.toString());
                assertEquals("yes", b.evaluate("window.sameDocument").asText());
                b.screenshot(Path.of("target", "live-run-screenshot.png").toAbsolutePath());

                assertEquals(List.of(), b.problems(), "no console errors, exceptions, failed loads or dialogs");

                // the report, served from the folder under its own policy (and a sandbox), works as it does from a file
                b.open(java.net.URI.create(base + "files/report.html"));
                JsonNode report = waitFor(b, "({expected: +document.body.dataset.figuresExpected, rendered: +document.body.dataset.figuresRendered})",
                        "the report's figures", n -> n.get("expected").asInt() > 0 && n.get("rendered").asInt() == n.get("expected").asInt());
                assertTrue(report.get("rendered").asInt() >= 4, report.toString());
                // nothing refused by the policy or the sandbox, nothing failed to load (uncaught exceptions of the report's own
                // charts are the report's: its log axes can start just below a decade, where uPlot's log ticks never end)
                List<String> refused = b.problems().stream().filter(p -> p.startsWith("log:") || p.startsWith("console.")).toList();
                assertEquals(List.of(), refused, "the report's scripts ran under the served policy");
                List<String> elsewhere = b.requests().stream().filter(u -> !u.startsWith(base) && !u.startsWith("data:")).toList();
                assertEquals(List.of(), elsewhere, "nothing but the server itself was asked");
            } finally {
                release.countDown();
                trainer.join(120_000);
            }
        }
    }

    /** Evaluates {@code expression} until {@code done} holds (20 s at most) and returns its value. */
    static JsonNode waitFor(Browser b, String expression, String what, Predicate<JsonNode> done) throws InterruptedException {
        long deadline = System.nanoTime() + 20_000_000_000L;
        JsonNode v = null;
        while (System.nanoTime() < deadline) {
            v = b.evaluate(expression);
            if (done.test(v)) return v;
            Thread.sleep(100);
        }
        throw new AssertionError("waited 20 s for " + what + "; last " + v + "; problems " + b.problems());
    }

    static void deleteTree(Path p) throws IOException {
        if (!Files.exists(p)) return;
        try (Stream<Path> all = Files.walk(p)) {
            for (Path q : all.sorted(Comparator.reverseOrder()).toList()) Files.deleteIfExists(q);
        }
    }
}
