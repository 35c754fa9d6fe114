package org.initlab.cli;

import org.initlab.UserError;
import org.initlab.data.DatasetShape;
import org.initlab.study.PlannedRun;
import org.initlab.study.Shard;
import org.initlab.study.StudyManifest;
import org.initlab.study.StudyRunner;
import org.initlab.study.StudySpec;
import org.initlab.study.StudyStore;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * {@code initlab run --shard I/N}: which runs this process trains, checked against the folder it
 * trains into. A folder holds the shards trained into it, each recorded in its
 * {@code shard-I-of-N.json} ({@link StudyStore#shards}): one (its own folder, for
 * {@code initlab merge}) or several of one split, sharing the folder, trained at the same time.
 * A shard joins a folder only when it holds shards of the same split of the same study (grid,
 * labels, spec text); running into it again resumes. Without {@code --shard}, a folder of one
 * shard resumes that shard, and a folder that holds every shard of its split is the whole study.
 */
final class ShardChoice {
    private ShardChoice() {}

    /**
     * The shard to train into {@code folder}: the one given, else the one the folder holds; null
     * for the whole grid.
     *
     * @param spec  the study as this command reads it, which shards sharing a folder must agree on
     * @param shape the dataset as known before loading it: what the runs' costs are computed from
     * @param force {@code --force}: a study.json that cannot be read is to be replaced, as if absent
     */
    static StudyManifest.ShardInfo resolve(String given, Path folder, StudySpec spec, List<PlannedRun> runs, DatasetShape shape, boolean force) {
        Shard wanted = given == null ? null : Shard.parse(given);
        StudyStore store = new StudyStore(folder);
        StudyManifest there = !Files.isRegularFile(folder.resolve(StudyStore.MANIFEST)) ? null
                : force ? store.readManifestIfWhole() : store.readManifest();
        List<StudyManifest.ShardInfo> held = Files.isDirectory(folder) ? store.shards() : List.of();
        String name = there == null ? "" : " of study '" + there.name() + "'";
        Set<Integer> counts = held.stream().map(StudyManifest.ShardInfo::count).collect(Collectors.toSet());
        if (counts.size() > 1) {
            throw new UserError(folder + " holds " + describe(held) + name + ", of splits into different numbers of shards:"
                    + " keep the shard-I-of-N.json files of one split (the others' runs stay), then run again");
        }
        if (wanted == null) {
            if (held.isEmpty()) return null;
            if (held.size() == held.getFirst().count()) return null; // every shard of the split: the whole study
            if (held.size() > 1) {
                throw new UserError(folder + " holds " + describe(held) + name + ", not all " + held.getFirst().count()
                        + ": resume each with 'initlab run " + folder + " --shard I/" + held.getFirst().count() + "'");
            }
            wanted = held.getFirst().shard();
        }
        if (there != null && held.isEmpty()) {
            throw new UserError(folder + " holds the whole study '" + there.name() + "', not shards: give shard " + wanted
                    + " its own --out folder (e.g. OUT/shard-" + wanted.index() + "), or one that only shards of " + wanted.count() + " write into");
        }
        if (!held.isEmpty() && held.getFirst().count() != wanted.count()) {
            throw new UserError(folder + " holds " + describe(held) + name + ", not shards of " + wanted.count()
                    + ": give --shard I/" + held.getFirst().count() + ", or another --out folder for a split into " + wanted.count());
        }
        Shard w = wanted;
        StudyManifest.ShardInfo mine = held.stream().filter(s -> s.index() == w.index()).findFirst().orElse(null);
        if (there != null && held.stream().anyMatch(s -> s != mine)) {
            String difference = store.differenceFrom(spec, runs);
            if (difference != null) {
                throw new UserError(folder + " holds " + describe(held) + " of " + difference + ": the shards that share a folder run one spec;"
                        + " give this shard another --out folder, or run it from the folder ('initlab run " + folder + " --shard " + wanted + "')");
            }
        }
        if (mine != null && sameGrid(there, runs)) return mine; // the folder fixes its runs, as split when it was made
        List<String> ids = wanted.select(runs, r -> StudyRunner.cost(r, shape)).stream().map(PlannedRun::id).toList();
        return new StudyManifest.ShardInfo(wanted.index(), wanted.count(), ids);
    }

    /** "shard 1/3", "shards 0/3, 2/3". */
    static String describe(List<StudyManifest.ShardInfo> shards) {
        if (shards.size() == 1) return shards.getFirst().describe();
        return "shards " + shards.stream().map(s -> s.shard().toString()).collect(Collectors.joining(", "));
    }

    /** The shard's runs of the grid. */
    static List<PlannedRun> runsOf(StudyManifest.ShardInfo shard, List<PlannedRun> runs) {
        if (shard == null) return runs;
        Set<String> mine = new HashSet<>(shard.runs());
        return runs.stream().filter(r -> mine.contains(r.id())).toList();
    }

    private static boolean sameGrid(StudyManifest m, List<PlannedRun> runs) {
        return m != null && m.runs().stream().map(StudyManifest.RunEntry::id).collect(Collectors.toSet())
                .equals(runs.stream().map(PlannedRun::id).collect(Collectors.toSet()));
    }
}
