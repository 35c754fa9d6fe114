package org.initlab.cli;

import org.initlab.UserError;
import org.initlab.study.Grid;
import org.initlab.study.PlannedRun;
import org.initlab.study.ShardMerge;
import org.initlab.study.StudySpec;
import org.initlab.study.StudySpecParser;
import org.initlab.study.StudyStore;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;

/** {@code initlab merge OUT DIR...}: one study folder from the folders of its shards ({@link ShardMerge}). */
@Command(name = "merge", mixinStandardHelpOptions = true,
        description = {"Combine the folders of a study's shards ('initlab run STUDY --shard I/N') into one study folder.",
                "Checks that they hold one study's N shards and every run, then links (or copies) each run into OUT;",
                "running it again after an interruption goes on where it stopped. Then: initlab report OUT."})
final class MergeCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "OUT", description = "the study folder to write (new, or an interrupted merge's)")
    Path out;

    @Parameters(index = "1..*", arity = "1..*", paramLabel = "DIR", description = "the shard folders, each shard once; a folder that shards shared holds several")
    List<Path> dirs;

    @Override
    public Integer call() {
        PrintStream o = System.out;
        List<ShardMerge.Folder> folders = new ArrayList<>();
        for (Path d : dirs) {
            if (!Files.isDirectory(d)) throw new UserError("no shard folder " + d + ": give the folders written by 'initlab run STUDY --shard I/N'");
            if (inside(out, d)) throw new UserError("OUT " + out + " is the shard folder " + d + " or inside it: merge into a new folder");
            folders.add(new ShardMerge.Folder(new StudyStore(d), d.toString()));
        }
        for (ShardMerge.Folder f : folders) f.store().readManifest(); // each a study folder, before reading any spec
        // the study as the first folder holds it, with the options it was run with; its grid as built then
        StudySpec spec = StudySource.load(dirs.getFirst().toString(), StudySpecParser.Overrides.NONE);
        List<PlannedRun> runs = Grid.expand(spec, Long.MAX_VALUE);
        List<String> keys = RunCommand.describeKeys(spec);
        ShardMerge.Outcome m = ShardMerge.merge(new StudyStore(out), folders, spec, runs, r -> r.describe(keys));
        o.println(TerminalText.safe(String.format(Locale.ROOT, "Merged %d shards of study '%s' into %s: %d runs (%d linked, %d copied, %d there already).",
                m.shards(), spec.name(), out, m.runs(), m.linked(), m.copied(), m.alreadyThere())));
        o.println(TerminalText.safe("Next: initlab report " + out));
        return 0;
    }

    private static boolean inside(Path out, Path dir) {
        try {
            Path a = out.toAbsolutePath().normalize(), b = dir.toRealPath();
            if (Files.exists(a)) a = a.toRealPath();
            return a.startsWith(b);
        } catch (IOException e) {
            return false;
        }
    }
}
