package org.initlab.cli;

import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

class DataCommandTest {
    @TempDir
    Path tmp;

    private HttpServer server;
    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    @BeforeEach
    void startServer() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/mirror/mnist/", ex -> {
            try (ex) {
                Path file = realMnist().resolve(ex.getRequestURI().getPath().substring("/mirror/mnist/".length()));
                if (!Files.isRegularFile(file)) {
                    ex.sendResponseHeaders(404, -1);
                    return;
                }
                ex.sendResponseHeaders(200, Files.size(file));
                Files.copy(file, ex.getResponseBody());
            }
        });
        server.start();
    }

    @AfterEach
    void stopServer() {
        server.stop(0);
    }

    private int run(String... args) {
        CommandLine cli = Main.commandLine();
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        return cli.execute(args);
    }

    private static Path realMnist() {
        return org.initlab.RealMnist.dir();
    }

    private static Path fixture(String relative) throws Exception {
        return Path.of(DataCommandTest.class.getResource("/data/" + relative).toURI());
    }

    private String mirror() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/mirror/";
    }

    @Test
    void listShowsWhereEachDatasetIsAndWhetherItVerifies() throws Exception {
        Path data = tmp.resolve("data");
        Files.createDirectories(data.resolve("mnist"));
        Files.createDirectories(data.resolve("kmnist"));
        for (String f : new String[]{"train-images-idx3-ubyte.gz", "train-labels-idx1-ubyte.gz", "t10k-images-idx3-ubyte.gz", "t10k-labels-idx1-ubyte.gz"}) {
            Files.copy(realMnist().resolve(f), data.resolve("mnist").resolve(f));
        }
        try (var files = Files.list(fixture("idx"))) {
            for (Path f : files.toList()) Files.copy(f, data.resolve("kmnist").resolve(f.getFileName()));
        }
        int code = run("data", "list", "--data-dir", data.toString(), "--cache-dir", tmp.resolve("cache").toString());
        assertEquals(0, code, err.toString());
        String text = out.toString();
        assertTrue(text.lines().anyMatch(l -> l.matches("mnist +4 IDX \\.gz +✓ +" + java.util.regex.Pattern.quote(data.resolve("mnist") + " (--data-dir)"))), text);
        assertTrue(text.lines().anyMatch(l -> l.startsWith("kmnist") && l.contains("✗")), text);
        assertTrue(text.contains("train-images-idx3-ubyte.gz: checksum mismatch"), text);
        assertTrue(text.contains("t10k-images-idx3-ubyte: unverified: no checksum is published for the decompressed file"), text);
        assertTrue(text.lines().anyMatch(l -> l.startsWith("mnist-pkl") && l.contains("not found")), text);
        assertTrue(text.contains("Cache: " + tmp.resolve("cache")), text);
    }

    @Test
    void fetchDownloadsWithProgressThenFindsItPresent() {
        realMnist();
        Path cache = tmp.resolve("cache");
        int code = run("data", "fetch", "mnist", "--cache-dir", cache.toString(), "--mirror", mirror());
        assertEquals(0, code, err.toString());
        assertTrue(out.toString().startsWith("mnist: downloaded and verified in " + cache.resolve("mnist")), out.toString());
        String progress = err.toString();
        assertTrue(progress.startsWith("fetching mnist into " + cache.resolve("mnist")), progress);
        assertTrue(progress.contains("train-images-idx3-ubyte.gz from " + mirror() + "mnist/train-images-idx3-ubyte.gz (9.9 MB)"), progress);
        assertTrue(progress.contains("✓ verified, saved to " + cache.resolve("mnist/train-images-idx3-ubyte.gz")), progress);

        out.getBuffer().setLength(0);
        assertEquals(0, run("data", "fetch", "mnist", "--cache-dir", cache.toString(), "--mirror", mirror()));
        assertEquals("mnist: already present and verified in " + cache.resolve("mnist") + " (cache)", out.toString().trim());
    }

    @Test
    void fetchWithNoReachableMirrorIsOneLineAndExitCode2() throws IOException {
        int port;
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = s.getLocalPort();
        }
        Path cache = tmp.resolve("cache");
        int code = run("data", "fetch", "mnist", "--cache-dir", cache.toString(), "--mirror", "http://127.0.0.1:" + port + "/");
        assertEquals(2, code);
        String last = err.toString().lines().reduce((a, b) -> b).orElse("");
        assertTrue(last.startsWith("initlab: could not download mnist's train-images-idx3-ubyte.gz: http://127.0.0.1:" + port
                + "/mnist/train-images-idx3-ubyte.gz: cannot connect"), err.toString());
        assertTrue(last.contains("Offline? Put train-images-idx3-ubyte.gz, train-labels-idx1-ubyte.gz, t10k-images-idx3-ubyte.gz, "
                + "t10k-labels-idx1-ubyte.gz into " + cache.resolve("mnist")), last);
        assertTrue(Files.notExists(cache.resolve("mnist")), "nothing left in the cache");
    }

    @Test
    void unknownDatasetIsOneLine() {
        assertEquals(2, run("data", "fetch", "fashion-mnst"));
        String message = err.toString().trim();
        assertFalse(message.contains("\n"), message);
        assertTrue(message.startsWith("initlab: unknown dataset 'fashion-mnst'; did you mean 'fashion-mnist'?"), message);
    }

    @Test
    void bareDataPrintsUsage() {
        assertEquals(0, run("data"));
        assertTrue(out.toString().contains("list") && out.toString().contains("fetch"), out.toString());
    }
}
