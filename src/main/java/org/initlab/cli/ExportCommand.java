package org.initlab.cli;

import org.initlab.UserError;
import org.initlab.io.FileProblem;
import org.initlab.io.AtomicFile;
import org.initlab.io.Csv;
import org.initlab.report.ConclusionTables;
import org.initlab.report.model.StudyAggregate;
import org.initlab.report.model.StudyData;
import org.initlab.study.FinishedRuns;
import org.initlab.optim.OptimizerSpec;
import org.initlab.study.factor.ArchitectureFactor;
import org.initlab.study.factor.Factors;
import org.initlab.study.factor.LearningRateFactor;
import org.initlab.study.factor.WeightDecayFactor;
import org.initlab.study.RunRecord;
import org.initlab.study.StudyManifest;
import org.initlab.study.StudyStore;
import org.initlab.study.ProbeGaps;
import org.initlab.study.RecordedProbes;
import org.initlab.train.EpochRecord;
import org.initlab.train.LayerRecord;
import org.initlab.train.NamedValues;
import org.initlab.train.probe.Output;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.Closeable;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

/**
 * {@code initlab export STUDY_DIR --csv}: tidy tables (one row per run × epoch, and per run × epoch ×
 * layer) for pandas and R. {@code --weights}: a run's initial and final weights as .npz, by training
 * it again — the same spec gives the same bits, which the export checks against the stored result.
 */
@Command(name = "export", mixinStandardHelpOptions = true,
        description = {"Export a study's results: CSV tables for pandas and R, or runs' weights as .npz.",
                "--csv writes epochs.csv (one row per run × epoch, every factor a column), layers.csv (one row per"
                        + " run × epoch × layer: every probe value, e.g. weight, activation and gradient statistics, the theory's"
                        + " predicted_* beside measured_* values), answers.csv and claims.csv (the report's answers and claims tested).",
                "--weights writes each run's initial and final weights as .npz (numpy.load; each layer's W is in × out),"
                        + " by training the run again and checking that the result is the stored one, bit for bit."})
final class ExportCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "STUDY_DIR", description = "a study folder written by 'initlab run'")
    Path studyDir;

    @Option(names = "--csv", description = "write CSV tables")
    boolean csv;

    @Option(names = "--weights", description = "write runs/ID/weights-init.npz and weights-final.npz (retrains the runs)")
    boolean weights;

    @Option(names = "--run", paramLabel = "ID", description = "with --weights: the runs (ids or their first characters; default: every finished run)")
    List<String> runIds = new ArrayList<>();

    @Option(names = "--data-dir", paramLabel = "DIR", description = "with --weights: where the dataset files are")
    Path dataDir;

    @Option(names = "--out", paramLabel = "DIR", description = "where to write the CSV tables (default: STUDY_DIR/export)")
    Path out;

    @CommandLine.ParentCommand
    Main main;

    @Override
    public Integer call() throws IOException {
        if (!csv && !weights) throw new UserError("say what to export: --csv, --weights, or both");
        StudyStore store = new StudyStore(studyDir, main.disk());
        // with the folder to itself, what killed writers left goes; under a live run, its writes in progress stay
        try (Closeable lock = store.lockIfFree().orElse(null)) {
            if (lock != null) {
                store.removeTemporaries();
                if (csv) removeTemporaries(tablesDir());
            }
            return export(store);
        }
    }

    private int export(StudyStore store) throws IOException {
        StudyManifest m = store.readManifest();
        FinishedRuns finished = store.readFinished(m);
        for (String line : finished.skipped(studyDir)) System.err.println(TerminalText.safe("initlab: " + line));
        List<RunRecord> runs = finished.runs();
        if (runs.isEmpty()) throw new UserError(studyDir + " has no finished runs yet: run 'initlab run' first");
        String gaps = ProbeGaps.note(runs.stream().map(RecordedProbes::of).toList(), studyDir);
        if (gaps != null) System.err.println("initlab: " + gaps);
        int code = 0;
        if (csv) writeCsv(m, runs);
        if (weights) code = WeightExport.export(store, select(runs), dataDir, System.out);
        return code;
    }

    private Path tablesDir() {
        return out != null ? out : studyDir.resolve("export");
    }

    private void removeTemporaries(Path dir) {
        try {
            for (String f : List.of(EPOCHS, LAYERS, ConclusionTables.ANSWERS, ConclusionTables.CLAIMS)) for (Path t : AtomicFile.temporariesOf(dir.resolve(f))) main.disk().delete(t);
        } catch (IOException e) {
            throw new UserError("cannot write the CSV tables to " + dir + ": " + FileProblem.why(e), e);
        }
    }

    private List<RunRecord> select(List<RunRecord> runs) {
        if (runIds.isEmpty()) return runs;
        List<RunRecord> chosen = new ArrayList<>();
        for (String id : runIds) {
            List<RunRecord> hits = runs.stream().filter(r -> r.id().startsWith(id)).toList();
            if (hits.isEmpty()) throw new UserError("no finished run '" + id + "' in " + studyDir);
            if (hits.size() > 1) throw new UserError("'" + id + "' matches " + hits.size() + " runs: give more characters of the id");
            chosen.add(hits.getFirst());
        }
        return chosen;
    }

    static final String EPOCHS = "epochs.csv", LAYERS = "layers.csv";

    private void writeCsv(StudyManifest m, List<RunRecord> runs) {
        Path dir = tablesDir();
        Path epochs = dir.resolve(EPOCHS);
        Path layers = dir.resolve(LAYERS);
        try {
            main.disk().createDirectories(dir);
            main.disk().write(epochs, o -> writeEpochs(new OutputStreamWriter(o, StandardCharsets.UTF_8), runs));
            main.disk().write(layers, o -> writeLayers(new OutputStreamWriter(o, StandardCharsets.UTF_8), runs));
            writeConclusions(dir, m, runs);
        } catch (IOException e) {
            throw new UserError("cannot write the CSV tables to " + dir + ": " + FileProblem.why(e), e);
        }
        System.out.println("Wrote " + epochs + ", " + layers + ", " + ConclusionTables.ANSWERS + " and " + ConclusionTables.CLAIMS + " (" + runs.size() + " of " + m.runs().size() + " runs finished).");
    }

    /** answers.csv and claims.csv: the report's answers and the spec's claims tested, as the report computes them. */
    private void writeConclusions(Path dir, StudyManifest m, List<RunRecord> runs) throws IOException {
        StudyAggregate agg = StudyAggregate.of(StudyData.of(studyDir, m, runs));
        main.disk().write(dir.resolve(ConclusionTables.ANSWERS), ConclusionTables.answers(agg).getBytes(StandardCharsets.UTF_8));
        main.disk().write(dir.resolve(ConclusionTables.CLAIMS), ConclusionTables.claims(agg).getBytes(StandardCharsets.UTF_8));
    }

    /**
     * The columns that describe a run: its id and experiments; a column per factor holding the
     * label of the run's level (as tables and legends show it), except three that hold the value
     * whatever the label: {@code learning_rate} and {@code weight_decay} the optimizer's (set by the
     * factor or by the optimizer's {@code lr}, {@code weight_decay} or default) and
     * {@code architecture} the hidden widths ("128-64"), with the
     * level's label beside it in {@code architecture_label}; then the seed and the components in full.
     */
    static List<String> runColumns() {
        List<String> cols = new ArrayList<>(List.of("run", "experiments"));
        for (String k : Factors.keys()) {
            cols.add(k);
            if (k.equals(ArchitectureFactor.KEY)) cols.add(ARCHITECTURE_LABEL);
        }
        cols.addAll(List.of("seed", "initializer_spec", "bias_initializer_spec", "activation_spec", "optimizer_spec", "lr",
                "hidden_layers", "status"));
        return cols;
    }

    static final String ARCHITECTURE_LABEL = "architecture_label";

    static List<String> runValues(RunRecord r) {
        List<String> v = new ArrayList<>(List.of(r.id(), String.join(";", r.experiments())));
        for (String k : Factors.keys()) {
            switch (k) {
                case LearningRateFactor.KEY -> v.add(String.valueOf(r.spec().optimizer().params().get(OptimizerSpec.LR)));
                case WeightDecayFactor.KEY -> v.add(String.valueOf(r.spec().optimizer().params().get(OptimizerSpec.WEIGHT_DECAY)));
                case ArchitectureFactor.KEY -> {
                    v.add(widths(r.spec().hidden()));
                    v.add(r.labels().getOrDefault(k, ""));
                }
                default -> v.add(r.labels().getOrDefault(k, ""));
            }
        }
        v.add(Long.toString(r.spec().seed()));
        v.add(r.spec().initializer().toString());
        v.add(r.spec().biasInitializer().toString());
        v.add(r.spec().activation().toString());
        v.add(r.spec().optimizer().toString());
        v.add(String.valueOf(r.spec().optimizer().params().get("lr")));
        v.add(Integer.toString(r.spec().hidden().size()));
        v.add(r.result().status());
        return v;
    }

    static void writeEpochs(Writer w, List<RunRecord> runs) throws IOException {
        List<NamedValues> all = new ArrayList<>();
        for (RunRecord r : runs) for (EpochRecord e : r.result().epochs()) all.add(e.values());
        ValueColumns values = ValueColumns.of(all, Output.Scope.RUN);
        List<String> header = runColumns();
        header.addAll(List.of("epoch", "train_loss", "train_accuracy", "val_loss", "val_accuracy", "test_loss", "test_accuracy", "epoch_seconds"));
        header.addAll(values.header());
        Csv.row(w, header);
        for (RunRecord r : runs) {
            List<String> base = runValues(r);
            double[] secs = r.result().timing().epochSeconds();
            for (EpochRecord e : r.result().epochs()) {
                List<String> v = new ArrayList<>(base);
                v.add(Integer.toString(e.epoch()));
                v.add(n(e.trainLoss()));
                v.add(n(e.trainAccuracy()));
                v.add(n(e.validationLoss()));
                v.add(n(e.validationAccuracy()));
                v.add(n(e.testLoss()));
                v.add(n(e.testAccuracy()));
                v.add(e.epoch() < secs.length ? Double.toString(secs[e.epoch()]) : "");
                v.addAll(values.cells(e.values()));
                Csv.row(w, v);
            }
        }
        w.flush();
    }

    static void writeLayers(Writer w, List<RunRecord> runs) throws IOException {
        List<NamedValues> all = new ArrayList<>();
        for (RunRecord r : runs) for (EpochRecord e : r.result().epochs()) for (LayerRecord l : e.layers()) all.add(l.values());
        ValueColumns values = ValueColumns.of(all, Output.Scope.LAYER);
        List<String> header = runColumns();
        header.addAll(List.of("epoch", "layer", "fan_in", "fan_out"));
        header.addAll(values.header());
        Csv.row(w, header);
        for (RunRecord r : runs) {
            List<String> base = runValues(r);
            for (EpochRecord e : r.result().epochs()) {
                for (LayerRecord l : e.layers()) {
                    List<String> v = new ArrayList<>(base);
                    v.add(Integer.toString(e.epoch()));
                    v.add(l.layer());
                    v.add(Integer.toString(l.in()));
                    v.add(Integer.toString(l.out()));
                    v.addAll(values.cells(l.values()));
                    Csv.row(w, v);
                }
            }
        }
        w.flush();
    }

    /** The hidden widths joined by '-' ("512-256-128"), "linear" for none: the widths even when the level's label is "6 hidden". */
    static String widths(List<Integer> hidden) {
        return hidden.isEmpty() ? "linear" : String.join("-", hidden.stream().map(String::valueOf).toList());
    }

    private static String n(Double v) {
        return v == null ? "" : Double.toString(v);
    }
}
