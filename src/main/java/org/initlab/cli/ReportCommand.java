package org.initlab.cli;

import org.initlab.UserError;
import org.initlab.report.ReportWriter;
import org.initlab.report.text.Values;
import org.initlab.report.model.StudyData;
import org.initlab.study.FinishedRuns;
import org.initlab.study.ProbeGaps;
import org.initlab.study.RecordedProbes;
import org.initlab.study.StudyManifest;
import org.initlab.study.StudyStore;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.Closeable;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;

/** {@code initlab report STUDY_DIR}: the study's report (HTML, figures as SVG and PNG, summary CSV and Markdown). */
@Command(name = "report", mixinStandardHelpOptions = true,
        description = {"Write a study's report (again) from its folder.",
                "'initlab run' writes it at the end too. The report is report.html (one file, works offline), every figure as SVG and 300 dpi PNG under figures/,"
                        + " and summary.csv / summary.md."})
final class ReportCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "STUDY_DIR", description = "a study folder written by 'initlab run'")
    Path studyDir;

    @Option(names = "--out", paramLabel = "DIR", description = "where to write (default: STUDY_DIR)")
    Path out;

    @Option(names = "--no-png", description = "skip the PNGs (faster; the page and the SVGs are complete without them)")
    boolean noPng;

    @Option(names = "--max-layer-scenarios", paramLabel = "N", description = "scenarios that get weight, activation and gradient figures (default: 12)")
    Integer maxLayerScenarios;

    @CommandLine.ParentCommand
    Main main;

    @Override
    public Integer call() throws IOException {
        if (!Files.isDirectory(studyDir)) throw new UserError("no study folder " + studyDir + ": give a folder written by 'initlab run'");
        if (maxLayerScenarios != null && maxLayerScenarios < 0) throw new UserError("--max-layer-scenarios must be 0 or more, got " + maxLayerScenarios);
        ReportWriter.Options o = new ReportWriter.Options(out != null ? out : studyDir, !noPng, maxLayerScenarios != null ? maxLayerScenarios : 12,
                main.disk());
        StudyStore store = new StudyStore(studyDir, main.disk());
        // with the folder to itself, what killed writers left goes; under a live run, its writes in progress stay
        try (Closeable lock = store.lockIfFree().orElse(null)) {
            if (lock != null) {
                store.removeTemporaries();
                ReportWriter.removeTemporaries(o.out(), o.disk());
            }
            write(System.out, studyDir, o);
        }
        return 0;
    }

    /**
     * Writes the report of the study's finished runs (each result read once) and says where it is;
     * on stderr, which runs it skipped (a broken result.json) and which lack probes.
     */
    static void write(PrintStream o, Path studyDir, ReportWriter.Options options) {
        long t0 = System.nanoTime();
        StudyStore store = new StudyStore(studyDir, options.disk());
        StudyManifest manifest = store.readManifest();
        List<StudyManifest.ShardInfo> shards = store.shards();
        if (!shards.isEmpty() && shards.size() < shards.getFirst().count()) {
            System.err.println(TerminalText.safe("initlab: " + studyDir + " holds " + ShardChoice.describe(shards) + " of study '" + manifest.name()
                    + "' (" + shards.stream().mapToInt(s -> s.runs().size()).sum() + " of " + manifest.runs().size() + " runs): the report shows those;"
                    + " for the whole study, train the other shards into it, or 'initlab merge OUT SHARD_DIR...' and report OUT"));
        }
        FinishedRuns finished = store.readFinished(manifest);
        for (String line : finished.skipped(studyDir)) System.err.println(TerminalText.safe("initlab: " + line));
        String gaps = ProbeGaps.note(finished.runs().stream().map(RecordedProbes::of).toList(), studyDir);
        if (gaps != null) System.err.println("initlab: " + gaps);
        ReportWriter.Written w = ReportWriter.write(StudyData.of(studyDir, manifest, finished.runs()), options);
        o.println(TerminalText.safe(String.format(Locale.ROOT, "Report: %s (%.1f MB; %d runs in %d configurations; %d figure files; %s)",
                w.html().toAbsolutePath().normalize(), w.htmlBytes() / 1e6, w.runs(), w.configurations(), w.figures().size(),
                Values.seconds((System.nanoTime() - t0) / 1e9))));
    }
}
