package org.initlab.study;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.initlab.UserError;
import org.initlab.io.AtomicFile;
import org.initlab.io.JsonFormat;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Stream;

/**
 * {@code initlab merge OUT DIR...}: one study folder from the folders of a study's shards
 * ({@code initlab run --shard I/N}). Nothing is written until every check passed, each failing
 * one a line of its own: the folders hold the same study (grid, labels, spec text), they hold the
 * N shards of one split (one folder each, or several in a folder they shared), each exactly once,
 * and every run of the grid is finished in exactly one folder. A run finished in two folders is
 * refused, named with both, whether or not they hold the same bits (everything but the wall-clock
 * fields {@code started}, {@code finished}, {@code machine}, {@code result.timing}; the message
 * says which): a shard trained a run that is not its own, or a folder was copied into another, and
 * a person must say which copy is the study's.
 *
 * <p>Each run's files are hard-linked into {@code OUT} when it is on the same file system (initlab
 * never changes a file in place, it replaces it by a rename, so a link shares nothing that could
 * change), else copied; either way under a temporary name, then renamed, {@code result.json} last,
 * so that a run appears whole or not at all. {@code study.yaml} and {@code study.json} are written
 * last: a merge that was interrupted leaves no study folder, only finished runs, and running it
 * again takes up where it stopped.
 */
public final class ShardMerge {
    /** The fields of a run's record that say when and where it was trained, not what training gave. */
    static final List<String> WALL_CLOCK = List.of("started", "finished", "machine", "result.timing");

    /** A shard folder as given: its store and the name to show for it. */
    public record Folder(StudyStore store, String name) {}

    /**
     * What the merge did.
     *
     * @param linked       runs whose files were hard-linked
     * @param copied       runs whose files were copied (another file system)
     * @param alreadyThere runs an earlier, interrupted merge had written
     */
    public record Outcome(int shards, int runs, int linked, int copied, int alreadyThere) {}

    private ShardMerge() {}

    /**
     * Merges {@code shards} into {@code out}.
     *
     * @param spec     the study, as its first shard folder holds it
     * @param runs     its grid (the same for every shard: checked)
     * @param describe a run in words for messages ("1 hidden · relu · he · seed 0")
     */
    public static Outcome merge(StudyStore out, List<Folder> shards, StudySpec spec, List<PlannedRun> runs,
                                Function<PlannedRun, String> describe) {
        if (shards.isEmpty()) throw new UserError("name the shard folders to merge: initlab merge OUT DIR...");
        List<StudyManifest> manifests = new ArrayList<>();
        for (Folder f : shards) manifests.add(f.store().readManifest());
        checkSameStudy(shards, manifests, runs);
        Map<String, Owner> owner = checkShards(shards, runs);

        Map<String, Folder> source = new LinkedHashMap<>();
        List<String> missing = new ArrayList<>(), twice = new ArrayList<>();
        for (PlannedRun r : runs) {
            Owner o = owner.get(r.id());
            Folder own = o.folder();
            List<Folder> holders = shards.stream().filter(f -> f.store().read(r.id()) instanceof StoredResult.Finished).toList();
            if (holders.isEmpty()) {
                missing.add(r.id() + " (" + o.shard().describe() + ", " + own.name() + ": " + describe.apply(r) + ")");
                continue;
            }
            Folder keep = holders.contains(own) ? own : holders.getFirst();
            source.put(r.id(), keep);
            for (Folder other : holders) {
                if (other == keep) continue;
                String diff = difference(keep.store().readResult(r.id()), other.store().readResult(r.id()));
                twice.add(r.id() + " (" + describe.apply(r) + "; in " + keep.name() + " and " + other.name()
                        + (diff == null ? ", the same results" : ", which differ at " + diff) + "; it belongs to " + o.shard().describe() + ")");
            }
        }
        if (!missing.isEmpty()) {
            throw new UserError(count(missing.size(), "run is", "runs are") + " missing: " + String.join(", ", missing)
                    + "; finish each with 'initlab run SHARD_DIR' (it resumes), then merge again");
        }
        if (!twice.isEmpty()) {
            throw new UserError(count(twice.size(), "run is", "runs are") + " finished in two folders: " + String.join(", ", twice)
                    + "; each run is to be in one: delete the copy (runs/ID) in the folder it does not belong to, then merge again");
        }
        return write(out, spec, runs, source, owner.values().stream().map(Owner::shard).distinct().count());
    }

    /** The folder that holds run's shard, and that shard. */
    private record Owner(Folder folder, StudyManifest.ShardInfo shard) {}

    /** Every folder holds the study of the first: the same grid, the same manifest, the same spec text. */
    private static void checkSameStudy(List<Folder> shards, List<StudyManifest> manifests, List<PlannedRun> runs) {
        StudyManifest first = manifests.getFirst();
        String grid = StudyStore.fingerprint(runs);
        if (!grid.equals(first.fingerprint())) {
            throw new UserError(shards.getFirst().name() + ": its spec gives other runs with this initlab (" + org.initlab.Version.current() + ") than those it"
                    + " holds (made by initlab " + first.initlab() + "): merge with the initlab version that trained the shards");
        }
        String firstSpec = specText(shards.getFirst().store());
        for (int i = 1; i < shards.size(); i++) {
            String what = difference(manifests.get(i), specText(shards.get(i).store()), first, firstSpec);
            if (what != null) {
                throw new UserError(shards.get(i).name() + " holds " + what + " than " + shards.getFirst().name()
                        + ": merge only the shard folders of one study, run with one spec");
            }
        }
    }

    /**
     * The folders hold the shards of one split ({@link StudyStore#shards}: one each, or several in a
     * folder they shared), each shard once; the shards' run lists split the grid. Returns each run's
     * folder and shard.
     */
    private static Map<String, Owner> checkShards(List<Folder> shards, List<PlannedRun> runs) {
        Integer count = null;
        Folder firstFolder = null;
        StudyManifest.ShardInfo firstShard = null;
        Map<Integer, Folder> byIndex = new LinkedHashMap<>();
        List<Owner> all = new ArrayList<>();
        for (Folder f : shards) {
            List<StudyManifest.ShardInfo> held = f.store().shards();
            if (held.isEmpty()) {
                throw new UserError(f.name() + " is not a shard folder (it holds the whole study '" + f.store().readManifest().name()
                        + "'); merge combines the folders of 'initlab run STUDY --shard I/N'");
            }
            for (StudyManifest.ShardInfo s : held) {
                if (count == null) {
                    count = s.count();
                    firstFolder = f;
                    firstShard = s;
                }
                if (s.count() != count) {
                    throw new UserError(f.name() + " holds " + s.describe() + " but " + firstFolder.name() + " holds "
                            + firstShard.describe() + ": merge the shards of one split into N");
                }
                Folder before = byIndex.put(s.index(), f);
                if (before != null) {
                    throw new UserError(before.name() + " and " + f.name() + " both hold " + s.describe()
                            + (sameFolder(before, f) ? " (they are one folder, given twice)" : "") + ": give each shard once");
                }
                all.add(new Owner(f, s));
            }
        }
        List<String> absent = new ArrayList<>();
        for (int k = 0; k < count; k++) if (!byIndex.containsKey(k)) absent.add("shard " + k + "/" + count);
        if (!absent.isEmpty()) {
            throw new UserError(String.join(", ", absent) + (absent.size() == 1 ? " is" : " are") + " missing: no folder given holds "
                    + (absent.size() == 1 ? "it" : "them") + " (" + byIndex.size() + " given of " + count + "); add "
                    + (absent.size() == 1 ? "its folder" : "their folders") + ", or train " + (absent.size() == 1 ? "it" : "them")
                    + " with 'initlab run STUDY --shard I/" + count + "'");
        }
        Map<String, Owner> owner = new LinkedHashMap<>();
        for (Owner o : all) {
            for (String id : o.shard().runs()) {
                Owner other = owner.put(id, o);
                if (other != null) {
                    throw new UserError("run " + id + " is in the run lists of both " + other.shard().describe() + " ("
                            + other.folder().name() + ") and " + o.shard().describe() + " (" + o.folder().name()
                            + "): the shards were split by different initlab versions; train them with one");
                }
            }
        }
        for (PlannedRun r : runs) {
            if (!owner.containsKey(r.id())) {
                throw new UserError("run " + r.id() + " is in no shard's run list: the shards were split by different initlab versions; train them with one");
            }
        }
        return owner;
    }

    private static boolean sameFolder(Folder a, Folder b) {
        try {
            return Files.isSameFile(a.store().dir(), b.store().dir());
        } catch (IOException e) {
            return false;
        }
    }

    /**
     * What keeps study {@code a} (its manifest and its spec text without "# run with" lines) from
     * being study {@code b}: "another grid ...", "the same runs under other names ...", "the same
     * grid from another spec text ..."; null when they are one study, run with one spec.
     */
    static String difference(StudyManifest a, String aSpec, StudyManifest b, String bSpec) {
        if (!a.fingerprint().equals(b.fingerprint())) {
            return "another grid: study '" + a.name() + "', " + a.runs().size() + " runs (grid " + a.fingerprint() + "), not '"
                    + b.name() + "', " + b.runs().size() + " runs (grid " + b.fingerprint() + ")";
        }
        if (!comparable(a).equals(comparable(b))) return "the same runs under other names (its study.json's labels, experiments or options differ)";
        if (!aSpec.equals(bSpec)) return "the same grid from another spec text (its study.yaml differs, e.g. in probe settings or descriptions)";
        return null;
    }

    /** The manifest without what differs between shards of one study (when made, by which version, which shard). */
    static String comparable(StudyManifest m) {
        try {
            return JsonFormat.CANONICAL.writeValueAsString(new StudyManifest(m.name(), m.description(), m.protocol(), m.data(), m.seeds(),
                    m.experiments(), m.runs(), m.fingerprint(), null, null, m.commandLine(), m.claims(), null));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** study.yaml without the lines naming the folder it was run in ("# run with: ..."). */
    static String specText(StudyStore s) {
        Path p = s.dir().resolve(StudyStore.SPEC);
        try {
            return withoutRunWith(Files.readString(p));
        } catch (IOException e) {
            throw new UserError(p + " is not readable: " + e.getMessage(), e);
        }
    }

    /**
     * A spec's text without the leading "# run with: OPTIONS (... 'initlab run DIR' ...)" lines
     * that {@link StudyStore#prepare} puts before it, which name a shard's folder.
     */
    static String withoutRunWith(String text) {
        while (text.startsWith(RUN_WITH) && text.indexOf('\n') >= 0) text = text.substring(text.indexOf('\n') + 1);
        return text;
    }

    private static final String RUN_WITH = "# run with: ";

    /**
     * Where two records of one run differ in what training determines (all but {@link #WALL_CLOCK}),
     * as a JSON path ("result.epochs[3].trainLoss"); null when they hold the same bits.
     */
    public static String difference(RunRecord a, RunRecord b) {
        return difference("", withoutWallClock(a), withoutWallClock(b));
    }

    private static JsonNode withoutWallClock(RunRecord r) {
        ObjectNode n = JsonFormat.CANONICAL.valueToTree(r);
        for (String f : WALL_CLOCK) {
            ObjectNode parent = n;
            String[] path = f.split("\\.");
            for (int i = 0; i < path.length - 1 && parent != null; i++) parent = parent.get(path[i]) instanceof ObjectNode o ? o : null;
            if (parent != null) parent.remove(path[path.length - 1]);
        }
        return n;
    }

    /** Doubles compare as their exact text (canonical JSON prints every double exactly). */
    private static String difference(String path, JsonNode a, JsonNode b) {
        if (a.isContainerNode() && b.isContainerNode() && a.getNodeType() == b.getNodeType()) {
            if (a.size() != b.size()) return (path.isEmpty() ? "the top level" : path) + " (" + a.size() + " vs " + b.size() + " entries)";
            if (a.isArray()) {
                for (int i = 0; i < a.size(); i++) {
                    String d = difference(path + "[" + i + "]", a.get(i), b.get(i));
                    if (d != null) return d;
                }
            } else {
                for (Iterator<String> it = a.fieldNames(); it.hasNext(); ) {
                    String f = it.next();
                    String p = path.isEmpty() ? f : path + "." + f;
                    if (!b.has(f)) return p + " (in one only)";
                    String d = difference(p, a.get(f), b.get(f));
                    if (d != null) return d;
                }
            }
            return null;
        }
        return Objects.equals(a.toString(), b.toString()) ? null : path;
    }

    private static Outcome write(StudyStore out, StudySpec spec, List<PlannedRun> runs, Map<String, Folder> source, long shards) {
        Path dir = out.dir();
        int linked = 0, copied = 0, already = 0;
        try (java.io.Closeable lock = out.lock()) {
            if (Files.isRegularFile(dir.resolve(StudyStore.MANIFEST))) {
                StudyManifest there = out.readManifest();
                if (!there.fingerprint().equals(StudyStore.fingerprint(runs))) {
                    throw new UserError(dir + " holds another study ('" + there.name() + "', " + there.runs().size()
                            + " runs): merge into a new folder");
                }
            } else {
                try (Stream<Path> entries = Files.list(dir)) {
                    List<String> other = entries.map(p -> p.getFileName().toString()).filter(n -> !n.equals("runs") && !n.equals(".lock")).sorted().toList();
                    if (!other.isEmpty()) {
                        throw new UserError(dir + " is not empty (" + String.join(", ", other.subList(0, Math.min(3, other.size())))
                                + (other.size() > 3 ? ", …" : "") + ") and is not a study folder: merge into a new folder");
                    }
                }
            }
            out.removeTemporaries(); // a killed merge's; the lock keeps out any other writer
            for (PlannedRun r : runs) {
                Folder from = source.get(r.id());
                Path src = from.store().runDir(r.id()), dst = out.runDir(r.id());
                if (out.read(r.id()) instanceof StoredResult.Finished) {
                    String diff = difference(out.readResult(r.id()), from.store().readResult(r.id()));
                    if (diff != null) {
                        throw new UserError(dst + " holds a result that differs from " + from.name() + "'s at " + diff
                                + ": " + dir + " was merged from other shards; merge into a new folder");
                    }
                    already++;
                    continue;
                }
                if (placeRun(src, dst)) linked++;
                else copied++;
            }
            out.prepare(new StudySpec(spec.name(), spec.description(), spec.protocol(), spec.data(), spec.seeds(), spec.experiments(),
                    withoutRunWith(spec.source()), spec.commandLine(), spec.claims()), runs, false);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return new Outcome((int) shards, runs.size(), linked, copied, already);
    }

    /** A run's files into {@code dst}, {@code result.json} last; true when every file was linked, not copied. */
    private static boolean placeRun(Path src, Path dst) throws IOException {
        Files.createDirectories(dst);
        List<Path> files;
        try (Stream<Path> s = Files.list(src)) {
            files = s.filter(Files::isRegularFile).filter(p -> !p.getFileName().toString().startsWith(".")).sorted((x, y) -> {
                boolean rx = x.getFileName().toString().equals(StudyStore.RESULT), ry = y.getFileName().toString().equals(StudyStore.RESULT);
                return rx != ry ? Boolean.compare(rx, ry) : x.compareTo(y);
            }).toList();
        }
        boolean allLinked = true;
        for (Path f : files) {
            Path target = dst.resolve(f.getFileName());
            if (f.getFileName().toString().equals(StudyStore.RESULT)) syncFolder(dst); // the weights' names before the result's
            allLinked &= place(f, target);
        }
        syncFolder(dst);
        return allLinked;
    }

    /** One file, linked or copied under a temporary name, then renamed to its name; true when linked. */
    private static boolean place(Path src, Path target) throws IOException {
        Path tmp = target.resolveSibling("." + target.getFileName() + "-" + UUID.randomUUID() + AtomicFile.TEMP_SUFFIX);
        try {
            try {
                Files.createLink(tmp, src);
            } catch (FileSystemException | UnsupportedOperationException e) {
                // another file system (EXDEV), or one without hard links: copy, synced like any result file
                AtomicFile.write(target, o -> Files.copy(src, o));
                return false;
            }
            try {
                Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
            }
            return true;
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    /** Makes the renames in {@code dir} durable (POSIX: fsync the folder); best effort. */
    private static void syncFolder(Path dir) {
        try (FileChannel d = FileChannel.open(dir, StandardOpenOption.READ)) {
            d.force(true);
        } catch (IOException | UnsupportedOperationException e) {
            // some file systems cannot sync a folder
        }
    }

    private static String count(int n, String one, String many) {
        return n + " " + (n == 1 ? one : many);
    }
}
