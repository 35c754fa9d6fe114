package org.initlab.serve;

import org.eclipse.jetty.http.HttpCookie;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.http.UriCompliance;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.NetworkConnectionLimit;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.Fields;
import org.eclipse.jetty.util.thread.QueuedThreadPool;
import org.initlab.UserError;

import java.io.IOException;
import java.net.BindException;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The live view of a study folder: a small read-only web server that serves
 * <pre>
 * GET /                  the page (live.html, live.js, live.css, uPlot; nothing from elsewhere)
 * GET /api/study         the study's snapshot: summary (runs by status, ETA, report) and every run's state
 * GET /api/runs/ID       one run: spec, labels, epoch records (?from=E: from epoch E on; ?histograms=0: without them), its seeds
 * GET /api/events        Server-Sent Events: the snapshot, then each change as the folder shows it ({@link EventStream})
 * GET /files/PATH        the folder's own files: report.html, figures, summaries, spec, results ({@link StudyFiles})
 * </pre>
 * It reads the folder only ({@link FolderReader}), so it shows a study trained by this process,
 * by another, or by a cluster writing to a shared folder, and a finished one; changes are found
 * by a folder watch ({@link FolderWatch}), and pushed, not polled for.
 *
 * <p>Jetty 12's core server, without servlets: six jars (server, HTTP, I/O, utilities, SLF4J and
 * Jetty's binding of it), 2.4 MB, which grow initlab's jar from 5.6 to 8.1 MB. Javalin 7 would
 * bring the same Jetty plus its servlet container, WebSockets, annotations scanning and the Kotlin
 * runtime (some thirty jars) for routing this class does in a few lines; Jetty's own limits
 * (request header size, URI compliance, connection count) are what the security here rests on.
 *
 * <p>Safe by default: it listens on 127.0.0.1 only and answers only requests addressed to it by
 * that name (a page of another site that makes its own name point at 127.0.0.1 is refused).
 * Listening on another address requires a random {@link AccessToken}, printed once in the URL and
 * checked on every request, the event stream included (a cookie carries it after the first
 * request). Only GET and HEAD; request line and headers at most 8 kB, URLs at most
 * {@value #MAX_URI} characters; ambiguous paths (encoded {@code ..} or separators) refused by
 * Jetty's URI compliance; at most 64 connections.
 */
public final class LiveServer implements AutoCloseable {
    /** The port tried first when none is given, then the next few. */
    public static final int DEFAULT_PORT = 8765;
    static final int PORT_TRIES = 10, MAX_URI = 2048, HEADER_BYTES = 8 * 1024, MAX_CONNECTIONS = 64;
    private static final Pattern RUN_ID = Pattern.compile("[0-9a-f]{4,64}");
    static final String PAGE_CSP = "default-src 'none'; script-src 'self'; style-src 'self'; connect-src 'self'; img-src 'self' data:;"
            + " base-uri 'none'; form-action 'none'; frame-ancestors 'none'";
    static final String DATA_CSP = "default-src 'none'; frame-ancestors 'none'";

    /**
     * @param host the address to listen on (127.0.0.1 unless asked; any other needs the token)
     * @param port the port, 0 for any free one, null for {@link #DEFAULT_PORT} or the next free one after it
     */
    public record Options(String host, Integer port) {
        public static Options defaults() {
            return new Options("127.0.0.1", null);
        }
    }

    private final FolderReader reader;
    private final EventStream events = new EventStream();
    private final FolderWatch watch;
    private final Server server;
    private final ServerConnector connector;
    private final AccessToken token;
    private final InetAddress address;
    private final String cookie;
    private final Set<String> hosts = new HashSet<>();
    private final Object publishing = new Object();

    private LiveServer(Path dir, InetAddress address, Integer port, boolean requireToken) throws IOException {
        this.address = address;
        token = requireToken ? AccessToken.random() : null;
        reader = new FolderReader(dir, System::currentTimeMillis);

        QueuedThreadPool threads = new QueuedThreadPool(32, 2);
        threads.setName("initlab-serve");
        threads.setDaemon(true);
        server = new Server(threads);
        server.setStopTimeout(1000);
        HttpConfiguration http = new HttpConfiguration();
        http.setRequestHeaderSize(HEADER_BYTES);
        http.setResponseHeaderSize(HEADER_BYTES);
        http.setSendServerVersion(false);
        http.setSendXPoweredBy(false);
        http.setUriCompliance(UriCompliance.DEFAULT);
        ErrorHandler errors = new ErrorHandler();
        errors.setShowStacks(false);
        server.setErrorHandler(errors);
        connector = new ServerConnector(server, 1, 1, new HttpConnectionFactory(http));
        connector.setHost(address.getHostAddress());
        connector.setIdleTimeout(30_000);
        server.addConnector(connector);
        server.addBean(new NetworkConnectionLimit(MAX_CONNECTIONS, server));
        server.setHandler(new Routes());
        bind(port);
        int bound = connector.getLocalPort();
        cookie = "initlab-token-" + bound;
        for (String h : List.of("127.0.0.1", "localhost", "[::1]", literal(address))) hosts.add(h + ":" + bound);

        watch = new FolderWatch(dir, new FolderWatch.Listener() {
            @Override
            public void changed(Set<String> runs, boolean root) {
                publish(reader.refresh(runs, root), false);
            }

            @Override
            public void rescan() {
                // time passes: the ETA changes without any file changing
                publish(reader.refreshAll(), true);
            }

            @Override
            public Set<String> follow() {
                return reader.unfinishedWithFolders();
            }
        });
    }

    /**
     * Starts serving {@code dir}, with a token unless on a loopback address; a bad folder, address
     * or busy port is a {@link UserError}.
     */
    public static LiveServer start(Path dir, Options options) {
        return start(dir, options, !address(options.host()).isLoopbackAddress());
    }

    /** The same, with a token or not whatever the address (tests ask for one on 127.0.0.1). */
    static LiveServer start(Path dir, Options options, boolean requireToken) {
        if (!Files.isDirectory(dir)) throw new UserError("no folder " + dir + ": give a study folder written by 'initlab run'");
        if (options.port() != null && (options.port() < 0 || options.port() > 65535)) {
            throw new UserError("--port must be between 0 (any free port) and 65535, got " + options.port());
        }
        try {
            return new LiveServer(dir, address(options.host()), options.port(), requireToken);
        } catch (IOException e) {
            throw new UserError("cannot serve " + dir + ": " + e.getMessage(), e);
        }
    }

    private static InetAddress address(String host) {
        try {
            return InetAddress.getByName(host);
        } catch (UnknownHostException e) {
            throw new UserError("--host " + host + " is not an address of this machine: give one such as 127.0.0.1 (the default) or 0.0.0.0 (every interface)");
        }
    }

    private void bind(Integer port) throws IOException {
        int first = port != null ? port : DEFAULT_PORT, tries = port != null ? 1 : PORT_TRIES;
        for (int i = 0; i < tries; i++) {
            connector.setPort(first == 0 ? 0 : first + i);
            try {
                server.start();
                return;
            } catch (Exception e) {
                try {
                    server.stop();
                } catch (Exception ignored) {
                    // it did not start
                }
                boolean busy = e instanceof BindException || e.getCause() instanceof BindException;
                if (!busy) throw new UserError("cannot start the web server: " + e.getMessage(), e);
                if (i == tries - 1) {
                    throw new UserError(port != null
                            ? "port " + port + " on " + address.getHostAddress() + " is in use (or not allowed): choose another --port (0: any free port)"
                            : "ports " + first + "–" + (first + tries - 1) + " are in use: choose one with --port N (0: any free port)");
                }
            }
        }
    }

    /** The page's address, with the token when there is one (print it once; it is the key). */
    public URI url() {
        String host;
        host = address.isAnyLocalAddress() ? localName() : literal(address);
        return URI.create("http://" + host + ":" + connector.getLocalPort() + "/" + (token == null ? "" : "?token=" + token.value()));
    }

    public int port() { return connector.getLocalPort(); }

    /** How it is reachable and how the folder is watched, in words (for the terminal). */
    public String describe() {
        String who = address.isLoopbackAddress() ? "this machine only"
                : (address.isAnyLocalAddress() ? "every network interface" : address.getHostAddress()) + ", with the token in the URL";
        return "read-only, for " + who + "; the folder is " + watch.how();
    }

    /** An address as a URL's host: IPv6 in brackets. */
    private static String literal(InetAddress a) {
        return a instanceof Inet6Address ? "[" + a.getHostAddress() + "]" : a.getHostAddress();
    }

    private static String localName() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            return "127.0.0.1";
        }
    }

    /** Blocks until the server stops (Ctrl-C). */
    public void join() throws InterruptedException {
        server.join();
    }

    @Override
    public void close() {
        watch.close();
        events.close();
        try {
            server.stop();
        } catch (Exception ignored) {
            // stopping anyway
        }
    }

    /** Pushes what a refresh changed; {@code summary}: the summary even when nothing did. */
    private void publish(FolderReader.Changes c, boolean summary) {
        if (!c.any() && !summary) return;
        synchronized (publishing) {
            long now = System.currentTimeMillis();
            FolderReader.View v = reader.view();
            if (c.regrid()) {
                events.publish("snapshot", LiveJson.text(LiveJson.snapshot(v, now)));
                return;
            }
            for (RunState r : c.runs()) events.publish("run", LiveJson.text(r));
            events.publish("study", LiveJson.text(LiveJson.summary(v, now)));
        }
    }

    /** Every request: checks, then one of the routes of the class comment. */
    private final class Routes extends Handler.Abstract {
        @Override
        public boolean handle(Request request, Response response, Callback callback) {
            var h = response.getHeaders();
            h.put("X-Content-Type-Options", "nosniff");
            h.put("Referrer-Policy", "no-referrer");
            h.put("Cross-Origin-Resource-Policy", "same-origin");
            h.put("X-Frame-Options", "DENY");
            h.put(HttpHeader.CACHE_CONTROL, "no-store");
            h.put("Content-Security-Policy", DATA_CSP);
            try {
                String method = request.getMethod();
                boolean head = method.equals("HEAD");
                if (!head && !method.equals("GET")) {
                    h.put(HttpHeader.ALLOW, "GET, HEAD");
                    return text(request, response, callback, HttpStatus.METHOD_NOT_ALLOWED_405, "read-only: only GET and HEAD");
                }
                String raw = request.getHttpURI().getPathQuery();
                if (raw != null && raw.length() > MAX_URI) {
                    return text(request, response, callback, HttpStatus.URI_TOO_LONG_414, "URL too long");
                }
                if (token == null) {
                    String host = request.getHeaders().get(HttpHeader.HOST);
                    if (host == null || !hosts.contains(host.toLowerCase(Locale.ROOT))) {
                        return text(request, response, callback, HttpStatus.FORBIDDEN_403,
                                "this server answers only to http://127.0.0.1:" + port() + "/ (or localhost)");
                    }
                }
                Fields query;
                try {
                    query = Request.extractQueryParameters(request);
                } catch (RuntimeException malformed) {
                    return text(request, response, callback, HttpStatus.BAD_REQUEST_400, "malformed query");
                }
                String path = Request.getPathInContext(request);
                if (token != null) {
                    String given = query.getValue("token");
                    if (given != null && token.matches(given)) {
                        response.getHeaders().add(HttpHeader.SET_COOKIE, cookie + "=" + token.value() + "; Path=/; HttpOnly; SameSite=Strict");
                        if (path.equals("/")) {
                            // the token leaves the address bar (and the history); the cookie carries it from now on
                            Response.sendRedirect(request, response, callback, HttpStatus.SEE_OTHER_303, "/", true);
                            return true;
                        }
                    } else if (!cookieOk(request)) {
                        return text(request, response, callback, HttpStatus.FORBIDDEN_403,
                                "this server needs its token: open the URL with ?token=... that it printed when it started");
                    }
                }
                return route(request, response, callback, path, query, head);
            } catch (RuntimeException e) {
                return text(request, response, callback, HttpStatus.INTERNAL_SERVER_ERROR_500, "internal error");
            }
        }

        private boolean cookieOk(Request request) {
            for (HttpCookie c : Request.getCookies(request)) if (c.getName().equals(cookie) && token.matches(c.getValue())) return true;
            return false;
        }

        private boolean route(Request request, Response response, Callback callback, String path, Fields query, boolean head) {
            PageAssets.Asset asset = PageAssets.BY_PATH.get(path);
            if (asset != null) {
                response.getHeaders().put("Content-Security-Policy", PAGE_CSP);
                return send(response, callback, HttpStatus.OK_200, asset.type(), asset.bytes(), head);
            }
            if (path.equals("/api/study")) {
                return json(response, callback, LiveJson.snapshot(reader.view(), System.currentTimeMillis()), head);
            }
            if (path.startsWith("/api/runs/")) {
                String id = path.substring("/api/runs/".length());
                if (!RUN_ID.matcher(id).matches()) return text(request, response, callback, HttpStatus.NOT_FOUND_404, "no such run");
                int from = intParam(query.getValue("from"));
                boolean histograms = !"0".equals(query.getValue("histograms"));
                Map<String, Object> run = LiveJson.run(reader, id, from, histograms);
                if (run == null) return text(request, response, callback, HttpStatus.NOT_FOUND_404, "no such run in this study");
                return json(response, callback, run, head);
            }
            if (path.equals("/api/events")) {
                response.setStatus(HttpStatus.OK_200);
                response.getHeaders().put(HttpHeader.CONTENT_TYPE, "text/event-stream; charset=utf-8");
                if (head) {
                    response.write(true, ByteBuffer.allocate(0), callback);
                    return true;
                }
                synchronized (publishing) {
                    // under the lock that publishes: the snapshot, then every change after it, none lost or doubled
                    String snapshot = LiveJson.text(LiveJson.snapshot(reader.view(), System.currentTimeMillis()));
                    if (!events.open(response, callback, snapshot)) {
                        return text(request, response, callback, HttpStatus.SERVICE_UNAVAILABLE_503, "too many pages open on this study");
                    }
                }
                return true;
            }
            if (path.startsWith("/files/")) {
                StudyFiles.Found f = StudyFiles.find(reader.realDir(), path.substring("/files/".length()));
                if (f == null) return text(request, response, callback, HttpStatus.NOT_FOUND_404, "no such file to serve");
                byte[] bytes;
                try {
                    bytes = head ? new byte[0] : Files.readAllBytes(f.path());
                } catch (IOException e) {
                    return text(request, response, callback, HttpStatus.NOT_FOUND_404, "no such file to serve");
                }
                response.getHeaders().put("Content-Security-Policy", f.csp());
                if (head) {
                    response.setStatus(HttpStatus.OK_200);
                    response.getHeaders().put(HttpHeader.CONTENT_TYPE, f.type());
                    response.getHeaders().put(HttpHeader.CONTENT_LENGTH, f.size());
                    response.write(true, ByteBuffer.allocate(0), callback);
                    return true;
                }
                return send(response, callback, HttpStatus.OK_200, f.type(), bytes, false);
            }
            return text(request, response, callback, HttpStatus.NOT_FOUND_404, "not found");
        }

        private static int intParam(String s) {
            if (s == null || s.length() > 9 || !s.chars().allMatch(Character::isDigit) || s.isEmpty()) return 0;
            return Integer.parseInt(s);
        }

        private boolean json(Response response, Callback callback, Object document, boolean head) {
            return send(response, callback, HttpStatus.OK_200, "application/json", LiveJson.bytes(document), head);
        }

        private boolean text(Request request, Response response, Callback callback, int status, String message) {
            return send(response, callback, status, "text/plain; charset=utf-8", (message + "\n").getBytes(StandardCharsets.UTF_8),
                    request.getMethod().equals("HEAD"));
        }

        private static boolean send(Response response, Callback callback, int status, String type, byte[] body, boolean head) {
            response.setStatus(status);
            response.getHeaders().put(HttpHeader.CONTENT_TYPE, type);
            response.getHeaders().put(HttpHeader.CONTENT_LENGTH, body.length);
            response.write(true, head ? ByteBuffer.allocate(0) : ByteBuffer.wrap(body), callback);
            return true;
        }
    }
}
