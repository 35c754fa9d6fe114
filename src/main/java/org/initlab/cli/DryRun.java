package org.initlab.cli;

import org.initlab.UserError;
import org.initlab.data.DataOptions;
import org.initlab.data.DatasetCatalogue;
import org.initlab.data.DatasetFile;
import org.initlab.data.DatasetLoader;
import org.initlab.data.DatasetShape;
import org.initlab.data.DatasetSpec;
import org.initlab.data.DatasetStatus;
import org.initlab.study.Experiment;
import org.initlab.study.PlannedRun;
import org.initlab.study.StudyManifest;
import org.initlab.study.StudySpec;
import org.initlab.study.StoredResult;
import org.initlab.study.StudyStore;
import org.initlab.study.factor.Factor;
import org.initlab.study.factor.Level;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;

/**
 * {@code initlab run --dry-run}: what a run of the study would do, without training: the grid (each
 * experiment's factors and settings), how many runs there are and how many experiments share, where
 * the data would come from, what the output folder holds and whether {@code --force} would be
 * needed, how long the runs left to train take on this machine now ({@link TrainingSpeed}), and the
 * memory they need ({@link MemoryBudget}).
 */
final class DryRun {
    private DryRun() {}

    /** What the dry run is told beside the study. */
    record Context(int jobs, Path folder, DatasetShape shape, MemoryBudget memory, DataOptions data, boolean force,
                   TrainingSpeed.Budget timing) {}

    static void print(PrintStream o, StudySpec spec, List<PlannedRun> runs, Context c) {
        Folder folder = Folder.of(c.folder(), runs);
        List<PlannedRun> todo = runs.stream().filter(r -> !folder.finished().contains(r.id())).toList();
        // a study that does not fit is not timed: timing builds its largest net, which would not fit either
        String refusal = c.memory().refusal();
        // the timing starts first: its JIT warm-up runs while the data's checksums are computed
        Future<TrainingSpeed.Estimate> timing = todo.isEmpty() || refusal != null ? null
                : new TrainingSpeed(c.shape(), spec.data().validationSize(), c.timing()).start(todo, c.jobs());
        int width = TerminalText.width();
        say(o, width, "Study '" + spec.name() + "' — " + spec.protocol() + " protocol, dataset " + spec.data().dataset()
                + " (validation " + spec.data().validationSize() + ", " + spec.data().preprocessing()
                + (spec.data().classes() == null ? "" : ", " + spec.data().classes() + " classes") + "), seeds " + seedText(spec.seeds()));
        if (!spec.description().isBlank()) say(o, width, "  " + spec.description());
        for (Experiment e : spec.experiments()) {
            long n = runs.stream().filter(r -> r.experiments().contains(e.name())).count();
            o.println();
            say(o, width, "Experiment " + e.name() + ": " + n + " runs" + (e.description().isBlank() ? "" : " — " + e.description()));
            for (Map.Entry<Factor<?>, List<Level<?>>> f : e.factors().entrySet()) {
                say(o, width, "  vary " + f.getKey().key() + ": " + String.join(", ", f.getValue().stream().<String>map(Level::show).toList()));
            }
            for (Map.Entry<Factor<?>, Level<?>> s : e.settings().entrySet()) {
                say(o, width, "  with " + s.getKey().key() + " = " + s.getValue().show());
            }
            say(o, width, "  evaluation: validation " + (e.evaluation().validationEachEpoch() ? "each epoch" : "at the end")
                    + ", test " + (e.evaluation().testEachEpoch() ? "each epoch" : "at the end")
                    + ", " + e.evaluation().aggregation().name().toLowerCase(Locale.ROOT).replace('_', ' ')
                    + " over batches of " + (e.evaluation().batchSize() == org.initlab.train.Evaluation.TRAINING_BATCH
                    ? "the training batch size" : Integer.toString(e.evaluation().batchSize())));
            if (!e.include().isEmpty()) say(o, width, "  plus " + e.include().size() + " included combination(s)");
            if (!e.exclude().isEmpty()) say(o, width, "  minus " + e.exclude().size() + " excluded pattern(s)");
        }
        o.println();
        say(o, width, "Runs: " + sharing(spec, runs));
        say(o, width, "Data: " + dataLine(spec, c.data()));
        say(o, width, "Folder: " + folder.describe(c.force(), runs.size()));
        say(o, width, "Time: " + (refusal != null && !todo.isEmpty() ? "not estimated: the runs do not fit in this Java's memory (below),"
                + " and timing a training step would need that memory." : timeLine(todo, runs.size(), c, timing)));
        say(o, width, c.memory().line());
        if (refusal != null) say(o, width, "'initlab run' refuses this study: " + refusal + ".");
        say(o, width, "Nothing was trained (--dry-run).");
    }

    /** A paragraph wrapped at the width, continued two columns in; what a spec or a folder named made safe. */
    private static void say(PrintStream o, int width, String text) {
        int lead = 0;
        while (lead < text.length() && text.charAt(lead) == ' ') lead++;
        String indent = text.substring(0, lead);
        for (String l : TerminalText.wrap(text.substring(lead), width, indent, indent + "  ")) o.println(TerminalText.safe(l));
    }

    private static String seedText(List<Long> seeds) {
        return seeds.size() <= 6 ? seeds.toString() : seeds.size() + " (" + seeds.getFirst() + "…" + seeds.getLast() + ")";
    }

    /** "60 + 40 + 40 runs in its three experiments, 20 of them shared by two experiments (trained once): 120 runs". */
    static String sharing(StudySpec spec, List<PlannedRun> runs) {
        if (spec.experiments().size() == 1) return runs.size() + " run" + (runs.size() == 1 ? "" : "s") + ".";
        StringBuilder sum = new StringBuilder();
        long total = 0;
        for (Experiment e : spec.experiments()) {
            long n = runs.stream().filter(r -> r.experiments().contains(e.name())).count();
            if (!sum.isEmpty()) sum.append(" + ");
            sum.append(n);
            total += n;
        }
        Map<Integer, Long> byCount = new TreeMap<>();
        for (PlannedRun r : runs) if (r.experiments().size() > 1) byCount.merge(r.experiments().size(), 1L, Long::sum);
        String in = sum + " runs in its " + count(spec.experiments().size()) + " experiments";
        if (byCount.isEmpty()) return in + ", none shared: " + runs.size() + " runs.";
        StringBuilder shared = new StringBuilder();
        byCount.forEach((k, n) -> {
            shared.append(shared.isEmpty() ? n + " of them shared by " + count(k) + " experiments" : ", " + n + " by " + count(k));
        });
        return in + ", " + shared + " (trained once for all of them): " + runs.size() + " runs.";
    }

    private static String count(int n) {
        return switch (n) {
            case 2 -> "two";
            case 3 -> "three";
            case 4 -> "four";
            case 5 -> "five";
            default -> Integer.toString(n);
        };
    }

    /** Where the data would come from: found (where, verified?), or what 'initlab run' would download, or what to put where. */
    static String dataLine(StudySpec spec, DataOptions options) {
        String name = spec.data().dataset();
        Optional<DatasetSpec> catalogue = DatasetCatalogue.find(name);
        if (catalogue.isEmpty()) return name + " (a dataset named by its path; read as it is, not verified).";
        DatasetSpec d = catalogue.get();
        DatasetLoader loader = new DatasetLoader();
        DatasetStatus s = loader.status(d, options);
        long bytes = d.files().stream().mapToLong(DatasetFile::officialSize).filter(b -> b > 0).sum();
        String size = bytes > 0 ? " (" + MemoryBudget.size(bytes) + ")" : "";
        if (s.problem() != null) return s.problem();
        if (!s.found()) {
            Path cache = loader.cacheDir(d, options);
            return d.name() + " is not on this machine: 'initlab run' downloads it" + size + " from " + d.mirrors().getFirst().getHost()
                    + " into " + cache + "; offline, put " + d.fileNames() + " into " + cache
                    + " or into a folder given with --data-dir or $INITLAB_DATA.";
        }
        String where = d.name() + size + " found in " + s.location() + " (" + s.origin().label() + ")";
        if (s.verified()) return where + ", verified against the published checksums.";
        String bad = s.checks().stream().filter(f -> !f.verified()).map(f -> f.file().getFileName() + ": " + f.detail()).findFirst().orElse("");
        return where + ", but its files do not verify (" + bad + "): " + (options.verify()
                ? "'initlab run' refuses them; put the published files there, or add --no-verify to use these (recorded in each run)."
                : "--no-verify uses them anyway (recorded in each run).");
    }

    /**
     * What {@code initlab run} would do with the output folder, by the rule of
     * {@code StudyStore.prepare}: a folder without a study is created or taken; one holding this
     * grid is resumed; one holding another grid is refused without {@code --force} when it holds a
     * finished run of that grid, and taken over otherwise (finished runs that are in the new grid
     * are kept either way). Read only: nothing is created or written.
     *
     * @param finished the ids of runs of the new grid already finished in the folder
     */
    record Folder(Path dir, Kind kind, StudyManifest old, int oldFinished, Set<String> finished, String unreadable) {
        enum Kind { NEW, EMPTY, SAME, OTHER, UNREADABLE }

        static Folder of(Path dir, List<PlannedRun> runs) {
            if (!Files.exists(dir)) return new Folder(dir, Kind.NEW, null, 0, Set.of(), null);
            StudyStore store = new StudyStore(dir);
            Set<String> finished = new HashSet<>(), newIds = new HashSet<>();
            for (PlannedRun r : runs) {
                newIds.add(r.id());
                if (store.read(r.id()) instanceof StoredResult.Finished) finished.add(r.id());
            }
            if (!Files.exists(dir.resolve(StudyStore.MANIFEST))) return new Folder(dir, Kind.EMPTY, null, 0, finished, null);
            StudyManifest old;
            try {
                old = store.readManifest();
            } catch (UserError e) {
                return new Folder(dir, Kind.UNREADABLE, null, 0, finished, e.getMessage());
            }
            Set<String> oldIds = new HashSet<>();
            for (StudyManifest.RunEntry e : old.runs()) oldIds.add(e.id());
            int oldFinished = 0; // each result is read once: those of the new grid are judged above
            for (String id : oldIds) {
                if (newIds.contains(id) ? finished.contains(id) : store.read(id) instanceof StoredResult.Finished) oldFinished++;
            }
            return new Folder(dir, oldIds.equals(newIds) ? Kind.SAME : Kind.OTHER, old, oldFinished, finished, null);
        }

        /** Whether 'initlab run' would refuse the folder without --force. */
        boolean needsForce() {
            return kind == Kind.OTHER && oldFinished > 0;
        }

        String describe(boolean force, int total) {
            int left = total - finished.size();
            return switch (kind) {
                case NEW -> dir + " does not exist yet; 'initlab run' creates it.";
                case EMPTY -> dir + " holds no study yet; 'initlab run' makes it one" + (finished.isEmpty() ? "." : ", keeping the "
                        + finished.size() + " finished runs of this grid already there.");
                case UNREADABLE -> unreadable + " ('initlab run' would stop there: choose another --out folder).";
                case SAME -> finished.isEmpty() ? dir + " holds this grid, no run finished yet."
                        : dir + " holds this grid with " + finished.size() + " of its " + total + " runs finished: "
                        + (left == 0 ? "nothing left to train." : left + " left to train ('initlab run' resumes).");
                case OTHER -> {
                    String other = dir + " holds another grid (study '" + old.name() + "', " + old.runs().size() + " runs, "
                            + oldFinished + " finished)";
                    String kept = finished.isEmpty() ? "" : ", keeping the " + finished.size() + " finished runs that are in this grid";
                    if (!needsForce()) yield other + ": with no finished run to keep, 'initlab run' replaces it, no --force needed" + kept + ".";
                    if (force) yield other + ": with --force, 'initlab run' trains this grid there" + kept + ".";
                    yield other + ": 'initlab run' refuses it without --force; with --force it trains this grid there" + kept
                            + "; or choose another --out folder.";
                }
            };
        }
    }

    /** The estimate for the runs left to train, with how it was made. */
    private static String timeLine(List<PlannedRun> todo, int total, Context c, Future<TrainingSpeed.Estimate> timing) {
        if (todo.isEmpty()) return "nothing to train: every run is finished in " + c.folder() + ".";
        TrainingSpeed.Estimate e;
        try {
            e = timing.get();
        } catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            return "not estimated (interrupted).";
        } catch (ExecutionException ex) {
            if (ex.getCause() instanceof RuntimeException r) throw r;
            throw new IllegalStateException(ex.getCause());
        }
        String runs = todo.size() == total ? "the " + total + " runs" : "the " + todo.size() + " runs left";
        StringBuilder sb = new StringBuilder(e.settled() ? "about " : "at most about ").append(approx(e.median())).append(" for ").append(runs).append(" on ")
                .append(e.threads()).append(" thread").append(e.threads() == 1 ? "" : "s")
                .append(" (").append(range(e.p10(), e.p90())).append(", the 10–90 % range over ").append(e.samples())
                .append(" samples), from the study's own training steps timed just now");
        if (e.loadAverage() >= 0) sb.append(String.format(Locale.ROOT, " at load average %.1f on %d cores", e.loadAverage(), e.cores()));
        sb.append(String.format(Locale.ROOT, ", where initlab got %.0f %% of %s: ", 100 * e.share().p50(),
                e.threads() == 1 ? "a core" : e.threads() + " cores"));
        for (int i = 0; i < e.nets().size(); i++) {
            TrainingSpeed.Net n = e.nets().get(i);
            sb.append(i == 0 ? "" : "; ").append(n.what()).append(", ").append(TrainingSpeed.stepTime(n.cpuStep())).append(" a step");
        }
        sb.append(" at a whole core. With a whole core per thread: about ").append(approx(e.idle())).append('.');
        if (!e.settled()) {
            sb.append(" (The JIT was still compiling the steps when the timing ran out, slowed by the machine's load:"
                    + " a compiled step is faster than these.)");
        }
        return sb.toString();
    }

    /** "45 s", "24 min", "2 h 05 min": an estimate's precision. */
    static String approx(double seconds) {
        if (seconds < 90) return Math.max(1, Math.round(seconds)) + " s";
        if (seconds < 90 * 60) return Math.round(seconds / 60) + " min";
        long minutes = Math.round(seconds / 60);
        return String.format(Locale.ROOT, "%d h %02d min", minutes / 60, minutes % 60);
    }

    /** "20–31 min", or "50 min–1 h 20 min" across units. */
    static String range(double lo, double hi) {
        String a = approx(lo), b = approx(hi);
        if (a.endsWith(" min") && b.endsWith(" min") && !a.contains(" h ") && !b.contains(" h ")) return a.replace(" min", "") + "–" + b;
        if (a.endsWith(" s") && b.endsWith(" s")) return a.replace(" s", "") + "–" + b;
        return a + "–" + b;
    }
}
