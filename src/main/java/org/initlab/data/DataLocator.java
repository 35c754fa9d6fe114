package org.initlab.data;

import org.initlab.UserError;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Where initlab looks for a catalogue dataset, in order: {@code --data-dir}, then each directory
 * of {@code $INITLAB_DATA} (a path list), then the user cache, then known system locations.
 * A data directory may hold the files directly or in a sub-directory named after the dataset;
 * the cache always uses the sub-directory. The first directory holding every file wins.
 */
final class DataLocator {
    /** A directory to look in and why. */
    record Candidate(Path dir, Origin origin) {}

    /** A dataset found: the directory and each file's path on disk, in catalogue order. */
    record Found(Path dir, Origin origin, Map<DatasetFile, Path> files) {}

    private final Map<String, String> env;

    DataLocator(Map<String, String> env) {
        this.env = Map.copyOf(env);
    }

    /** The cache root: the option, else $INITLAB_CACHE, else $XDG_CACHE_HOME/initlab, else ~/.cache/initlab. */
    Path cacheRoot(DataOptions options) {
        if (options.cacheDir() != null) return options.cacheDir();
        String explicit = env.get("INITLAB_CACHE");
        if (explicit != null && !explicit.isBlank()) return Path.of(explicit);
        String xdg = env.get("XDG_CACHE_HOME");
        if (xdg != null && !xdg.isBlank()) return Path.of(xdg, "initlab");
        String home = env.getOrDefault("HOME", System.getProperty("user.home"));
        return Path.of(home, ".cache", "initlab");
    }

    /** Where {@code spec} goes in the cache. */
    Path cacheDir(DatasetSpec spec, DataOptions options) {
        return cacheRoot(options).resolve(spec.name());
    }

    /** Every directory looked in for {@code spec}, in order. */
    List<Candidate> candidates(DatasetSpec spec, DataOptions options) {
        List<Candidate> out = new ArrayList<>();
        if (options.dataDir() != null) addDataDir(out, options.dataDir(), spec, Origin.DATA_DIR);
        String list = env.get("INITLAB_DATA");
        if (list != null) {
            for (String part : list.split(File.pathSeparator)) {
                if (!part.isBlank()) addDataDir(out, Path.of(part.trim()), spec, Origin.ENVIRONMENT);
            }
        }
        out.add(new Candidate(cacheDir(spec, options), Origin.CACHE));
        for (Path system : spec.systemDirs()) out.add(new Candidate(system, Origin.SYSTEM));
        return out;
    }

    private static void addDataDir(List<Candidate> out, Path dir, DatasetSpec spec, Origin origin) {
        out.add(new Candidate(dir.resolve(spec.name()), origin));
        out.add(new Candidate(dir, origin));
    }

    /**
     * The first candidate holding every file of {@code spec}, or null. A {@code --data-dir} or
     * {@code INITLAB_DATA} directory holding only some of them is an error: the user pointed at it.
     */
    Found locate(DatasetSpec spec, DataOptions options) {
        for (Candidate c : candidates(spec, options)) {
            Map<DatasetFile, Path> files = filesIn(spec, c.dir());
            if (files.size() == spec.files().size()) return new Found(c.dir(), c.origin(), files);
            if (!files.isEmpty() && (c.origin() == Origin.DATA_DIR || c.origin() == Origin.ENVIRONMENT)) {
                List<String> missing = spec.files().stream().filter(f -> !files.containsKey(f)).map(DatasetFile::name).toList();
                throw new UserError(c.dir() + ": has part of " + spec.name() + " but not " + String.join(", ", missing)
                        + "; add the missing files there, or run 'initlab data fetch " + spec.name() + "'");
            }
        }
        return null;
    }

    /** The files of {@code spec} present in {@code dir}, under any accepted name. */
    static Map<DatasetFile, Path> filesIn(DatasetSpec spec, Path dir) {
        Map<DatasetFile, Path> found = new LinkedHashMap<>();
        if (!Files.isDirectory(dir)) return found;
        for (DatasetFile f : spec.files()) {
            for (String name : f.acceptedNames()) {
                Path p = dir.resolve(name);
                if (Files.isRegularFile(p)) {
                    found.put(f, p);
                    break;
                }
            }
        }
        return found;
    }

    /**
     * The one-line answer when a dataset is nowhere: which files to put where, and where initlab
     * looked.
     */
    String notFound(DatasetSpec spec, DataOptions options, String why) {
        List<String> looked = candidates(spec, options).stream().map(c -> c.dir().toString()).distinct().toList();
        return spec.name() + " not found" + (why == null ? "" : " and " + why) + ": put " + spec.fileNames() + " (from "
                + spec.mirrors().getFirst() + ") into " + cacheDir(spec, options)
                + " (or into a folder given with --data-dir or $INITLAB_DATA); looked in " + String.join(", ", looked);
    }
}
