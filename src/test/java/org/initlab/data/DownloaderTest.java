package org.initlab.data;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

import static org.initlab.data.TestData.assertUserError;
import static org.initlab.data.TestData.fixture;
import static org.initlab.data.TestData.isolatedEnv;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The downloader against a server on 127.0.0.1: good, corrupt, missing, short, stalled and dead mirrors. */
class DownloaderTest {
    @TempDir
    Path tmp;

    private HttpServer server;
    private ExecutorService executor;
    private final AtomicInteger requests = new AtomicInteger();
    private final List<String> events = Collections.synchronizedList(new ArrayList<>());
    private final Progress recorder = new Progress() {
        @Override
        public void started(String file, URI from, long expectedBytes) {
            events.add("start " + file + " " + from.getPath());
        }

        @Override
        public void finished(String file, boolean ok, String detail) {
            events.add((ok ? "ok " : "failed ") + file + ": " + detail);
        }
    };

    @BeforeEach
    void startServer() throws IOException {
        executor = Executors.newCachedThreadPool();
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.setExecutor(executor);
        server.createContext("/good/", ex -> serve(ex, fileFor(ex, "/good/"), Mode.GOOD));
        server.createContext("/corrupt/", ex -> serve(ex, fileFor(ex, "/corrupt/"), Mode.CORRUPT));
        server.createContext("/short/", ex -> serve(ex, fileFor(ex, "/short/"), Mode.SHORT));
        server.createContext("/stall/", ex -> serve(ex, fileFor(ex, "/stall/"), Mode.STALL));
        server.createContext("/oversized/", ex -> serve(ex, fileFor(ex, "/oversized/"), Mode.OVERSIZED));
        server.createContext("/real/mnist/", ex -> serve(ex, TestData.realMnist().resolve(ex.getRequestURI().getPath().substring(12)), Mode.GOOD));
        server.start();
    }

    @AfterEach
    void stopServer() {
        server.stop(0);
        executor.shutdownNow();
    }

    private enum Mode { GOOD, CORRUPT, SHORT, STALL, OVERSIZED }

    private static Path fileFor(HttpExchange ex, String prefix) {
        return fixture("idx").resolve(ex.getRequestURI().getPath().substring(prefix.length()));
    }

    private void serve(HttpExchange ex, Path file, Mode mode) throws IOException {
        requests.incrementAndGet();
        try (ex) {
            if (!Files.isRegularFile(file)) {
                ex.sendResponseHeaders(404, -1);
                return;
            }
            byte[] body = Files.readAllBytes(file);
            if (mode == Mode.CORRUPT) body[body.length / 2] ^= 1;
            long announced = mode == Mode.OVERSIZED ? body.length + 7 : body.length;
            ex.sendResponseHeaders(200, mode == Mode.OVERSIZED ? 0 : announced);
            OutputStream out = ex.getResponseBody();
            switch (mode) {
                case SHORT -> out.write(body, 0, body.length / 2);
                case STALL -> {
                    out.write(body, 0, body.length / 2);
                    out.flush();
                    try {
                        Thread.sleep(30_000);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                }
                case OVERSIZED -> {
                    out.write(body);
                    out.write(new byte[7]);
                }
                default -> out.write(body);
            }
        }
    }

    private URI base(String path) {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + path);
    }

    /** A port nothing listens on. */
    private static URI deadMirror() throws IOException {
        int port;
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = s.getLocalPort();
        }
        return URI.create("http://127.0.0.1:" + port + "/");
    }

    /** The IDX fixtures as a catalogue dataset, with their real sizes and SHA-256s. */
    private static DatasetSpec tinySpec() throws IOException {
        List<DatasetFile> files = new ArrayList<>();
        DatasetFile.Role[] roles = {DatasetFile.Role.TRAIN_IMAGES, DatasetFile.Role.TRAIN_LABELS, DatasetFile.Role.TEST_IMAGES,
                DatasetFile.Role.TEST_LABELS};
        String[] names = {"train-images-idx3-ubyte.gz", "train-labels-idx1-ubyte.gz", "t10k-images-idx3-ubyte", "t10k-labels-idx1-ubyte.gz"};
        for (int i = 0; i < 4; i++) {
            byte[] bytes = Files.readAllBytes(fixture("idx/" + names[i]));
            String sha = HexFormat.of().formatHex(FileVerifier.sha256().digest(bytes));
            files.add(new DatasetFile(names[i], roles[i], List.of(Digest.sha256(sha, bytes.length, "test")), null));
        }
        return new DatasetSpec("tiny", "test data", Format.IDX, 10, 12, 4, files, List.of(URI.create("https://example.invalid/")),
                List.of(), "tests");
    }

    private Downloader downloader(Duration stall) {
        HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        return new Downloader(client, stall, recorder);
    }

    private static List<String> leftovers(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) return List.of();
        try (Stream<Path> files = Files.list(dir)) {
            return files.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    @Test
    void deadFirstMirrorFallsBackToTheNext() throws IOException {
        Path dir = tmp.resolve("cache/tiny");
        List<Path> got = downloader(Duration.ofSeconds(10)).fetch(tinySpec(), dir, List.of(deadMirror(), base("/good/")));
        assertEquals(4, got.size());
        for (Path p : got) assertTrue(Files.isRegularFile(p));
        assertEquals(List.of("t10k-images-idx3-ubyte", "t10k-labels-idx1-ubyte.gz", "train-images-idx3-ubyte.gz", "train-labels-idx1-ubyte.gz"),
                leftovers(dir));
        assertTrue(events.getFirst().startsWith("failed train-images-idx3-ubyte.gz: http://127.0.0.1:"), events.toString());
        assertTrue(events.getFirst().endsWith("/train-images-idx3-ubyte.gz: cannot connect"), events.toString());
        assertTrue(events.contains("ok train-images-idx3-ubyte.gz: verified, saved to " + dir.resolve("train-images-idx3-ubyte.gz")), events.toString());
    }

    @Test
    void corruptDownloadNeverReachesTheCache() throws IOException {
        Path dir = tmp.resolve("cache/tiny");
        downloader(Duration.ofSeconds(10)).fetch(tinySpec(), dir, List.of(base("/corrupt/"), base("/good/")));
        assertTrue(events.stream().anyMatch(e -> e.startsWith("failed train-images-idx3-ubyte.gz: " + base("/corrupt/")) && e.contains(": checksum mismatch")), events.toString());
        for (DatasetFile f : tinySpec().files()) assertTrue(FileVerifier.check(f, dir.resolve(f.name())).verified(), f.name());
        assertEquals(4, leftovers(dir).size(), "no temporary files left: " + leftovers(dir));
    }

    @Test
    void everyMirrorFailingLeavesNothingBehind() throws IOException {
        Path dir = tmp.resolve("cache/tiny");
        URI dead = deadMirror();
        assertUserError(() -> downloader(Duration.ofSeconds(10)).fetch(tinySpec(), dir, List.of(dead, base("/missing/"), base("/corrupt/"))),
                "could not download tiny's train-images-idx3-ubyte.gz", dead + "train-images-idx3-ubyte.gz: cannot connect",
                "/missing/train-images-idx3-ubyte.gz: HTTP 404", "/corrupt/train-images-idx3-ubyte.gz: checksum mismatch",
                "Offline? Put train-images-idx3-ubyte.gz, train-labels-idx1-ubyte.gz, t10k-images-idx3-ubyte, t10k-labels-idx1-ubyte.gz into " + dir);
        assertEquals(List.of(), leftovers(dir));
        assertTrue(Files.notExists(dir), "the directory the fetch created is removed again");
    }

    @Test
    void transferEndingEarly() throws IOException {
        Path dir = tmp.resolve("cache/tiny");
        downloader(Duration.ofSeconds(10)).fetch(tinySpec(), dir, List.of(base("/short/"), base("/good/")));
        assertTrue(events.stream().anyMatch(e -> e.startsWith("failed train-images-idx3-ubyte.gz:")), events.toString());
        assertEquals(4, leftovers(dir).size(), leftovers(dir).toString());
    }

    @Test
    void stalledTransferIsAbandoned() throws IOException {
        Path dir = tmp.resolve("cache/tiny");
        long start = System.nanoTime();
        downloader(Duration.ofMillis(200)).fetch(tinySpec(), dir, List.of(base("/stall/"), base("/good/")));
        assertTrue(events.stream().anyMatch(e -> e.contains("/stall/train-images-idx3-ubyte.gz: the transfer stalled")), events.toString());
        assertTrue(System.nanoTime() - start < 15_000_000_000L, "abandoned long before the server wakes up (30 s per file)");
        assertEquals(4, leftovers(dir).size(), leftovers(dir).toString());
    }

    @Test
    void moreBytesThanExpected() throws IOException {
        Path dir = tmp.resolve("cache/tiny");
        downloader(Duration.ofSeconds(10)).fetch(tinySpec(), dir, List.of(base("/oversized/"), base("/good/")));
        assertTrue(events.stream().anyMatch(e -> e.contains("/oversized/train-images-idx3-ubyte.gz: the mirror sent more than")), events.toString());
        assertEquals(4, leftovers(dir).size(), leftovers(dir).toString());
    }

    @Test
    void verifiedFilesAreNotFetchedAgain() throws IOException {
        Path dir = tmp.resolve("cache/tiny");
        downloader(Duration.ofSeconds(10)).fetch(tinySpec(), dir, List.of(base("/good/")));
        int first = requests.get();
        Files.write(dir.resolve("train-labels-idx1-ubyte.gz"), new byte[]{1, 2, 3});
        downloader(Duration.ofSeconds(10)).fetch(tinySpec(), dir, List.of(base("/good/")));
        assertEquals(4, first);
        assertEquals(5, requests.get(), "only the damaged file is fetched again");
        assertTrue(FileVerifier.check(tinySpec().file(DatasetFile.Role.TRAIN_LABELS), dir.resolve("train-labels-idx1-ubyte.gz")).verified());
    }

    /** End to end: the catalogue's MNIST, absent, is downloaded from a mirror into the cache, verified, and loaded. */
    @Test
    void loaderDownloadsIntoTheCacheThenFindsItThere() {
        Path real = TestData.realMnist();
        Path cache = tmp.resolve("cache");
        DataOptions options = DataOptions.defaults().withCacheDir(cache).withMirrors(List.of(base("/real/"))).withProgress(recorder);
        Dataset d = new DatasetLoader(isolatedEnv(tmp)).load("mnist", options);
        assertEquals(Origin.DOWNLOAD, d.source().origin());
        assertTrue(d.source().verified());
        assertEquals(50_000, d.train().size());
        assertTrue(Files.isRegularFile(cache.resolve("mnist/train-images-idx3-ubyte.gz")));
        assertTrue(events.contains("start train-images-idx3-ubyte.gz /real/mnist/train-images-idx3-ubyte.gz"), events.toString());
        int served = requests.get();
        DatasetStatus again = new DatasetLoader(isolatedEnv(tmp)).status(DatasetCatalogue.find("mnist").orElseThrow(), options);
        assertEquals(Origin.CACHE, again.origin());
        assertTrue(again.verified());
        assertEquals(served, requests.get());
        assertTrue(real.toFile().isDirectory());
    }
}
