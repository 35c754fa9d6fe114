package org.initlab.cli;

import org.initlab.UserError;
import org.initlab.report.ComparisonWriter;
import org.initlab.report.text.Values;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;

/** {@code initlab compare A B [C …]}: studies side by side where their configurations match. */
@Command(name = "compare", mixinStandardHelpOptions = true,
        header = "Set two or more studies side by side where their configurations match.",
        description = {"Set two or more studies side by side where their configurations match (e.g. a study under the notebook",
                "protocol against the corrected one): per configuration each study's result and the difference with its interval,",
                "and which conclusions change. Writes compare.html, compare.csv and figures/compare-*.svg (and .png).",
                "The first study is the reference."})
final class CompareCommand implements Callable<Integer> {
    // one folder is refused by call(), in words; picocli's "requires at least 2 values" names its internals
    @Parameters(paramLabel = "STUDY_DIR", arity = "1..*", description = "study folders written by 'initlab run'; the first is the reference")
    List<Path> studies;

    @Option(names = "--out", paramLabel = "DIR", description = "where to write (default: a folder beside the first study, A-vs-B)")
    Path out;

    @Option(names = "--no-png", description = "skip the PNGs (faster; the page and the SVGs are complete without them)")
    boolean noPng;

    @Override
    public Integer call() {
        if (studies.size() < 2) {
            throw new UserError("compare needs two or more study folders, got one: " + studies.getFirst()
                    + "; e.g. initlab compare studies/seed studies/seed-notebook");
        }
        for (Path s : studies) if (!Files.isDirectory(s)) throw new UserError("no study folder " + s + ": give folders written by 'initlab run'");
        long t0 = System.nanoTime();
        ComparisonWriter.Written w = ComparisonWriter.write(studies, out != null ? out : defaultOut(studies), !noPng);
        System.out.println(String.format(Locale.ROOT, "Comparison: %s (%.1f MB; %d matched configurations; %d figure files; %s)",
                w.html().toAbsolutePath().normalize(), w.htmlBytes() / 1e6, w.matched(), w.figures().size(), Values.seconds((System.nanoTime() - t0) / 1e9)));
        return 0;
    }

    /** studies/seed and studies/seed-notebook → studies/seed-vs-seed-notebook. */
    static Path defaultOut(List<Path> studies) {
        Path first = studies.getFirst().toAbsolutePath().normalize();
        String name = String.join("-vs-", studies.stream().map(s -> s.toAbsolutePath().normalize().getFileName().toString()).toList());
        return first.getParent() == null ? Path.of(name) : first.getParent().resolve(name);
    }
}
