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
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.stream.Stream;

/** {@code initlab show RUN}: one run's spec, per-epoch metrics and final layer statistics. */
@Command(name = "show", mixinStandardHelpOptions = true,
        description = {"Show one run: its spec, per-epoch losses and accuracies, and per-layer statistics.",
                "RUN is a run folder, or a run id (or its first characters) in --study (default: every folder under ./studies)."})
final class ShowCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "RUN", description = "run folder or run id")
    String run;

    @Option(names = "--study", paramLabel = "DIR", description = "the study folder to look in")
    Path study;

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

    private Path find() throws IOException {
        Path direct = Path.of(run);
        if (Files.isRegularFile(direct.resolve(StudyStore.RESULT))) return direct.toAbsolutePath().normalize();
        List<Path> roots = new ArrayList<>();
        if (study != null) roots.add(study);
        else if (Files.isDirectory(Path.of("studies"))) {
            try (Stream<Path> s = Files.list(Path.of("studies"))) {
                s.filter(Files::isDirectory).forEach(roots::add);
            }
        }
        List<Path> hits = new ArrayList<>();
        for (Path r : roots) {
            Path runs = r.resolve("runs");
            if (!Files.isDirectory(runs)) continue;
            try (Stream<Path> s = Files.list(runs)) {
                s.filter(p -> p.getFileName().toString().startsWith(run) && Files.isRegularFile(p.resolve(StudyStore.RESULT))).forEach(hits::add);
            }
        }
        if (hits.isEmpty()) {
            throw new UserError("no finished run '" + run + "'" + (study != null ? " in " + study : " under ./studies")
                    + ": give a run folder, or a run id with --study DIR");
        }
        if (hits.size() > 1) throw new UserError("'" + run + "' matches " + hits.size() + " runs (" + hits.get(0).getFileName() + ", "
                + hits.get(1).getFileName() + ", ...): give more characters of the id");
        return hits.getFirst().toAbsolutePath().normalize();
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
                o.println(String.format(Locale.ROOT, "%6d  diverged: %s; of this epoch only the minibatch losses before that are kept", e.epoch(), d.what()));
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
