package org.initlab.cli;

import org.initlab.UserError;
import org.initlab.io.JsonFormat;
import org.initlab.study.StudyManifest;
import org.initlab.study.StudyStore;
import org.initlab.train.RunResult;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The planned runs of a study folder, one row each: id, labels, experiments, status and, for a
 * finished run, its final test metrics and epochs, read from its {@code result.json} without the
 * per-epoch records (a study of 800 runs lists in a moment). What {@code initlab runs} prints and
 * {@code initlab show} chooses from.
 */
final class RunListing {
    /** What has become of a planned run. */
    enum Status {
        FINISHED("finished"), DIVERGED("diverged"), RUNNING("running"), NOT_STARTED("not started"),
        /** a result.json that does not read as this run's result (a damaged or foreign file) */
        UNREADABLE("unreadable");

        private final String word;

        Status(String word) {
            this.word = word;
        }

        String word() {
            return word;
        }
    }

    /**
     * One planned run.
     *
     * @param epochs  epochs trained (for a diverged run, the epoch it diverged in), or the epoch in
     *                training for a running run; null when unknown
     * @param planned epochs the spec asks for, or null when unknown
     */
    record Row(String id, Map<String, String> labels, List<String> experiments, Status status, Integer epochs, Integer planned,
               Double testAccuracy, Double testLoss) {
        /** The labels of {@code key} this row has: one, or its experiments, or its status. */
        List<String> values(String key) {
            return switch (key) {
                case RunFilter.EXPERIMENT -> experiments;
                case RunFilter.STATUS -> List.of(status.word());
                default -> labels.containsKey(key) ? List.of(labels.get(key)) : List.of();
            };
        }

        boolean finished() {
            return status == Status.FINISHED || status == Status.DIVERGED;
        }
    }

    /** The part of a result.json the listing reads; Jackson skips the rest. */
    private record Summary(String id, SpecPart spec, ResultPart result) {
        record SpecPart(Integer epochs) {}

        record ResultPart(String status, Integer divergedEpoch, RunResult.Metrics finalMetrics) {}
    }

    private final StudyStore store;
    private final StudyManifest manifest;
    private final List<Row> rows;

    private RunListing(StudyStore store, StudyManifest manifest, List<Row> rows) {
        this.store = store;
        this.manifest = manifest;
        this.rows = List.copyOf(rows);
    }

    /** Every planned run of the study folder {@code dir}, in the manifest's order. */
    static RunListing of(Path dir) {
        StudyStore store = new StudyStore(dir);
        StudyManifest m = store.readManifest();
        List<Row> rows = new ArrayList<>();
        for (StudyManifest.RunEntry e : m.runs()) rows.add(row(store, e));
        return new RunListing(store, m, rows);
    }

    StudyStore store() { return store; }

    StudyManifest manifest() { return manifest; }

    List<Row> rows() { return rows; }

    List<Row> matching(RunFilter filter) {
        return rows.stream().filter(filter::matches).toList();
    }

    private static Row row(StudyStore store, StudyManifest.RunEntry e) {
        Path result = store.runDir(e.id()).resolve(StudyStore.RESULT);
        if (Files.isRegularFile(result)) {
            try {
                Summary s = JsonFormat.CANONICAL.readValue(result.toFile(), Summary.class);
                if (s.result() == null || !e.id().equals(s.id())) throw new IOException("not this run's result");
                boolean diverged = RunResult.DIVERGED.equals(s.result().status());
                Integer planned = s.spec() == null ? null : s.spec().epochs();
                RunResult.Metrics f = s.result().finalMetrics();
                return new Row(e.id(), e.labels(), e.experiments(), diverged ? Status.DIVERGED : Status.FINISHED,
                        diverged ? s.result().divergedEpoch() : planned, planned,
                        f == null ? null : f.testAccuracy(), f == null ? null : f.testLoss());
            } catch (IOException | RuntimeException unreadable) {
                return new Row(e.id(), e.labels(), e.experiments(), Status.UNREADABLE, null, null, null, null);
            }
        }
        Live live = Live.of(store.runDir(e.id()));
        if (live != null) return new Row(e.id(), e.labels(), e.experiments(), Status.RUNNING, live.epoch(), live.planned(), null, null);
        return new Row(e.id(), e.labels(), e.experiments(), Status.NOT_STARTED, null, null, null, null);
    }

    /**
     * A run in training, as its live progress files show it: {@code runs/ID/progress/run.json},
     * rewritten at least every 30 s while the run trains, and {@code epoch-NNNN.json} per epoch
     * recorded. A {@code run.json} older than {@link #STALE} is a run whose process stopped.
     * (The files are written by the live view's progress writer; without them no run shows as running.)
     */
    record Live(Integer epoch, Integer planned) {
        static final Duration STALE = Duration.ofSeconds(90);
        private static final Pattern EPOCH = Pattern.compile("epoch-(\\d+)\\.json");
        private static final Pattern PLANNED = Pattern.compile("\"epochs\"\\s*:\\s*(\\d+)");

        static Live of(Path runDir) {
            Path progress = runDir.resolve("progress");
            Path start = progress.resolve("run.json");
            try {
                FileTime t = Files.getLastModifiedTime(start);
                if (Duration.between(t.toInstant(), Instant.now()).compareTo(STALE) > 0) return null;
                Integer planned = null;
                Matcher m = PLANNED.matcher(Files.readString(start));
                if (m.find()) planned = Integer.parseInt(m.group(1));
                int epoch = 0;
                try (Stream<Path> files = Files.list(progress)) {
                    for (Path f : files.toList()) {
                        Matcher em = EPOCH.matcher(f.getFileName().toString());
                        if (em.matches()) epoch = Math.max(epoch, Integer.parseInt(em.group(1)));
                    }
                }
                return new Live(epoch, planned);
            } catch (IOException | RuntimeException absent) {
                return null;
            }
        }
    }

    /** The label keys whose labels differ between runs of the study: what tells its runs apart. */
    List<String> varyingKeys() {
        Map<String, Set<String>> seen = new LinkedHashMap<>();
        for (Row r : rows) r.labels().forEach((k, v) -> seen.computeIfAbsent(k, x -> new LinkedHashSet<>()).add(v));
        List<String> keys = new ArrayList<>();
        seen.forEach((k, v) -> {
            if (v.size() > 1) keys.add(k);
        });
        return keys;
    }

    /** One line per row under a header, columns as wide as their widest cell; labels made safe for the terminal. */
    void print(PrintStream o, List<Row> chosen) {
        List<String> keys = varyingKeys();
        boolean experiments = manifest.experiments().size() > 1;
        List<String> header = new ArrayList<>(List.of("id"));
        header.addAll(keys);
        if (experiments) header.add("experiments");
        header.addAll(List.of("status", "epochs", "test acc", "test loss"));
        List<List<String>> table = new ArrayList<>();
        table.add(header);
        for (Row r : chosen) {
            List<String> cells = new ArrayList<>(List.of(r.id()));
            for (String k : keys) cells.add(TerminalText.safe(r.labels().getOrDefault(k, "")));
            if (experiments) cells.add(TerminalText.safe(String.join("+", r.experiments())));
            cells.add(r.status().word());
            cells.add(epochs(r));
            cells.add(RunProgressDisplay.percent(r.testAccuracy()));
            cells.add(r.testLoss() == null ? "—" : String.format(Locale.ROOT, "%.4f", r.testLoss()));
            table.add(cells);
        }
        int[] width = new int[header.size()];
        for (List<String> row : table) for (int i = 0; i < row.size(); i++) width[i] = Math.max(width[i], row.get(i).length());
        int numeric = header.size() - 3; // epochs, test acc, test loss: right-aligned
        for (List<String> row : table) {
            StringBuilder sb = new StringBuilder();
            for (int i = 0; i < row.size(); i++) {
                if (i > 0) sb.append("  ");
                String cell = row.get(i);
                String pad = " ".repeat(width[i] - cell.length());
                sb.append(i >= numeric ? pad + cell : cell + (i == row.size() - 1 ? "" : pad));
            }
            o.println(sb.toString().stripTrailing());
        }
    }

    private static String epochs(Row r) {
        if (r.epochs() == null) return "—";
        if (r.status() == Status.FINISHED || r.planned() == null) return Integer.toString(r.epochs());
        return r.epochs() + "/" + r.planned();
    }

    /** "12 runs: 10 finished, 1 diverged, 1 not started". */
    static String counts(List<Row> rows) {
        Map<Status, Integer> n = new LinkedHashMap<>();
        for (Status s : Status.values()) n.put(s, 0);
        for (Row r : rows) n.merge(r.status(), 1, Integer::sum);
        List<String> parts = new ArrayList<>();
        n.forEach((s, c) -> {
            if (c > 0) parts.add(c + " " + s.word());
        });
        return rows.size() + " run" + (rows.size() == 1 ? "" : "s") + (parts.isEmpty() ? "" : ": " + String.join(", ", parts));
    }

    /** The study folder a command means: {@code given}, else the current folder when it is one. */
    static Path studyFolder(Path given) {
        if (given != null) {
            if (!Files.isRegularFile(given.resolve(StudyStore.MANIFEST))) {
                throw new UserError(given + " is not a study folder (no " + StudyStore.MANIFEST + "); give a folder written by 'initlab run'"
                        + nearbyStudies());
            }
            return given;
        }
        Path here = Path.of(".");
        if (Files.isRegularFile(here.resolve(StudyStore.MANIFEST))) return here;
        throw new UserError("say which study folder, e.g. 'initlab runs studies/seed'" + nearbyStudies());
    }

    /** "; the study folders under ./studies: studies/a, studies/b" when there are any. */
    static String nearbyStudies() {
        List<String> found = studiesUnder(Path.of("studies")).stream().map(Path::toString).toList();
        return found.isEmpty() ? "" : "; the study folders under ./studies: " + String.join(", ", found);
    }

    /** The study folders directly under {@code dir}, sorted. */
    static List<Path> studiesUnder(Path dir) {
        if (!Files.isDirectory(dir)) return List.of();
        try (Stream<Path> s = Files.list(dir)) {
            return s.filter(p -> Files.isRegularFile(p.resolve(StudyStore.MANIFEST))).sorted().toList();
        } catch (IOException e) {
            return List.of();
        }
    }
}
