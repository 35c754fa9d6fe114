package org.initlab.report.browser;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Debian's headless Chromium driven over the DevTools protocol (a WebSocket; java.net.http has the
 * client), without a driver library: open a page, wait for it to load, evaluate script, collect
 * console errors, exceptions, failed loads, CSP violations and dialogs, take a screenshot.
 */
public final class Browser implements AutoCloseable {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern LISTENING = Pattern.compile("DevTools listening on (ws://\\S+)");
    private static final Duration TIMEOUT = Duration.ofSeconds(60);

    private final Process process;
    private WebSocket socket;
    private final AtomicInteger ids = new AtomicInteger();
    private final Map<Integer, CompletableFuture<JsonNode>> pending = new ConcurrentHashMap<>();
    private final List<JsonNode> events = new CopyOnWriteArrayList<>();
    private final List<String> stderr = new CopyOnWriteArrayList<>();
    private String session;

    /** The chromium executable on PATH, or null. */
    public static Path executable() {
        for (String dir : System.getenv().getOrDefault("PATH", "").split(java.io.File.pathSeparator)) {
            for (String name : new String[]{"chromium", "chromium-browser"}) {
                Path p = Path.of(dir, name);
                if (Files.isExecutable(p)) return p;
            }
        }
        return null;
    }

    /** Starts a headless browser with a fresh profile in {@code profile} and a window of width × height px. */
    public static Browser start(Path executable, Path profile, int width, int height) throws IOException, InterruptedException {
        return new Browser(executable, profile, width, height);
    }

    private Browser(Path executable, Path profile, int width, int height) throws IOException, InterruptedException {
        List<String> cmd = List.of(executable.toString(), "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                "--disable-component-update", "--disable-sync", "--no-first-run", "--no-default-browser-check", "--hide-scrollbars",
                "--disable-dev-shm-usage",
                "--user-data-dir=" + profile, "--window-size=" + width + "," + height, "--remote-debugging-port=0", "about:blank");
        process = new ProcessBuilder(cmd).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        CompletableFuture<String> url = new CompletableFuture<>();
        Thread reader = new Thread(() -> {
            try (BufferedReader r = new BufferedReader(new InputStreamReader(process.getErrorStream(), StandardCharsets.UTF_8))) {
                String line;
                while ((line = r.readLine()) != null) {
                    stderr.add(line);
                    Matcher m = LISTENING.matcher(line);
                    if (m.find()) url.complete(m.group(1));
                }
            } catch (IOException ignored) {
                // the process ended
            }
            url.completeExceptionally(new IOException("chromium exited before it listened: " + String.join("\n", stderr)));
        }, "chromium-stderr");
        reader.setDaemon(true);
        reader.start();
        String ws;
        try {
            ws = url.get(TIMEOUT.toSeconds(), TimeUnit.SECONDS);
        } catch (Exception e) {
            process.destroyForcibly();
            throw new IOException("chromium did not start: " + e.getMessage(), e);
        }
        try {
            socket = HttpClient.newHttpClient().newWebSocketBuilder().connectTimeout(TIMEOUT).buildAsync(URI.create(ws), new Listener())
                    .orTimeout(TIMEOUT.toSeconds(), TimeUnit.SECONDS).join();
            String target = call("Target.createTarget", Map.of("url", "about:blank"), false).get("targetId").asText();
            session = call("Target.attachToTarget", Map.of("targetId", target, "flatten", true), false).get("sessionId").asText();
            call("Page.enable", Map.of());
            call("Runtime.enable", Map.of());
            call("Log.enable", Map.of());
            call("Network.enable", Map.of());
            call("Emulation.setDeviceMetricsOverride", Map.of("width", width, "height", height, "deviceScaleFactor", 1, "mobile", false));
        } catch (RuntimeException e) {
            stop();
            throw e;
        }
    }

    private final class Listener implements WebSocket.Listener {
        private final StringBuilder partial = new StringBuilder();

        @Override
        public CompletionStage<?> onText(WebSocket ws, CharSequence data, boolean last) {
            partial.append(data);
            if (last) {
                String text = partial.toString();
                partial.setLength(0);
                try {
                    JsonNode msg = JSON.readTree(text);
                    if (msg.has("id")) {
                        CompletableFuture<JsonNode> f = pending.remove(msg.get("id").asInt());
                        if (f != null) f.complete(msg);
                    } else {
                        events.add(msg);
                    }
                } catch (IOException e) {
                    events.add(JSON.createObjectNode().put("method", "unparsable").put("text", text));
                }
            }
            ws.request(1);
            return null;
        }
    }

    public JsonNode call(String method, Map<String, ?> params) {
        return call(method, params, true);
    }

    private JsonNode call(String method, Map<String, ?> params, boolean inPage) {
        int id = ids.incrementAndGet();
        ObjectNode msg = JSON.createObjectNode();
        msg.put("id", id);
        msg.put("method", method);
        msg.set("params", JSON.valueToTree(params));
        if (inPage) msg.put("sessionId", session);
        CompletableFuture<JsonNode> f = new CompletableFuture<>();
        pending.put(id, f);
        socket.sendText(msg.toString(), true).join();
        JsonNode reply = f.orTimeout(TIMEOUT.toSeconds(), TimeUnit.SECONDS).join();
        if (reply.has("error")) throw new IllegalStateException(method + " failed: " + reply.get("error"));
        return reply.get("result");
    }

    /** Navigates and waits for the load event. */
    public void open(URI url) throws InterruptedException {
        int before = events.size();
        call("Page.navigate", Map.of("url", url.toString()));
        long deadline = System.nanoTime() + TIMEOUT.toNanos();
        while (System.nanoTime() < deadline) {
            for (int i = before; i < events.size(); i++) if ("Page.loadEventFired".equals(events.get(i).path("method").asText())) return;
            Thread.sleep(50);
        }
        throw new IllegalStateException("the page did not load within " + TIMEOUT);
    }

    /** The value of a JavaScript expression (JSON-serialisable). */
    public JsonNode evaluate(String expression) {
        JsonNode r = call("Runtime.evaluate", Map.of("expression", expression, "returnByValue", true, "awaitPromise", true));
        if (r.has("exceptionDetails")) throw new IllegalStateException("script failed: " + r.get("exceptionDetails"));
        return r.path("result").path("value");
    }

    /** Console errors, uncaught exceptions, error-level log entries (failed loads, CSP violations) and dialogs, as text. */
    public List<String> problems() {
        List<String> out = new ArrayList<>();
        for (JsonNode e : events) {
            String method = e.path("method").asText();
            JsonNode p = e.path("params");
            switch (method) {
                case "Runtime.consoleAPICalled" -> {
                    String type = p.path("type").asText();
                    if (type.equals("error") || type.equals("assert")) out.add("console." + type + ": " + p.path("args"));
                }
                case "Runtime.exceptionThrown" -> out.add("exception: " + p.path("exceptionDetails"));
                case "Log.entryAdded" -> {
                    if (p.path("entry").path("level").asText().equals("error")) out.add("log: " + p.path("entry"));
                }
                case "Page.javascriptDialogOpening" -> out.add("dialog: " + p);
                case "unparsable" -> out.add("unparsable message: " + e.path("text").asText());
                default -> { }
            }
        }
        return out;
    }

    /** Every URL the page requested (the page itself included), in order. */
    public List<String> requests() {
        List<String> out = new ArrayList<>();
        for (JsonNode e : events) {
            if ("Network.requestWillBeSent".equals(e.path("method").asText())) out.add(e.path("params").path("request").path("url").asText());
        }
        return out;
    }

    /** Saves downloads the page starts into {@code dir}. */
    public void allowDownloads(Path dir) throws IOException {
        Files.createDirectories(dir);
        call("Browser.setDownloadBehavior", Map.of("behavior", "allow", "downloadPath", dir.toAbsolutePath().toString()), false);
    }

    /** Input as a person gives it: a mouse event at page coordinates of the window (type mousePressed, mouseMoved, mouseReleased, mouseWheel). */
    public void mouse(String type, double x, double y, int modifiers, double wheelDeltaY) {
        Map<String, Object> p = new java.util.LinkedHashMap<>();
        p.put("type", type);
        p.put("x", x);
        p.put("y", y);
        p.put("modifiers", modifiers);
        p.put("button", type.equals("mouseMoved") || type.equals("mouseWheel") ? "none" : "left");
        p.put("buttons", type.equals("mouseReleased") || type.equals("mouseWheel") ? 0 : 1);
        p.put("clickCount", type.equals("mouseMoved") || type.equals("mouseWheel") ? 0 : 1);
        if (type.equals("mouseWheel")) {
            p.put("deltaX", 0);
            p.put("deltaY", wheelDeltaY);
        }
        call("Input.dispatchMouseEvent", p);
    }

    /** A PNG of the whole page (not just the window). */
    public void screenshot(Path file) throws IOException {
        screenshot(file, 0, 30000);
    }

    /** A PNG of the page from {@code top} down, at most {@code height} px (CSS px of the page). */
    public void screenshot(Path file, double top, double height) throws IOException {
        JsonNode metrics = call("Page.getLayoutMetrics", Map.of());
        JsonNode size = metrics.path("cssContentSize");
        double w = size.path("width").asDouble(), h = Math.min(size.path("height").asDouble() - top, height);
        JsonNode shot = call("Page.captureScreenshot", Map.of("format", "png", "captureBeyondViewport", true,
                "clip", Map.of("x", 0, "y", top, "width", w, "height", h, "scale", 1)));
        Files.createDirectories(file.toAbsolutePath().getParent());
        Files.write(file, Base64.getDecoder().decode(shot.get("data").asText()));
    }

    @Override
    public void close() {
        try {
            if (socket != null) socket.sendClose(WebSocket.NORMAL_CLOSURE, "done").orTimeout(5, TimeUnit.SECONDS).exceptionally(t -> null).join();
        } finally {
            stop();
        }
    }

    /** Ends the browser this object started (its process and that process's children). */
    private void stop() {
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
        try {
            process.waitFor(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
