package org.initlab.study;

import org.initlab.io.AtomicFile;
import org.initlab.io.Disk;
import org.initlab.io.JsonFormat;
import org.initlab.train.EpochRecord;
import org.initlab.train.ProbeSettings;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a run in training leaves in its folder, so that a live view that reads only the study
 * folder ({@code initlab serve}) sees it train, from this process or any other:
 * <pre>
 * runs/ID/progress/run.json           when the run starts: its spec, labels, probe settings, start, epochs planned;
 *                                     written again at most every {@value #HEARTBEAT_SECONDS} s while it trains,
 *                                     so that the files' age tells a run in training from one whose process died
 * runs/ID/progress/epoch-NNNN.json    each epoch record as it is made (epoch 0 = initialisation), with the seconds
 *                                     since the run started: a few kB per layer, written once
 * runs/ID/progress/failed.json        the run failed (its message); it is trained again on the next 'initlab run'
 * </pre>
 * The folder is removed once {@code result.json} is written. Only {@code result.json} means
 * finished: a killed run's leftover progress never counts as a result, and readers ignore the
 * progress of a run that has one. Every file is written atomically ({@link AtomicFile}), one file
 * per epoch so that a run's progress costs what its epochs hold, not their square; readers skip
 * a file that does not parse.
 */
public final class ProgressFiles {
    private ProgressFiles() {}

    public static final String DIR = "progress", START = "run.json", FAILED = "failed.json";
    /** Seconds between two writes of {@link #START} while a run trains (its heartbeat). */
    public static final int HEARTBEAT_SECONDS = 30;
    private static final Pattern EPOCH_FILE = Pattern.compile("epoch-(\\d{4,9})\\.json");

    /**
     * A run as it starts.
     *
     * @param started ISO-8601 instant the run started
     * @param epochs  epochs planned
     * @param alive   ISO-8601 instant of this file's last write (the heartbeat)
     */
    public record RunStart(String id, RunSpec spec, ProbeSettings probeSettings, Map<String, String> labels,
                           List<String> experiments, String started, int epochs, String alive) {}

    /**
     * One epoch of a run in training.
     *
     * @param epochs  epochs planned
     * @param seconds wall seconds from the run's start to this record
     */
    public record EpochProgress(int epoch, int epochs, double seconds, EpochRecord record) {}

    /** A failed run: what went wrong, and when (ISO-8601). */
    public record Failure(String message, String at) {}

    public static Path dir(Path runDir) { return runDir.resolve(DIR); }

    public static String epochFileName(int epoch) {
        return String.format(Locale.ROOT, "epoch-%04d.json", epoch);
    }

    /** The epoch of an epoch file's name, or −1 for any other name. */
    public static int epochOf(String fileName) {
        Matcher m = EPOCH_FILE.matcher(fileName);
        return m.matches() ? Integer.parseInt(m.group(1)) : -1;
    }

    static void writeStart(Disk disk, Path runDir, RunStart start) throws IOException {
        disk.write(dir(runDir).resolve(START), out -> JsonFormat.CANONICAL.writeValue(out, start));
    }

    static void writeEpoch(Disk disk, Path runDir, EpochProgress epoch) throws IOException {
        disk.write(dir(runDir).resolve(epochFileName(epoch.epoch())), out -> JsonFormat.CANONICAL.writeValue(out, epoch));
    }

    static void writeFailure(Disk disk, Path runDir, Failure failure) throws IOException {
        disk.write(dir(runDir).resolve(FAILED), out -> JsonFormat.CANONICAL.writeValue(out, failure));
    }

    /** What a progress folder is renamed to before it is deleted. */
    static final String REMOVED_PREFIX = ".progress-removed-";

    /**
     * Removes a run's progress folder, all of it or nothing as a reader sees it (a process that
     * stops halfway through deleting would leave some epochs and not others): renamed away at
     * once, then deleted; absent is fine. What a stopped deletion leaves is removed by
     * {@link #removeLeftovers}.
     */
    static void remove(Disk disk, Path runDir) throws IOException {
        Path d = dir(runDir);
        if (!Files.isDirectory(d, java.nio.file.LinkOption.NOFOLLOW_LINKS)) return;
        Path gone = runDir.resolve(REMOVED_PREFIX + java.util.UUID.randomUUID());
        try {
            disk.move(d, gone);
        } catch (NoSuchFileException removed) {
            return;
        }
        deleteFolder(disk, gone);
    }

    /** Removes a run's progress and what an interrupted removal left. */
    static void removeLeftovers(Disk disk, Path runDir) throws IOException {
        remove(disk, runDir);
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(runDir, REMOVED_PREFIX + "*")) {
            for (Path e : entries) deleteFolder(disk, e);
        } catch (NoSuchFileException none) {
            // no run folder
        }
    }

    private static void deleteFolder(Disk disk, Path d) throws IOException {
        if (!Files.isDirectory(d, java.nio.file.LinkOption.NOFOLLOW_LINKS)) return;
        try (DirectoryStream<Path> files = Files.newDirectoryStream(d)) {
            for (Path f : files) disk.delete(f);
        } catch (NoSuchFileException gone) {
            return;
        }
        disk.delete(d);
    }

    /** A file of a run's progress folder as listed: its name, size and time of last change. */
    public record Listed(Path path, String name, long size, FileTime modified) {}

    /** The files of a run's progress folder (empty when it has none), in name order: run.json, epochs in order, failed.json. */
    public static List<Listed> list(Path runDir) {
        List<Listed> out = new ArrayList<>();
        try (DirectoryStream<Path> files = Files.newDirectoryStream(dir(runDir))) {
            for (Path f : files) {
                String name = f.getFileName().toString();
                if (!name.equals(START) && !name.equals(FAILED) && epochOf(name) < 0) continue; // temporaries, anything else
                try {
                    var a = Files.readAttributes(f, java.nio.file.attribute.BasicFileAttributes.class, java.nio.file.LinkOption.NOFOLLOW_LINKS);
                    if (a.isRegularFile()) out.add(new Listed(f, name, a.size(), a.lastModifiedTime()));
                } catch (IOException gone) {
                    // removed since listed
                }
            }
        } catch (IOException none) {
            return List.of();
        }
        out.sort(java.util.Comparator.comparing(Listed::name));
        return out;
    }

    /** The run's start file, or null when absent or not readable (being replaced, damaged). */
    public static RunStart readStart(Path file) {
        return read(file, RunStart.class);
    }

    /** An epoch file, or null when absent or not readable. */
    public static EpochProgress readEpoch(Path file) {
        EpochProgress e = read(file, EpochProgress.class);
        return e == null || e.record() == null ? null : e;
    }

    public static Failure readFailure(Path file) {
        return read(file, Failure.class);
    }

    private static <T> T read(Path file, Class<T> type) {
        try {
            return JsonFormat.CANONICAL.readValue(file.toFile(), type);
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }
}
