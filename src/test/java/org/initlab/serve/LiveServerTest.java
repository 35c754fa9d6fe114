package org.initlab.serve;

import org.initlab.study.PlannedRun;
import org.initlab.study.ProgressFileWriter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Changes in the folder reach an open page as events, found by the folder watch (no one polls
 * the server); where watching does not work, the rescan finds them.
 */
class LiveServerTest {
    @TempDir
    Path tmp;

    static void waitFor(String what, long millis, BooleanSupplier done) throws InterruptedException {
        long deadline = System.nanoTime() + millis * 1_000_000L;
        while (!done.getAsBoolean()) {
            if (System.nanoTime() > deadline) throw new AssertionError("waited " + millis + " ms for " + what);
            Thread.sleep(20);
        }
    }

    /** The text of an event stream, read on a thread of its own. */
    static final class Stream implements AutoCloseable {
        final StringBuffer text = new StringBuffer();
        final Socket socket;
        final Thread reader;

        Stream(int port) throws IOException {
            socket = new Socket(InetAddress.getLoopbackAddress(), port);
            socket.setSoTimeout(200);
            socket.getOutputStream().write(RawHttp.request("GET", "/api/events", port).getBytes(StandardCharsets.UTF_8));
            reader = Thread.ofVirtual().start(() -> {
                byte[] buf = new byte[8192];
                try {
                    InputStream in = socket.getInputStream();
                    while (!socket.isClosed()) {
                        try {
                            int n = in.read(buf);
                            if (n < 0) return;
                            text.append(new String(buf, 0, n, StandardCharsets.UTF_8));
                        } catch (SocketTimeoutException e) {
                            // wait on
                        }
                    }
                } catch (IOException closed) {
                    // closed
                }
            });
        }

        int count(String s) {
            String t = text.toString();
            int n = 0;
            for (int i = t.indexOf(s); i >= 0; i = t.indexOf(s, i + 1)) n++;
            return n;
        }

        @Override
        public void close() throws IOException {
            socket.close();
        }
    }

    @Test
    void epochsWrittenToTheFolderArePushedToOpenPages() throws Exception {
        LiveStudy s = LiveStudy.prepared(tmp.resolve("study"), "pushed", 1, 3);
        PlannedRun run = s.runs.getFirst();
        try (LiveServer server = LiveServer.start(s.dir(), new LiveServer.Options("127.0.0.1", 0));
             Stream events = new Stream(server.port())) {
            waitFor("the snapshot", 10_000, () -> events.count("event: snapshot") == 1);
            assertTrue(events.text.toString().contains("\"status\":\"todo\""));
            ProgressFileWriter w = new ProgressFileWriter(s.store, m -> { });
            w.runStarted(run);
            w.epochRecorded(run, FolderReaderTest.epoch(0, 0.3));
            waitFor("the run in training", 10_000, () -> events.text.toString().contains("\"epoch\":0,\"epochs\":3") && events.count("event: run") >= 1);
            w.epochRecorded(run, FolderReaderTest.epoch(1, 0.6));
            waitFor("its epoch 1", 10_000, () -> events.text.toString().contains("\"epoch\":1,\"epochs\":3"));
            assertTrue(events.count("event: study") >= 1, "and the summary");
            RawHttp.Reply page = RawHttp.get(server.port(), "/api/runs/" + run.id() + "?from=1&histograms=0");
            assertEquals(200, page.status());
            assertTrue(page.body().contains("\"epochs\":[{") && page.body().contains("\"validationAccuracy\":0.6"), page.body());
            assertFalse(page.body().contains("\"validationAccuracy\":0.3"), "from epoch 1 on only");
            assertEquals(1, events.count("event: snapshot"), "one snapshot, then changes only");
        }
    }

    @Test
    void theWatchSeesAWriteAtOnceAndTheRescanWhereNothingWatches() throws Exception {
        LiveStudy s = LiveStudy.prepared(tmp.resolve("watched"), "watched", 1, 3);
        PlannedRun run = s.runs.getFirst();
        List<Set<String>> changed = new CopyOnWriteArrayList<>();
        AtomicInteger rescans = new AtomicInteger();
        FolderWatch.Listener listener = new FolderWatch.Listener() {
            @Override
            public void changed(Set<String> runs, boolean root) {
                changed.add(runs);
            }

            @Override
            public void rescan() {
                rescans.incrementAndGet();
            }

            @Override
            public Set<String> follow() {
                return Files.isDirectory(s.store.runDir(run.id())) ? Set.of(run.id()) : Set.of();
            }
        };
        ProgressFileWriter w = new ProgressFileWriter(s.store, m -> { });
        try (FolderWatch watch = new FolderWatch(s.dir(), listener, Duration.ofHours(1), true)) {
            waitFor("the first look", 5000, () -> !changed.isEmpty());
            changed.clear();
            w.runStarted(run);
            waitFor("the new run folder", 5000, () -> changed.stream().anyMatch(c -> c.contains(run.id())));
            Thread.sleep(FolderWatch.SETTLE_MILLIS * 3);
            changed.clear();
            w.epochRecorded(run, FolderReaderTest.epoch(0, 0.3));
            waitFor("the epoch file, through the watch", 5000, () -> changed.stream().anyMatch(c -> c.contains(run.id())));
            assertEquals(0, rescans.get(), "no rescan in an hour");
            assertTrue(watch.how().contains("watched"), watch.how());
        }
        // where the system cannot watch (a network share written by other machines): the rescan finds changes
        try (FolderWatch polled = new FolderWatch(s.dir(), listener, Duration.ofMillis(200), false)) {
            waitFor("two rescans", 5000, () -> rescans.get() >= 2);
            assertTrue(polled.how().contains("rescanned"), polled.how());
        }
    }
}
