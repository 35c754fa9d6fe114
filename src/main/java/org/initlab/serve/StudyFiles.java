package org.initlab.serve;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The study folder's own files the live view serves (the report, its figures and tables, the
 * spec, results), read-only and only these: a path of plain names (no {@code ..}, no hidden
 * names, no back-slashes or control characters) of a known type, resolved under the folder and
 * refused when its real path — links followed — leaves it. The report keeps its own
 * Content-Security-Policy, sent as a header too (a header can also forbid framing and, with
 * {@code sandbox}, give the page an origin of its own, so its script could not read the live
 * view even if it ran); every other file gets one that runs nothing.
 */
final class StudyFiles {
    private StudyFiles() {}

    /** Bytes served at most from one file (a report stays under 10 MB; results are a few MB). */
    static final long MAX_BYTES = 64L << 20;
    static final int MAX_SEGMENTS = 8, MAX_NAME = 255;

    /** Media types by extension; HTML only for the report at the folder's top. */
    static final Map<String, String> TYPES = Map.of(
            "html", "text/html; charset=utf-8",
            "svg", "image/svg+xml",
            "png", "image/png",
            "csv", "text/csv; charset=utf-8",
            "md", "text/markdown; charset=utf-8",
            "json", "application/json",
            "yaml", "text/plain; charset=utf-8",
            "txt", "text/plain; charset=utf-8");

    /** What runs nothing and loads nothing: for everything but the report. */
    static final String INERT_CSP = "default-src 'none'; style-src 'unsafe-inline'; img-src data:; sandbox; frame-ancestors 'none'";

    private static final Pattern META_CSP = Pattern.compile(
            "<meta\\s+http-equiv=\"Content-Security-Policy\"\\s+content=\"([^\"]*)\"", Pattern.CASE_INSENSITIVE);
    private static final Pattern SCRIPT_HASH = Pattern.compile("'sha(256|384|512)-[A-Za-z0-9+/=]+'");

    /** A file to send. */
    record Found(Path path, String type, String csp, long size) {}

    /**
     * The file {@code relative} (a path under {@code /files/}, decoded) names, or null when it is
     * not one to serve: not a plain path, not a known type, absent, not a regular file, too large,
     * or outside {@code realDir} once links are followed.
     */
    static Found find(Path realDir, String relative) {
        if (relative == null || relative.isEmpty()) return null;
        List<String> parts = List.of(relative.split("/", -1));
        if (parts.size() > MAX_SEGMENTS) return null;
        for (String p : parts) if (!plainName(p)) return null;
        String name = parts.getLast();
        int dot = name.lastIndexOf('.');
        if (dot < 0) return null;
        String ext = name.substring(dot + 1).toLowerCase(Locale.ROOT);
        String type = TYPES.get(ext);
        if (type == null) return null;
        boolean report = ext.equals("html");
        if (report && !(parts.size() == 1 && name.equals(FolderReader.REPORT))) return null;
        Path file = realDir;
        for (String p : parts) file = file.resolve(p);
        Path real;
        try {
            real = file.toRealPath();
            if (!real.startsWith(realDir) || !Files.isRegularFile(real)) return null;
            long size = Files.size(real);
            if (size > MAX_BYTES) return null;
            return new Found(real, type, report ? reportCsp(real) : INERT_CSP, size);
        } catch (IOException e) {
            return null;
        }
    }

    /** A name of a file or folder as initlab writes them: not empty, not hidden, no separators or control characters. */
    static boolean plainName(String s) {
        if (s.isEmpty() || s.length() > MAX_NAME || s.startsWith(".")) return false;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < 0x20 || c == 0x7f || c == '\\' || c == '/' || c == ':') return false;
        }
        return true;
    }

    /**
     * The report's policy as a header: what its page's own policy allows (no network, styles
     * inline, images from blobs, scripts by hash only), keeping only its script hashes from the
     * file, so that a report edited by hand cannot widen it; framing forbidden; and a sandbox of
     * its own origin (its scripts, and its downloads of single panels, still work).
     */
    static String reportCsp(Path report) throws IOException {
        StringBuilder hashes = new StringBuilder();
        String head;
        try (var in = Files.newInputStream(report)) {
            head = new String(in.readNBytes(64 * 1024), StandardCharsets.UTF_8);
        }
        Matcher m = META_CSP.matcher(head);
        if (m.find()) {
            for (String directive : m.group(1).split(";")) {
                String d = directive.trim();
                if (!d.startsWith("script-src ")) continue;
                Matcher h = SCRIPT_HASH.matcher(d);
                while (h.find()) hashes.append(' ').append(h.group());
            }
        }
        return "default-src 'none'; style-src 'unsafe-inline'; img-src blob: data:; script-src" + (hashes.isEmpty() ? " 'none'" : hashes)
                + "; base-uri 'none'; form-action 'none'; frame-ancestors 'none'; sandbox allow-scripts allow-downloads";
    }
}
