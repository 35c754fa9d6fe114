package org.initlab.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

/** {@code initlab runs STUDY_DIR [--where K=V,...]}: a study folder's runs, one line each. */
@Command(name = "runs", mixinStandardHelpOptions = true,
        description = {"List a study's runs: id, labels, status, epochs, final test accuracy and loss.",
                "One line per run: its id, the labels that tell it apart from the others, its status (finished, diverged,"
                        + " running, not started), its epochs, and its final test accuracy and loss.",
                "For example: 'initlab runs studies/seed --where initializer=he,activation=tanh'. Give an id (or its first"
                        + " characters) to 'initlab show' to see one run in full."})
final class RunsCommand implements Callable<Integer> {
    @Parameters(index = "0", arity = "0..1", paramLabel = "STUDY_DIR",
            description = "a study folder written by 'initlab run' (default: the current folder, if it is one)")
    Path studyDir;

    @Option(names = "--where", paramLabel = "KEY=LABEL,...",
            description = "only the runs with these labels (keys: the study's factors, seed, experiment, status;"
                    + " case, '_', '-' and blanks do not count), e.g. initializer=he,seed=0 or status=diverged")
    List<String> where = new ArrayList<>();

    @Override
    public Integer call() {
        RunListing listing = RunListing.of(RunListing.studyFolder(studyDir));
        RunFilter filter = RunFilter.parse(where, listing.rows());
        List<RunListing.Row> chosen = listing.matching(filter);
        PrintStream o = System.out;
        listing.print(o, chosen);
        o.println();
        o.println(TerminalText.safe(filter.isAll() ? RunListing.counts(chosen)
                : RunListing.counts(chosen) + " of " + listing.rows().size() + " match " + filter));
        return 0;
    }
}
