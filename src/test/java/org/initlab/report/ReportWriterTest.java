package org.initlab.report;

import org.initlab.cli.Main;
import org.initlab.study.RunRecord;
import org.initlab.study.StudyManifest;
import org.initlab.train.LayerRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The files a report consists of: their shape, their determinism, their escaping, and their size with many runs. */
class ReportWriterTest {
    static final double[] FINAL = {0.980, 0.976, 0.975, 0.970, 0.11, 0.12};

    /** initializer × activation, seeds 0..seeds-1, on a fixture study named {@code name}. */
    static Path study(Path dir, String name, List<String> inits, int seeds) throws IOException {
        List<RunRecord> runs = new ArrayList<>();
        int c = 0;
        for (String init : inits) {
            for (String act : List.of("relu", "tanh")) {
                double base = FINAL[c++ % FINAL.length];
                for (int seed = 0; seed < seeds; seed++) {
                    double a = base + 0.001 * ((seed * 7 + c) % 3);
                    runs.add(Fixtures.run(init + act + seed, Fixtures.labels(init, act, seed), List.of("grid"),
                            new double[]{0.1, 0.8, a}, new double[]{0.1, 0.8, a}, 0));
                }
            }
        }
        StudyManifest m = Fixtures.manifest(name, Map.of("grid", Map.of("initializer", inits, "activation", List.of("relu", "tanh"))), runs);
        return Fixtures.write(dir, m, runs, "name: " + name + "\n");
    }

    @Test
    void writesThePageTheFiguresAndBothSummaries(@TempDir Path tmp) throws IOException {
        Path s = study(tmp.resolve("s"), "fixture", List.of("xavier", "he", "zero"), 3);
        ReportWriter.Written w = ReportWriter.write(s, ReportWriter.Options.defaults(s));
        assertEquals(s.resolve("report.html"), w.html());
        assertTrue(Files.isRegularFile(s.resolve("summary.csv")));
        assertTrue(Files.isRegularFile(s.resolve("summary.md")));
        List<String> svgs = list(s.resolve("figures"), ".svg"), pngs = list(s.resolve("figures"), ".png");
        assertEquals(svgs.size(), pngs.size(), "every figure in both formats");
        assertEquals(svgs.size() * 2, w.figures().size());
        String html = Files.readString(w.html());
        for (String svg : svgs) {
            String id = svg.substring(0, svg.length() - 4);
            assertTrue(html.contains("<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"figure-svg\" id=\"" + id + "\""), "inlined: " + id);
            assertTrue(html.contains("href=\"figures/" + id + ".png\""), "linked: " + id);
        }
        for (String section : List.of("findings", "summary", "rq1", "rq2", "rq3", "weights", "activations", "gradients", "provenance")) {
            assertTrue(html.contains("<section id=\"" + section + "\">"), section);
        }
        // no network references: nothing loads from a URL (uPlot's own banner comment names its home page, which loads nothing)
        assertFalse(java.util.regex.Pattern.compile("(src|href|url)\\s*[=(]\\s*[\"']?\\s*(https?:|//)").matcher(html).find(), "no network references");
        assertTrue(html.contains("content=\"default-src 'none'; style-src 'unsafe-inline'; img-src blob:; script-src 'sha256-"), "the CSP forbids the network");
        assertTrue(html.contains("name: fixture"), "the spec text is in the provenance");
        assertTrue(html.contains("3 seeds per configuration"));
    }

    @Test
    void figuresOfAnEarlierReportAreRemoved(@TempDir Path tmp) throws IOException {
        Path s = study(tmp.resolve("s"), "fixture", List.of("xavier", "he"), 2);
        Files.createDirectories(s.resolve("figures"));
        Files.writeString(s.resolve("figures/weights-9-gone.svg"), "<svg/>");
        Files.writeString(s.resolve("figures/notes.txt"), "mine");
        Files.writeString(s.resolve("figures/poster-1.png"), "mine");
        ReportWriter.write(s, new ReportWriter.Options(s, false, 12));
        assertFalse(Files.exists(s.resolve("figures/weights-9-gone.svg")));
        assertTrue(Files.exists(s.resolve("figures/notes.txt")), "only the report's figure files are touched");
        assertTrue(Files.exists(s.resolve("figures/poster-1.png")), "only the report's figure files are touched");
    }

    @Test
    void theCsvHasEveryFactorAndOneRowPerConfiguration(@TempDir Path tmp) throws IOException {
        Path s = study(tmp.resolve("s"), "fixture", List.of("xavier", "he"), 3);
        ReportWriter.write(s, new ReportWriter.Options(s, false, 12));
        List<String> lines = Files.readString(s.resolve("summary.csv")).lines().toList();
        assertEquals(1 + 4, lines.size());
        List<String> header = List.of(lines.getFirst().split(",", -1));
        assertEquals(List.of("initializer", "activation", "architecture", "experiments", "seeds"), header.subList(0, 5));
        assertTrue(header.containsAll(List.of("final_test_accuracy_mean", "final_test_accuracy_ci_low", "final_test_accuracy_ci_high",
                "final_test_accuracy_n", "epochs_to_90_reached", "diverged_rate", "compute_seconds")));
        for (String line : lines) assertEquals(header.size(), line.split(",", -1).length, line);
        Map<String, String> first = row(header, lines.get(1));
        assertEquals("xavier", first.get("initializer"));
        assertEquals("relu", first.get("activation"));
        assertEquals("3", first.get("seeds"));
        double mean = (0.980 + 0.001 * (1 % 3) + 0.980 + 0.001 * (8 % 3) + 0.980 + 0.001 * (15 % 3)) / 3;
        assertEquals(mean, Double.parseDouble(first.get("final_test_accuracy_mean")), 1e-15);
        assertEquals("3", first.get("final_test_accuracy_n"));
    }

    @Test
    void theMarkdownIsOneTableAndTheFindings(@TempDir Path tmp) throws IOException {
        Path s = study(tmp.resolve("s"), "a | pipe", List.of("xavier", "he"), 3);
        ReportWriter.write(s, new ReportWriter.Options(s, false, 12));
        List<String> lines = Files.readString(s.resolve("summary.md")).lines().toList();
        assertTrue(lines.getFirst().startsWith("# a \\| pipe"), lines.getFirst());
        List<String> table = lines.stream().filter(l -> l.startsWith("|")).toList();
        assertEquals(2 + 4, table.size(), "header, rule, one row per configuration");
        long cells = pipes(table.getFirst());
        for (String l : table) assertEquals(cells, pipes(l), l);
        assertTrue(table.get(2).contains("±"), "mean ± half-width");
        assertTrue(lines.contains("## Findings"));
    }

    private static long pipes(String line) {
        return line.replace("\\|", "").chars().filter(ch -> ch == '|').count();
    }

    @Test
    void theSameStudyGivesTheSameBytes(@TempDir Path tmp) throws IOException {
        Path s = study(tmp.resolve("s"), "fixture", List.of("xavier", "he"), 2);
        ReportWriter.write(s, ReportWriter.Options.defaults(tmp.resolve("a")));
        ReportWriter.write(s, ReportWriter.Options.defaults(tmp.resolve("b")));
        for (String f : List.of("report.html", "summary.csv", "summary.md")) {
            assertArrayEquals(Files.readAllBytes(tmp.resolve("a").resolve(f)), Files.readAllBytes(tmp.resolve("b").resolve(f)), f);
        }
        for (String f : list(tmp.resolve("a/figures"), "")) {
            assertArrayEquals(Files.readAllBytes(tmp.resolve("a/figures").resolve(f)), Files.readAllBytes(tmp.resolve("b/figures").resolve(f)), f);
        }
    }

    @Test
    void namesFromTheSpecAreEscapedEverywhere(@TempDir Path tmp) throws IOException {
        String hostile = "<script>alert(1)</script>";
        Path s = study(tmp.resolve("s"), hostile, List.of("x\"ss,<b>", "he"), 2);
        ReportWriter.write(s, new ReportWriter.Options(s, false, 12));
        String html = Files.readString(s.resolve("report.html"));
        assertFalse(html.contains(hostile));
        assertFalse(html.contains("<b>"));
        assertTrue(html.contains("&lt;script&gt;alert(1)&lt;/script&gt;"));
        int scripts = html.split("<script", -1).length - 1;
        assertEquals(4, scripts, "the meta JSON, the curves' JSON, uPlot and the report's script, nothing else");
        String meta = html.substring(html.indexOf("id=\"report-meta\">"), html.indexOf("</script>", html.indexOf("id=\"report-meta\">")));
        assertFalse(meta.contains("<"), "JSON in a script has no '<'");
        String curves = html.substring(html.indexOf("id=\"explorer-data\">"), html.indexOf("</script>", html.indexOf("id=\"explorer-data\">")));
        assertFalse(curves.contains("<"), "JSON in a script has no '<'");
        assertTrue(curves.contains("x\\\"ss,\\u003cb\\u003e"), "the labels are in it, escaped");
        String csv = Files.readString(s.resolve("summary.csv"));
        assertTrue(csv.contains("\"x\"\"ss,<b>\""), "CSV quotes fields with commas and quotes");
        for (String svg : list(s.resolve("figures"), ".svg")) {
            String text = Files.readString(s.resolve("figures").resolve(svg));
            assertFalse(text.contains("<b>") || text.contains("<script>"), svg);
        }
    }

    @Test
    void oneSeedSaysSoInsteadOfInventingAnInterval(@TempDir Path tmp) throws IOException {
        Path s = study(tmp.resolve("s"), "single", List.of("xavier", "he"), 1);
        ReportWriter.write(s, new ReportWriter.Options(s, false, 12));
        String html = Files.readString(s.resolve("report.html"));
        assertTrue(html.contains("1 seed: no confidence interval"));
        String table = html.substring(html.indexOf("id=\"summary-table\""), html.indexOf("</table>", html.indexOf("id=\"summary-table\"")));
        assertFalse(table.contains("±"), "no interval in the summary table");
        String ranking = html.substring(html.indexOf("id=\"ranking-table\""), html.indexOf("</table>", html.indexOf("id=\"ranking-table\"")));
        assertTrue(ranking.contains("no test (1 paired seed)"), ranking);
        assertTrue(Files.readString(s.resolve("summary.md")).contains("1 seed: no confidence interval"));
    }

    /** 1,000 runs (10 initializers × 4 activations × 5 optimizers × 5 seeds, 20 epochs, 3 layers) stay well under 10 MB. */
    @Test
    void aThousandRunsMakeAPageUnderTenMegabytes(@TempDir Path tmp) throws IOException {
        List<String> inits = List.of("zero", "random", "xavier", "he", "lecun", "orthogonal", "lsuv", "critical", "xavier_n", "he_n");
        List<String> acts = List.of("relu", "tanh", "sigmoid", "gelu"), opts = List.of("sgd", "adam", "adamw", "rmsprop", "adagrad");
        SplittableRandom rng = new SplittableRandom(1);
        int epochs = 20;
        List<List<List<LayerRecord>>> variants = new ArrayList<>();
        for (int v = 0; v < 3; v++) {
            List<List<LayerRecord>> perEpoch = new ArrayList<>();
            for (int e = 0; e <= epochs; e++) perEpoch.add(Fixtures.layers(rng, 0.05 * Math.pow(4, v) * (1 + 0.02 * e)));
            variants.add(perEpoch);
        }
        List<RunRecord> runs = new ArrayList<>();
        int n = 0;
        for (String init : inits) {
            for (String act : acts) {
                for (String opt : opts) {
                    for (int seed = 0; seed < 5; seed++) {
                        Map<String, String> labels = new LinkedHashMap<>(Fixtures.labels(init, act, seed));
                        labels.put("optimizer", opt);
                        double[] acc = new double[epochs + 1];
                        for (int e = 0; e <= epochs; e++) acc[e] = Math.min(0.99, 0.1 + 0.88 * (1 - Math.exp(-e / 3.0)) + 0.002 * rng.nextGaussian());
                        runs.add(Fixtures.run("r" + n++, labels, List.of("big"), acc, acc, 0, variants.get(seed % 3)));
                    }
                }
            }
        }
        StudyManifest m = Fixtures.manifest("big", Map.of("big", Map.of("initializer", inits, "activation", acts, "optimizer", opts)), runs);
        Path s = Fixtures.write(tmp.resolve("big"), m, runs, "name: big\n");
        long t0 = System.nanoTime();
        ReportWriter.Written w = ReportWriter.write(s, new ReportWriter.Options(s, false, 12));
        double seconds = (System.nanoTime() - t0) / 1e9;
        assertEquals(1000, w.runs());
        assertEquals(200, w.configurations());
        assertTrue(w.htmlBytes() < 10_000_000, "page of " + w.htmlBytes() + " bytes");
        assertTrue(seconds < 60, "took " + seconds + " s");
        System.out.printf("1000-run report: %.2f MB, %.1f s%n", w.htmlBytes() / 1e6, seconds);
        if (System.getProperty("report.keep") != null) {
            try (var st = Files.walk(s)) {
                for (Path p : st.filter(Files::isRegularFile).toList()) {
                    Path t = Path.of(System.getProperty("report.keep")).resolve(s.relativize(p));
                    Files.createDirectories(t.getParent());
                    Files.copy(p, t, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
                }
            }
        }
    }

    @Test
    void theCommandWritesTheReportAndRejectsWhatIsNotAStudy(@TempDir Path tmp) throws IOException {
        Path s = study(tmp.resolve("s"), "cli", List.of("xavier", "he"), 2);
        PrintStream saved = System.out;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int code;
        try {
            System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
            code = Main.run("report", s.toString(), "--out", tmp.resolve("out").toString(), "--no-png");
        } finally {
            System.setOut(saved);
        }
        assertEquals(0, code);
        assertTrue(out.toString(StandardCharsets.UTF_8).startsWith("Report: " + tmp.resolve("out").resolve("report.html")));
        assertTrue(list(tmp.resolve("out/figures"), ".png").isEmpty(), "--no-png");
        assertEquals(2, Main.run("report", tmp.resolve("missing").toString()));
        Files.createDirectories(tmp.resolve("empty"));
        assertEquals(2, Main.run("report", tmp.resolve("empty").toString()));
    }

    private static Map<String, String> row(List<String> header, String line) {
        String[] v = line.split(",", -1);
        Map<String, String> m = new LinkedHashMap<>();
        for (int i = 0; i < header.size(); i++) m.put(header.get(i), v[i]);
        return m;
    }

    private static List<String> list(Path dir, String suffix) throws IOException {
        if (!Files.isDirectory(dir)) return List.of();
        try (Stream<Path> s = Files.list(dir)) {
            return s.map(p -> p.getFileName().toString()).filter(f -> f.endsWith(suffix)).sorted().toList();
        }
    }
}
