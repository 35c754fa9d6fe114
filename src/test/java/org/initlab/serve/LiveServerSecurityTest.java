package org.initlab.serve;

import org.initlab.report.ReportWriter;
import org.initlab.study.StudyProgress;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The live view is read-only and stays inside its folder: traversal in every spelling, links out
 * of the folder, unknown files, every method but GET and HEAD, huge and malformed requests, a
 * foreign Host (DNS rebinding) and, on a server that asks for one, a missing or wrong token — on
 * the page, the API, the event stream and the files. All traffic goes to 127.0.0.1.
 */
class LiveServerSecurityTest {
    @TempDir
    static Path tmp;
    static Path study;
    static final String SECRET = "TOP-SECRET-NOT-IN-THE-STUDY";
    static LiveServer open, guarded;
    static String token;

    @BeforeAll
    static void serve() throws IOException {
        study = tmp.resolve("study");
        LiveStudy s = LiveStudy.prepared(study, "guarded", 1, 2);
        assertEquals(0, s.train(1, StudyProgress.SILENT).failed());
        ReportWriter.write(study, new ReportWriter.Options(study, false, 12));
        Files.writeString(tmp.resolve("secret.txt"), SECRET);
        Path outside = Files.createDirectories(tmp.resolve("outside"));
        Files.writeString(outside.resolve("secret.svg"), SECRET);
        Files.writeString(outside.resolve("secret.json"), "{\"s\": \"" + SECRET + "\"}");
        Files.createSymbolicLink(study.resolve("figures").resolve("escape.svg"), tmp.resolve("secret.txt"));
        Files.createSymbolicLink(study.resolve("escape-dir"), outside);
        Files.createSymbolicLink(study.resolve("inside.csv"), study.resolve("summary.csv"));
        Files.writeString(study.resolve("notes.html"), "<script>alert(1)</script>");
        Files.write(study.resolve("runs").resolve(s.runs.getFirst().id()).resolve("weights-init.npz"), new byte[]{1, 2, 3});
        open = LiveServer.start(study, new LiveServer.Options("127.0.0.1", 0));
        guarded = LiveServer.start(study, new LiveServer.Options("127.0.0.1", 0), true);
        token = URI.create(guarded.url().toString()).getQuery().replace("token=", "");
    }

    @AfterAll
    static void stop() {
        if (open != null) open.close();
        if (guarded != null) guarded.close();
    }

    static int port() { return open.port(); }

    @Test
    void servesThePageTheApiAndTheReport() throws IOException {
        RawHttp.Reply page = RawHttp.get(port(), "/");
        assertEquals(200, page.status());
        assertTrue(page.header("Content-Security-Policy").startsWith("default-src 'none'; script-src 'self'"), page.text());
        assertEquals("nosniff", page.header("X-Content-Type-Options"));
        assertTrue(page.body().contains("live.js"));
        RawHttp.Reply api = RawHttp.get(port(), "/api/study");
        assertEquals(200, api.status());
        assertTrue(api.body().contains("\"name\":\"guarded\""), api.body());
        RawHttp.Reply report = RawHttp.get(port(), "/files/report.html");
        assertEquals(200, report.status());
        String csp = report.header("Content-Security-Policy");
        assertTrue(csp.contains("'sha256-") && csp.contains("sandbox allow-scripts") && csp.contains("frame-ancestors 'none'")
                && !csp.contains("unsafe-eval") && csp.startsWith("default-src 'none'"), csp);
        assertEquals(200, RawHttp.get(port(), "/files/summary.csv").status());
        assertEquals(200, RawHttp.get(port(), "/files/inside.csv").status(), "a link that stays inside the folder is followed");
        RawHttp.Reply head = RawHttp.send(port(), RawHttp.request("HEAD", "/files/summary.csv", port()));
        assertEquals(200, head.status());
        assertEquals("", head.body(), "HEAD: headers only");
        assertEquals(Files.size(study.resolve("summary.csv")), Long.parseLong(head.header("Content-Length")));
    }

    @Test
    void traversalIsRefusedInEverySpelling() throws IOException {
        for (String target : List.of("/files/../secret.txt", "/files/%2e%2e/secret.txt", "/files/%2E%2E/secret.txt",
                "/files/..%2fsecret.txt", "/files/%2e%2e%2fsecret.txt", "/files/figures/../../secret.txt", "/files/figures/%2e%2e/%2e%2e/secret.txt",
                "/files/..\\secret.txt", "/files/..%5csecret.txt", "/files//" + tmp.resolve("secret.txt"), "/files/%2f" + tmp.resolve("secret.txt").toString().substring(1),
                "/files/" + tmp.resolve("secret.txt"), "/../secret.txt", "/files/./../secret.txt", "/files/%252e%252e/secret.txt",
                "/files/escape-dir/../../secret.txt", "/files/secret.txt%00.csv", "/files/.%2e/secret.txt",
                "http://127.0.0.1:" + port() + "/files/../secret.txt", "/api/runs/..%2f..%2fsecret.txt", "/api/runs/../../secret.txt")) {
            RawHttp.Reply r = RawHttp.get(port(), target);
            assertTrue(r.status() == 400 || r.status() == 404, target + " → " + r.status() + "\n" + r.text());
            assertFalse(r.text().contains(SECRET), target + " leaked the secret");
        }
        assertEquals(200, RawHttp.get(port(), "/files/study.json").status(), "and the folder's own files are served");
    }

    /** Jetty refuses most spellings before they reach the live view (400); its own check refuses the rest, whatever reaches it. */
    @Test
    void theFolderCheckAloneRefusesEveryPathOut() throws IOException {
        Path real = study.toRealPath();
        for (String rel : List.of("../secret.txt", "..", "figures/../../secret.txt", "/" + tmp.resolve("secret.txt"), tmp.resolve("secret.txt").toString(),
                "figures/escape.svg", "escape-dir/secret.svg", "./study.json", "figures//x.svg", ".lock", "notes.html", "runs/x/../../../secret.txt",
                "..\\secret.txt", "C:\\secret.txt", "figures/\u0000.svg", "", "a/b/c/d/e/f/g/h/i.csv")) {
            assertEquals(null, StudyFiles.find(real, rel), rel);
        }
        assertNotNull(StudyFiles.find(real, "summary.csv"));
        assertNotNull(StudyFiles.find(real, "inside.csv"));
        assertNotNull(StudyFiles.find(real, "report.html"));
    }

    @Test
    void linksOutOfTheFolderAreRefused() throws IOException {
        for (String target : List.of("/files/figures/escape.svg", "/files/escape-dir/secret.svg", "/files/escape-dir/secret.json")) {
            RawHttp.Reply r = RawHttp.get(port(), target);
            assertEquals(404, r.status(), target);
            assertFalse(r.text().contains(SECRET), target + " leaked the secret");
        }
    }

    @Test
    void onlyTheStudysKnownFilesAreServed() throws IOException {
        String run = Files.list(study.resolve("runs")).findFirst().orElseThrow().getFileName().toString();
        for (String target : List.of("/files/.lock", "/files/notes.html", "/files/runs/" + run + "/weights-init.npz", "/files/runs",
                "/files/", "/files", "/files/runs/" + run, "/nothing-here", "/api/runs/zzzz", "/api/runs/0123456789ab")) {
            RawHttp.Reply r = RawHttp.get(port(), target);
            assertEquals(404, r.status(), target + "\n" + r.text());
        }
        RawHttp.Reply svg = RawHttp.get(port(), "/files/figures/" + Files.list(study.resolve("figures")).map(p -> p.getFileName().toString())
                .filter(n -> n.endsWith(".svg") && !n.startsWith("escape")).findFirst().orElseThrow());
        assertEquals(200, svg.status());
        assertEquals(StudyFiles.INERT_CSP, svg.header("Content-Security-Policy"), "an SVG runs nothing");
    }

    /** Every file of the folder with its size and time: what a write would change. */
    static Map<String, String> listing() throws IOException {
        Map<String, String> out = new TreeMap<>();
        try (Stream<Path> files = Files.walk(study)) {
            for (Path p : (Iterable<Path>) files::iterator) {
                BasicFileAttributes a = Files.readAttributes(p, BasicFileAttributes.class, java.nio.file.LinkOption.NOFOLLOW_LINKS);
                out.put(study.relativize(p).toString(), a.size() + "@" + a.lastModifiedTime());
            }
        }
        return out;
    }

    @Test
    void nothingCanWrite() throws IOException {
        Map<String, String> before = listing();
        for (String method : List.of("POST", "PUT", "DELETE", "PATCH", "OPTIONS", "TRACE", "PROPFIND", "MKCOL")) {
            for (String target : List.of("/", "/api/study", "/files/study.json", "/files/new.json", "/api/events")) {
                String body = "{\"name\": \"overwritten\"}";
                RawHttp.Reply r = RawHttp.send(port(), RawHttp.request(method, target, port(), "Content-Type: application/json",
                        "Content-Length: " + body.length()) + body);
                assertEquals(405, r.status(), method + " " + target + "\n" + r.text());
                assertEquals("GET, HEAD", r.header("Allow"));
            }
        }
        assertEquals(before, listing(), "the folder is as it was");
    }

    @Test
    void hugeAndMalformedRequestsAreRefusedAndTheServerGoesOn() throws IOException {
        assertEquals(431, RawHttp.get(port(), "/", "X-Big: " + "a".repeat(20_000)).status(), "a huge header");
        String[] many = new String[600];
        for (int i = 0; i < many.length; i++) many[i] = "X-H" + i + ": " + "b".repeat(30);
        assertEquals(431, RawHttp.get(port(), "/", many).status(), "too many headers");
        assertEquals(414, RawHttp.get(port(), "/files/" + "c".repeat(3000) + ".csv").status(), "a long URL");
        int veryLong = RawHttp.get(port(), "/" + "d".repeat(40_000)).status();
        assertTrue(veryLong == 414 || veryLong == 431, "a URL past the header limit: " + veryLong);
        int notHttp = RawHttp.send(port(), "HELLO THERE\r\n\r\n").status();
        assertTrue(notHttp == 400 || notHttp == 505, "not HTTP: " + notHttp);
        assertEquals(400, RawHttp.send(port(), "GET / HTTP/1.1\r\nConnection: close\r\n\r\n").status(), "HTTP/1.1 without Host");
        int version = RawHttp.send(port(), "GET / HTTP/7.0\r\nHost: 127.0.0.1:" + port() + "\r\n\r\n").status();
        assertTrue(version == 400 || version == 505, "an unknown HTTP version: " + version);
        assertEquals(400, RawHttp.send(port(), "GET /\u0001\u0002 HTTP/1.1\r\nHost: 127.0.0.1:" + port() + "\r\n\r\n").status(), "control characters");
        byte[] junk = new byte[4096];
        new java.util.Random(7).nextBytes(junk);
        int j = RawHttp.send(port(), junk).status();
        assertTrue(j == 400 || j == 0, "random bytes: " + j);
        assertEquals(400, RawHttp.send(port(), "GET / HTTP/1.1\r\nHost: 127.0.0.1:" + port() + "\r\nBad Header Line\r\n\r\n").status(), "a header without a colon");
        for (String query : List.of("/api/study?from=%zz", "/api/study?%", "/api/runs/0123456789ab?from=%E0%A4%A")) {
            int q = RawHttp.get(port(), query).status();
            assertTrue(q == 400 || q == 404, query + ": " + q);
        }
        assertEquals(200, RawHttp.get(port(), "/api/study").status(), "and the server still answers");
    }

    /** A page of another site whose name resolves to 127.0.0.1 (DNS rebinding) sends its own name as Host: refused. */
    @Test
    void onLoopbackOnlyItsOwnNameIsAnswered() throws IOException {
        RawHttp.Reply evil = RawHttp.send(port(), "GET /api/study HTTP/1.1\r\nHost: evil.example:" + port() + "\r\nConnection: close\r\n\r\n");
        assertEquals(403, evil.status());
        assertFalse(evil.body().contains("guarded"));
        assertEquals(403, RawHttp.send(port(), "GET / HTTP/1.1\r\nHost: 127.0.0.1:1\r\nConnection: close\r\n\r\n").status(), "another port");
        assertEquals(200, RawHttp.send(port(), "GET / HTTP/1.1\r\nHost: localhost:" + port() + "\r\nConnection: close\r\n\r\n").status());
    }

    @Test
    void aServerWithATokenAsksForItOnEveryRequest() throws IOException {
        int p = guarded.port();
        assertEquals(32, token.length());
        String wrong = token.substring(0, 31) + (token.charAt(31) == '0' ? '1' : '0');
        for (String target : List.of("/", "/api/study", "/api/events", "/files/report.html", "/live.js", "/?token=" + wrong,
                "/api/events?token=" + wrong, "/api/study?token=")) {
            RawHttp.Reply r = RawHttp.get(p, target);
            assertEquals(403, r.status(), target);
            assertFalse(r.body().contains("guarded"), target);
        }
        assertEquals(403, RawHttp.get(p, "/api/study", "Cookie: initlab-token-" + p + "=" + wrong).status(), "a wrong cookie");
        assertEquals(403, RawHttp.get(p, "/api/study", "Cookie: initlab-token-" + (p + 1) + "=" + token).status(), "another server's cookie");

        RawHttp.Reply first = RawHttp.get(p, "/?token=" + token);
        assertEquals(303, first.status(), "the token leaves the address bar");
        assertTrue(first.header("Location").endsWith("/") && !first.header("Location").contains("token"), first.header("Location"));
        String cookie = first.header("Set-Cookie");
        assertNotNull(cookie);
        assertTrue(cookie.contains("HttpOnly") && cookie.contains("SameSite=Strict"), cookie);
        String sent = "Cookie: " + cookie.split(";")[0];
        assertEquals(200, RawHttp.get(p, "/", sent).status());
        assertEquals(200, RawHttp.get(p, "/api/study", sent).status());
        assertEquals(200, RawHttp.get(p, "/files/report.html", sent).status());
        RawHttp.Reply events = RawHttp.send(p, RawHttp.request("GET", "/api/events", p, sent).getBytes(StandardCharsets.UTF_8), 5000, 1 << 20,
                "event: snapshot");
        assertEquals(200, events.status());
        assertTrue(events.text().contains("event: snapshot"), events.text());
        RawHttp.Reply byQuery = RawHttp.send(p, RawHttp.request("GET", "/api/events?token=" + token, p).getBytes(StandardCharsets.UTF_8), 5000,
                1 << 20, "event: snapshot");
        assertTrue(byQuery.text().contains("event: snapshot"), "the event stream takes the token in its URL too");
        // any Host: the token, not the name, is what counts here
        assertEquals(200, RawHttp.send(p, "GET /api/study HTTP/1.1\r\nHost: initlab.example\r\nConnection: close\r\n" + sent + "\r\n\r\n").status());
    }

    @Test
    void theTokenIsComparedInFullAndNeverLogged() {
        AccessToken t = AccessToken.random();
        assertTrue(t.matches(t.value()));
        assertFalse(t.matches(t.value().substring(1)));
        assertFalse(t.matches(t.value() + "0"));
        assertFalse(t.matches(null));
        assertFalse(t.toString().contains(t.value()));
        assertEquals(Set.of(), Set.of(AccessToken.random().value()).stream().filter(v -> v.equals(t.value())).collect(java.util.stream.Collectors.toSet()));
    }
}
