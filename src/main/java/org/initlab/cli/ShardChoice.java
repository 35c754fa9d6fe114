package org.initlab.cli;

import org.initlab.UserError;
import org.initlab.data.DatasetShape;
import org.initlab.study.PlannedRun;
import org.initlab.study.Shard;
import org.initlab.study.StudyManifest;
import org.initlab.study.StudyRunner;
import org.initlab.study.StudyStore;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * {@code initlab run --shard I/N}: which runs this process trains, checked against the folder it
 * trains into. A shard folder holds one shard: its study.json records which, and running into it
 * again (with the same {@code --shard}, or with none) resumes that shard. Each shard trains into
 * its own folder, so shards never share a folder's lock or its temporary files;
 * {@code initlab merge} combines the folders.
 */
final class ShardChoice {
    private ShardChoice() {}

    /**
     * The shard to train into {@code folder}: the one given, else the one the folder holds; null
     * for the whole grid.
     *
     * @param shape the dataset as known before loading it: what the runs' costs are computed from
     * @param force {@code --force}: a study.json that cannot be read is to be replaced, as if absent
     */
    static StudyManifest.ShardInfo resolve(String given, Path folder, List<PlannedRun> runs, DatasetShape shape, boolean force) {
        Shard wanted = given == null ? null : Shard.parse(given);
        StudyStore store = new StudyStore(folder);
        StudyManifest there = !Files.isRegularFile(folder.resolve(StudyStore.MANIFEST)) ? null
                : force ? store.readManifestIfWhole() : store.readManifest();
        StudyManifest.ShardInfo held = there == null ? null : there.shard();
        if (held != null && wanted != null && !held.shard().equals(wanted)) {
            throw new UserError(folder + " holds " + held.describe() + " of study '" + there.name() + "', not shard " + wanted
                    + ": give each shard its own --out folder (e.g. OUT/shard-" + wanted.index() + "), then combine them with 'initlab merge'");
        }
        if (held == null && wanted != null && there != null) {
            throw new UserError(folder + " holds the whole study '" + there.name() + "', not a shard: give shard " + wanted
                    + " its own --out folder (e.g. OUT/shard-" + wanted.index() + "), then combine the shards with 'initlab merge'");
        }
        Shard shard = wanted != null ? wanted : held != null ? held.shard() : null;
        if (shard == null) return null;
        if (held != null && sameGrid(there, runs)) return held; // the folder fixes its runs, as split when it was made
        List<String> ids = shard.select(runs, r -> StudyRunner.cost(r, shape)).stream().map(PlannedRun::id).toList();
        return new StudyManifest.ShardInfo(shard.index(), shard.count(), ids);
    }

    /** The shard's runs of the grid. */
    static List<PlannedRun> runsOf(StudyManifest.ShardInfo shard, List<PlannedRun> runs) {
        if (shard == null) return runs;
        Set<String> mine = new HashSet<>(shard.runs());
        return runs.stream().filter(r -> mine.contains(r.id())).toList();
    }

    private static boolean sameGrid(StudyManifest m, List<PlannedRun> runs) {
        return m.runs().stream().map(StudyManifest.RunEntry::id).collect(java.util.stream.Collectors.toSet())
                .equals(runs.stream().map(PlannedRun::id).collect(java.util.stream.Collectors.toSet()));
    }
}
