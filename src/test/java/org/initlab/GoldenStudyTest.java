package org.initlab;

import org.initlab.cli.Main;
import org.initlab.study.RunRecord;
import org.initlab.study.StudyManifest;
import org.initlab.study.StudyStore;
import org.initlab.train.EpochRecord;
import org.initlab.train.Histogram;
import org.initlab.train.LayerRecord;
import org.initlab.train.NamedValues;
import org.initlab.train.RunResult;
import org.initlab.train.Summary;
import org.initlab.train.SyntheticData;
import org.initlab.train.Value;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

/**
 * Behaviour is pinned: two small fixed studies (the default and the notebook protocol, every
 * initializer family, activation family and optimizer) must give the metrics and probe values of
 * {@code golden/*.txt} bit for bit. The golden files were written by the code before the
 * architecture was reorganised; a refactoring that changes a single bit of training or of what a
 * probe records fails here. Runs are matched by their labels, not their ids (ids hash the spec,
 * whose form may change).
 *
 * <p>To write the files anew after an intended change of behaviour, run this test with
 * {@code -Dinitlab.golden.write=DIR} and commit what it writes there, saying why.
 */
class GoldenStudyTest {
    @TempDir
    static Path tmp;

    static final String DEFAULT_STUDY = """
            name: golden-default
            dataset: {name: %s, validation: 200}
            seeds: 2
            settings:
              architecture: [24, 12]
              epochs: 3
              batch_size: 40
              evaluation: {batch_size: 70}
              probes: {probe_batch: 120, loss_every: 3, ratio_every: 4}
            factors:
              initializer:
                - {name: zeros, label: zero, bias: zeros}
                - {name: normal, std: 1, label: random}
                - {name: xavier_uniform, label: xavier}
                - {name: kaiming_normal, nonlinearity: relu, label: he}
                - {name: lsuv, label: lsuv}
                - {name: critical, sigma_w: auto, label: critical}
              activation: [relu, tanh, sigmoid]
              optimizer:
                - {name: sgd, lr: 0.05, label: sgd}
                - {name: adam, lr: 0.01, label: adam}
            """;

    static final String NOTEBOOK_STUDY = """
            name: golden-notebook
            dataset: {name: %s, validation: 200}
            seeds: 1
            settings:
              epochs: 2
              batch_size: 32
              probes: {probe_batch: 64, loss_every: 2, ratio_every: 3}
            factors:
              initializer: [xavier_normal, {name: orthogonal, gain: 1.2}, {name: kaiming_uniform, label: he}]
              architecture: [[16], [20, 16, 12, 8]]
              activation: [tanh, relu]
              optimizer:
                - {name: sgd, lr: 0.05, momentum: 0.9, nesterov: true, label: nesterov}
                - {name: rmsprop, lr: 0.002, label: rmsprop}
                - {name: adamw, lr: 0.005, label: adamw}
                - {name: adagrad, lr: 0.05, label: adagrad}
                - {name: sgd, lr: 3.0e+38, label: explodes}
            """;

    @Test
    void defaultProtocolStudyIsUnchanged() throws IOException {
        check("default", DEFAULT_STUDY);
    }

    @Test
    void notebookProtocolStudyIsUnchanged() throws IOException {
        check("notebook", NOTEBOOK_STUDY, "--protocol", "notebook");
    }

    private void check(String name, String spec, String... options) throws IOException {
        Path data = tmp.resolve("blobs");
        if (!Files.isDirectory(data)) SyntheticData.writeCsvFolder(data, 700, 200, 36, 4);
        Path yaml = tmp.resolve(name + ".yaml");
        Files.writeString(yaml, spec.formatted(data));
        Path dir = tmp.resolve(name);
        List<String> args = new ArrayList<>(List.of("run", yaml.toString(), "--out", dir.toString(), "--jobs", "2", "--no-report"));
        args.addAll(List.of(options));
        PrintStream oldOut = System.out, oldErr = System.err;
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code;
        try {
            System.setOut(new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));
            System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
            code = Main.run(args.toArray(String[]::new));
        } finally {
            System.setOut(oldOut);
            System.setErr(oldErr);
        }
        assertEquals(0, code, err.toString(StandardCharsets.UTF_8));

        String actual = fingerprint(dir);
        String file = "golden-" + name + ".txt";
        String write = System.getProperty("initlab.golden.write");
        if (write != null) {
            Files.createDirectories(Path.of(write));
            Files.writeString(Path.of(write, file), actual);
            return;
        }
        String expected;
        try (InputStream in = GoldenStudyTest.class.getResourceAsStream("/golden/" + file)) {
            assertNotNull(in, "missing test resource golden/" + file);
            expected = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        List<String> want = expected.lines().toList(), got = actual.lines().toList();
        for (int i = 0; i < Math.min(want.size(), got.size()); i++) {
            assertEquals(want.get(i), got.get(i), "golden " + file + " line " + (i + 1) + " (" + runOf(want, i) + ")");
        }
        assertEquals(want.size(), got.size(), "golden " + file + ": number of lines");
    }

    private static String runOf(List<String> lines, int i) {
        for (int k = i; k >= 0; k--) if (lines.get(k).startsWith("run ")) return lines.get(k);
        return "?";
    }

    /**
     * Every run as text, sorted by its labels: status, recorded minibatch losses, per-epoch
     * metrics and final metrics in full; the per-layer probes of each epoch as a SHA-256 of their
     * values (a study's worth of histograms would make a file of megabytes).
     */
    static String fingerprint(Path dir) {
        StudyStore store = new StudyStore(dir);
        StudyManifest m = store.readManifest();
        Map<String, String> byLabels = new TreeMap<>();
        for (RunRecord r : store.readResults(m)) {
            StringBuilder sb = new StringBuilder();
            RunResult res = r.result();
            sb.append("status ").append(res.status()).append(" diverged_epoch ").append(res.divergedEpoch())
                    .append(" steps ").append(res.steps()).append('\n');
            sb.append("losses");
            for (EpochRecord e : res.epochs()) {
                Value.Numbers steps = e.values().numbers("minibatch_loss_step"), losses = e.values().numbers("minibatch_loss");
                if (steps == null) continue;
                for (int i = 0; i < steps.size(); i++) {
                    double loss = losses.get(i);
                    sb.append(' ').append((long) steps.get(i)).append(':').append(Double.isNaN(loss) ? null : (Double) loss);
                }
            }
            sb.append('\n');
            for (EpochRecord e : res.epochs()) {
                sb.append("epoch ").append(e.epoch()).append(" train ").append(e.trainLoss()).append(' ').append(e.trainAccuracy())
                        .append(" validation ").append(e.validationLoss()).append(' ').append(e.validationAccuracy())
                        .append(" test ").append(e.testLoss()).append(' ').append(e.testAccuracy()).append('\n');
                StringBuilder probes = new StringBuilder();
                for (LayerRecord l : e.layers()) {
                    NamedValues s = l.values();
                    probes.append(l.layer()).append(summary(s.summary("weight"))).append(histogram(s.histogram("weight_histogram")))
                            .append(summary(s.summary("bias"))).append(summary(s.summary("preact"))).append(histogram(s.histogram("preact_histogram")))
                            .append(summary(s.summary("act"))).append(histogram(s.histogram("act_histogram")))
                            .append(" dead ").append(s.number("dead_fraction")).append(" saturated ").append(s.number("saturated_fraction")).append('\n');
                }
                for (LayerRecord l : e.layers()) {
                    NamedValues g = l.values();
                    if (!g.has("grad_norm_mean")) continue; // gradients: epochs with a finished step
                    probes.append(l.layer()).append(" first ").append(g.number("grad_norm_first_step")).append(" mean ").append(g.number("grad_norm_mean"))
                            .append(" max ").append(g.number("grad_norm_max")).append(" ratio ").append(g.number("update_ratio")).append('\n');
                }
                sb.append("probes ").append(e.epoch()).append(' ').append(sha256(probes.toString())).append('\n');
            }
            RunResult.Metrics f = res.finalMetrics();
            sb.append("final ").append(f.validationLoss()).append(' ').append(f.validationAccuracy()).append(' ')
                    .append(f.testLoss()).append(' ').append(f.testAccuracy()).append('\n');
            byLabels.put("run " + new TreeMap<>(r.labels()), sb.toString());
        }
        StringBuilder out = new StringBuilder();
        byLabels.forEach((k, v) -> out.append(k).append('\n').append(v));
        return out.toString();
    }

    private static String summary(Summary s) {
        return " [" + s.count() + " " + s.nonFinite() + " " + s.mean() + " " + s.std() + " " + s.min() + " " + s.max() + " "
                + Arrays.toString(s.quantiles()) + "]";
    }

    private static String histogram(Histogram h) {
        return " {" + h.offset() + " " + Arrays.toString(h.counts()) + " " + h.underflow() + " " + h.overflow() + " " + h.nonFinite() + "}";
    }

    private static String sha256(String s) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8))).substring(0, 32);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
