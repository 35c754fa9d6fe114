package org.initlab.cli;

import org.initlab.UserError;
import org.initlab.report.model.Divergence;
import org.initlab.study.RunRecord;
import org.initlab.study.RunSpec;
import org.initlab.study.StoredResult;
import org.initlab.study.StudyStore;
import org.initlab.study.ProbeGaps;
import org.initlab.study.RecordedProbes;
import org.initlab.train.EpochRecord;
import org.initlab.train.NamedValues;
import org.initlab.train.RunResult;
import org.initlab.train.Summary;
import org.initlab.train.probe.ActivationStatistics;
import org.initlab.train.probe.DeadUnits;
import org.initlab.train.probe.GradientNorms;
import org.initlab.train.probe.Saturation;
import org.initlab.train.probe.UpdateRatio;
import org.initlab.train.probe.WeightStatistics;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Map;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;

/**
 * {@code initlab show [STUDY_DIR] [RUN] [--where K=V,...]}: one run's spec, per-epoch metrics and
 * final layer statistics. The run is a run folder, an id or its first characters, or the one run
 * whose labels {@code --where} names; the study folder is STUDY_DIR, {@code --study DIR}, the
 * current folder when it is one, else each study folder under {@code ./studies}.
 */
@Command(name = "show", mixinStandardHelpOptions = true,
        description = {"Show one run: its spec, per-epoch losses and accuracies, and per-layer statistics.",
                "Name the run by its folder, by its id (or its first characters), or by its labels with --where;"
                        + " when several runs match, they are listed. The study folder is STUDY_DIR or --study DIR,"
                        + " else the current folder if it is one, else each study folder under ./studies.",
                "For example: 'initlab show studies/seed 3fa9', or 'initlab show studies/seed --where initializer=he,activation=tanh,seed=0'."})
final class ShowCommand implements Callable<Integer> {
    @Parameters(arity = "0..2", paramLabel = "[STUDY_DIR] RUN", description = "a study folder, then a run id (or its first characters); or a run folder")
    List<String> args = new ArrayList<>();

    @Option(names = "--study", paramLabel = "DIR", description = "the study folder to look in")
    Path study;

    @Option(names = "--where", paramLabel = "KEY=LABEL,...",
            description = "the run with these labels, as in 'initlab runs --where' (e.g. initializer=he,seed=0)")
    List<String> where = new ArrayList<>();

    @Override
    public Integer call() throws IOException {
        Path dir = find();
        Path studyDir = dir.getParent().getParent();
        RunRecord rec = switch (new StudyStore(studyDir).read(dir.getFileName().toString())) {
            case StoredResult.Finished f -> f.record();
            case StoredResult.Broken b -> throw new UserError(b.notFinished(studyDir));
            case StoredResult.None n -> throw new UserError("run " + dir.getFileName() + " has not finished (no " + StudyStore.RESULT + " in " + dir + ")");
        };
        String gaps = ProbeGaps.note(List.of(RecordedProbes.of(rec)), studyDir);
        if (gaps != null) System.err.println("initlab: " + gaps);
        print(System.out, rec);
        return 0;
    }

    /** The folder of the one finished run the arguments name. */
    private Path find() {
        String run = null;
        Path studyArg = study;
        if (args.size() > 2) {
            throw new UserError("show takes a study folder and a run id (or a run folder), got " + args.size() + " arguments: "
                    + String.join(" ", args) + "; e.g. initlab show studies/seed 3fa9");
        }
        if (args.size() == 2) {
            if (study != null) throw new UserError("give the study folder once: as STUDY_DIR or with --study");
            studyArg = Path.of(args.get(0));
            run = args.get(1);
        } else if (args.size() == 1) {
            Path p = Path.of(args.getFirst());
            if (Files.isRegularFile(p.resolve(StudyStore.RESULT))) {
                if (!where.isEmpty()) throw new UserError(p + " is one run's folder already; --where chooses among a study's runs");
                return p.toAbsolutePath().normalize();
            }
            if (Files.isRegularFile(p.resolve(StudyStore.MANIFEST)) && study == null) studyArg = p;
            else run = args.getFirst();
        }
        if (run == null && where.isEmpty()) {
            throw new UserError("say which run: an id (or its first characters), or its labels with --where (see 'initlab runs"
                    + (studyArg != null ? " " + studyArg : "") + "')");
        }
        List<Path> studies = studyArg != null ? List.of(RunListing.studyFolder(studyArg))
                : Files.isRegularFile(Path.of(StudyStore.MANIFEST)) ? List.of(Path.of("."))
                : RunListing.studiesUnder(Path.of("studies"));
        if (studies.isEmpty()) {
            throw new UserError("no study folder here: give one, e.g. 'initlab show studies/seed " + (run != null ? run : "ID") + "'");
        }
        if (studies.size() > 1 && !where.isEmpty()) {
            throw new UserError("--where needs one study folder; give it first: 'initlab show STUDY_DIR --where ...' (study folders under ./studies: "
                    + String.join(", ", studies.stream().map(Path::toString).toList()) + ")");
        }
        return chosen(run, where, studies, studyArg == null && studies.size() > 1 ? "the study folders under ./studies" : null, System.out);
    }

    /**
     * The folder of the one finished run among {@code studies} that {@code run} (an id prefix, or
     * null) and {@code where} name (or of an unreadable one, whose reading then says why). When several match they are listed on {@code out}, under their
     * study folder when they are in several (the same run in two studies has the same id), and a
     * one-line error says how to choose.
     *
     * @param place how to name where we looked, or null for the one study's folder
     */
    static Path chosen(String run, List<String> where, List<Path> studies, String place, PrintStream out) {
        List<RunListing.Row> hits = new ArrayList<>();
        Map<Path, List<RunListing.Row>> byStudy = new LinkedHashMap<>();
        Map<Path, RunListing> listings = new LinkedHashMap<>();
        for (Path s : studies) {
            RunListing listing = RunListing.of(s);
            RunFilter filter = RunFilter.parse(where, listing.rows());
            String prefix = run;
            List<RunListing.Row> mine = listing.matching(filter).stream().filter(r -> prefix == null || r.id().startsWith(prefix)).toList();
            if (mine.isEmpty()) continue;
            byStudy.put(s, mine);
            listings.put(s, listing);
            hits.addAll(mine);
        }
        String what = (run != null ? "'" + run + "'" : "") + (run != null && !where.isEmpty() ? " with " : "")
                + (where.isEmpty() ? "" : String.join(",", where));
        String in = " in " + (place != null ? place : studies.getFirst().toString());
        if (hits.isEmpty()) {
            throw new UserError("no run " + what + in + (run != null ? ": give a run folder, or a run id with the study folder" : "")
                    + " (see 'initlab runs" + (studies.size() == 1 ? " " + studies.getFirst() : " STUDY_DIR") + "')");
        }
        if (hits.size() > 1) {
            boolean several = byStudy.size() > 1;
            for (var e : byStudy.entrySet()) {
                if (studies.size() > 1) out.println(TerminalText.safe("In " + e.getKey() + ":"));
                listings.get(e.getKey()).print(out, e.getValue());
            }
            throw new UserError(hits.size() + " runs match " + what + in + " (listed above): "
                    + (several ? "give the study folder ('initlab show STUDY_DIR " + (run != null ? run : "ID") + "'), " : "")
                    + "give more characters of the id, or more labels with --where");
        }
        RunListing.Row hit = hits.getFirst();
        // an unreadable result is read again by call(), which says why as report and export do (StoredResult.Broken)
        if (!hit.finished() && hit.status() != RunListing.Status.UNREADABLE) {
            throw new UserError("run " + hit.id() + " (" + TerminalText.safe(describe(hit)) + ") is " + hit.status().word()
                    + ": there is nothing to show until it finishes");
        }
        return listings.get(byStudy.keySet().iterator().next()).store().runDir(hit.id()).toAbsolutePath().normalize();
    }

    private static String describe(RunListing.Row r) {
        return String.join(" · ", r.labels().entrySet().stream().map(e -> e.getKey() + " " + e.getValue()).toList());
    }

    /**
     * Prints a run. A diverged run is shown by the report's rule ({@link Divergence}): its epochs
     * before the one it diverged in, that epoch as a line saying so (its partial values — a mean
     * over part of an epoch, evaluations of the broken network — are not shown), and no final
     * metrics.
     */
    static void print(PrintStream o, RunRecord recorded) {
        RunRecord rec = Divergence.validPart(recorded);
        Divergence d = Divergence.of(rec.result());
        RunSpec s = rec.spec();
        RunResult r = rec.result();
        // everything here was read from a file someone may have sent: shown, never obeyed (TerminalText)
        o.println(TerminalText.safe("Run " + rec.id() + " — "
                + String.join(" · ", rec.labels().entrySet().stream().map(e -> e.getKey() + " " + e.getValue()).toList())));
        o.println(TerminalText.safe("  experiments: " + String.join(", ", rec.experiments()) + "; initlab " + rec.initlab() + "; " + rec.finished()));
        o.println(TerminalText.safe("  data: " + s.dataset() + " (validation " + s.validationSize() + ", " + s.preprocessing()
                + (s.classes() == null ? "" : ", " + s.classes() + " classes") + ")"));
        o.println(TerminalText.safe("  net: " + s.architectureLabel() + ", activation " + s.activation() + (s.outputActivation() ? " (also on the output)" : "")
                + "; weights " + s.initializer() + ", biases " + s.biasInitializer()));
        o.println(TerminalText.safe("  training: " + s.optimizer() + ", batch " + s.batchSize() + ", " + s.epochs() + " epochs, seed " + s.seed()));
        o.println(TerminalText.safe("  probes: " + String.join(", ", rec.probes().stream().map(Object::toString).toList())));
        o.println(TerminalText.safe("  status: " + r.status() + (r.diverged() ? " (" + r.divergence() + ")" : "") + ", " + r.steps() + " steps"
                + (r.timing() == null ? "" : String.format(Locale.ROOT, ", %.1f s, %.0f examples/s", r.timing().totalSeconds(), r.timing().examplesPerSecond()))));
        o.println();
        o.println(" epoch  train loss  train acc   val loss    val acc  test loss   test acc");
        for (EpochRecord e : r.epochs()) {
            if (d != null && e.epoch() == d.epoch()) {
                o.println(String.format(Locale.ROOT, "%6d  diverged: %s; of this epoch only what was measured before that step is kept (minibatch losses, first-step values)", e.epoch(), d.what()));
                continue;
            }
            o.println(String.format(Locale.ROOT, "%6d %11s %10s %10s %10s %10s %10s", e.epoch(), num(e.trainLoss()), RunProgressDisplay.percent(e.trainAccuracy()),
                    num(e.validationLoss()), RunProgressDisplay.percent(e.validationAccuracy()), num(e.testLoss()), RunProgressDisplay.percent(e.testAccuracy())));
        }
        RunResult.Metrics f = r.finalMetrics();
        if (d != null) o.println("  final: none — the run diverged " + d.where() + " (a diverged run has no final metrics)");
        else o.println("  final: validation " + num(f.validationLoss()) + " / " + RunProgressDisplay.percent(f.validationAccuracy()) + ", test " + num(f.testLoss()) + " / " + RunProgressDisplay.percent(f.testAccuracy()));
        // a diverged run's layers as they were at the end of the last epoch before it diverged
        List<EpochRecord> valid = d == null ? r.epochs() : r.epochs().stream().filter(e -> e.epoch() < d.epoch()).toList();
        if (valid.isEmpty()) return;
        EpochRecord last = valid.getLast();
        EpochRecord first = valid.getFirst();
        o.println();
        if (d != null) o.println("  layers at epoch " + last.epoch() + ", the last before the run diverged:");
        o.println(" layer       weight std (init → " + (d == null ? "final" : "e" + last.epoch()) + ")   activation std   dead    saturated   grad norm (last epoch)   update/param");
        for (int l = 0; l < last.layers().size(); l++) {
            NamedValues a = first.layers().get(l).values(), b = last.layers().get(l).values();
            o.println(String.format(Locale.ROOT, " %-8s %12s → %-12s %14s %7s %11s %24s %14s", TerminalText.safe(last.layers().get(l).layer()),
                    num(std(a.summary(WeightStatistics.WEIGHT.name()))), num(std(b.summary(WeightStatistics.WEIGHT.name()))),
                    num(std(b.summary(ActivationStatistics.ACT.name()))), RunProgressDisplay.percent(b.number(DeadUnits.DEAD.name())),
                    RunProgressDisplay.percent(b.number(Saturation.SATURATED.name())),
                    num(b.number(GradientNorms.MEAN.name())), num(b.number(UpdateRatio.RATIO.name()))));
        }
    }

    private static Double std(Summary s) {
        return s == null ? null : s.std();
    }

    static String num(Double v) {
        if (v == null) return "—";
        double a = Math.abs(v);
        return a != 0 && (a < 1e-3 || a >= 1e5) ? String.format(Locale.ROOT, "%.3e", v) : String.format(Locale.ROOT, "%.4f", v);
    }
}
