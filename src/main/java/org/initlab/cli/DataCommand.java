package org.initlab.cli;

import org.initlab.data.DataOptions;
import org.initlab.data.DatasetCatalogue;
import org.initlab.data.DatasetLoader;
import org.initlab.data.DatasetSpec;
import org.initlab.data.DatasetStatus;
import org.initlab.data.FileCheck;
import org.initlab.data.Format;
import org.initlab.data.Origin;
import org.initlab.data.Progress;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.PrintWriter;
import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;

/** {@code initlab data}: which datasets are where, and fetching them. */
@Command(name = "data",
        mixinStandardHelpOptions = true,
        description = {"List and fetch datasets.",
                "Datasets are looked for in --data-dir, then $INITLAB_DATA, then the cache ($INITLAB_CACHE, "
                        + "$XDG_CACHE_HOME/initlab or ~/.cache/initlab), then system locations (Debian's dataset-fashion-mnist)."},
        subcommands = {DataCommand.ListDatasets.class, DataCommand.Fetch.class})
public final class DataCommand implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /** Where to look and where to download from, shared by the subcommands. */
    static final class Locations {
        @Option(names = "--data-dir", paramLabel = "DIR",
                description = "Look here first: DIR/NAME or DIR itself holding the files (for fetch: download into DIR/NAME).")
        Path dataDir;

        @Option(names = "--cache-dir", paramLabel = "DIR", description = "The cache root instead of the default.")
        Path cacheDir;

        @Option(names = "--mirror", paramLabel = "URL",
                description = "Download from URL/NAME/FILE instead of the official mirrors (repeatable, tried in order).")
        List<URI> mirrors = new ArrayList<>();

        DataOptions options(Progress progress) {
            return DataOptions.defaults().withDataDir(dataDir).withCacheDir(cacheDir).withMirrors(mirrors).withProgress(progress);
        }
    }

    @Command(name = "list", mixinStandardHelpOptions = true,
            description = "Show each known dataset, where it was found, and whether its files match the published checksums.")
    static final class ListDatasets implements Callable<Integer> {
        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Mixin
        Locations locations = new Locations();

        @Override
        public Integer call() {
            PrintWriter out = spec.commandLine().getOut();
            DataOptions options = locations.options(Progress.NONE);
            DatasetLoader loader = new DatasetLoader();
            List<DatasetStatus> all = loader.status(options);
            String format = "%-14s %-13s %-9s %s";
            out.println(String.format(format, "NAME", "FILES", "VERIFIED", "LOCATION"));
            for (DatasetStatus s : all) {
                String files = s.spec().format() == Format.IDX ? s.spec().files().size() + " IDX .gz" : s.spec().fileNames();
                String mark = !s.found() ? (s.problem() == null ? "-" : "✗") : s.verified() ? "✓" : "✗";
                String where = s.found() ? s.location() + " (" + s.origin().label() + ")" : "not found";
                out.println(TerminalText.safe(String.format(format, s.spec().name(), files, mark, where)));
                if (s.problem() != null) out.println(TerminalText.safe("    " + s.problem()));
                for (FileCheck c : s.checks()) {
                    if (!c.verified()) out.println(TerminalText.safe("    " + c.file().getFileName() + ": " + describe(c)));
                }
            }
            out.println();
            out.println(TerminalText.safe("Cache: " + loader.cacheDir(DatasetCatalogue.all().getFirst(), options).getParent()
                    + ". Fetch a dataset with 'initlab data fetch NAME'; or put its files into --data-dir DIR/NAME."));
            out.flush();
            return 0;
        }

        private static String describe(FileCheck c) {
            return (c.status() == FileCheck.Status.MISMATCH ? "checksum mismatch: " : "unverified: ") + c.detail();
        }
    }

    @Command(name = "fetch", mixinStandardHelpOptions = true,
            description = "Download a dataset into the cache (or --data-dir DIR/NAME), verifying every file, unless it is already present and verified.")
    static final class Fetch implements Callable<Integer> {
        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Parameters(paramLabel = "NAME", description = "A catalogue dataset: ${COMPLETION-CANDIDATES}", completionCandidates = Names.class)
        String name;

        @Mixin
        Locations locations = new Locations();

        @Override
        public Integer call() {
            PrintWriter out = spec.commandLine().getOut();
            PrintWriter err = spec.commandLine().getErr();
            DatasetSpec dataset = DatasetLoader.catalogueSpec(name);
            DatasetLoader loader = new DatasetLoader();
            DataOptions options = locations.options(new ConsoleProgress(err, RunProgressDisplay.isTerminal()));
            DatasetStatus status = loader.status(dataset, options);
            if (status.verified() && (locations.dataDir == null || status.origin() == Origin.DATA_DIR)) {
                out.println(TerminalText.safe(dataset.name() + ": already present and verified in " + status.location() + " (" + status.origin().label() + ")"));
                out.flush();
                return 0;
            }
            Path target = locations.dataDir != null ? locations.dataDir.resolve(dataset.name()) : loader.cacheDir(dataset, options);
            err.println(TerminalText.safe("fetching " + dataset.name() + " into " + target));
            err.flush();
            Path dir = loader.fetch(dataset.name(), options);
            out.println(TerminalText.safe(dataset.name() + ": downloaded and verified in " + dir));
            out.flush();
            return 0;
        }
    }

    /** The catalogue names, for the help text. */
    static final class Names extends ArrayList<String> {
        Names() {
            super(DatasetCatalogue.names());
        }
    }

    /** Download progress on stderr: a self-updating line on a terminal, start and end lines otherwise. */
    static final class ConsoleProgress implements Progress {
        private final PrintWriter err;
        private final boolean interactive;
        private long lastPrint;

        ConsoleProgress(PrintWriter err, boolean interactive) {
            this.err = err;
            this.interactive = interactive;
        }

        @Override
        public void started(String file, URI from, long expectedBytes) {
            err.println(TerminalText.safe("  " + file + " from " + from + (expectedBytes >= 0 ? " (" + megabytes(expectedBytes) + ")" : "")));
            err.flush();
        }

        @Override
        public void advanced(String file, long bytes, long expectedBytes) {
            if (!interactive) return;
            long now = System.nanoTime();
            if (now - lastPrint < 100_000_000L && bytes != expectedBytes) return;
            lastPrint = now;
            String pct = expectedBytes > 0 ? String.format(Locale.ROOT, " %3d%%", 100 * bytes / expectedBytes) : "";
            err.print("\r    " + megabytes(bytes) + pct + "   ");
            err.flush();
        }

        @Override
        public void finished(String file, boolean ok, String detail) {
            if (interactive) err.print("\r");
            err.println(TerminalText.safe("    " + (ok ? "✓ " : "✗ ") + detail));
            err.flush();
        }

        private static String megabytes(long bytes) {
            return bytes < 1_000_000 ? String.format(Locale.ROOT, "%.0f kB", bytes / 1e3) : String.format(Locale.ROOT, "%.1f MB", bytes / 1e6);
        }
    }
}
