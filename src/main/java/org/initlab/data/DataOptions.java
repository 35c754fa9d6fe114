package org.initlab.data;

import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/**
 * How to find and prepare a dataset.
 *
 * @param dataDir        a directory to look in first (the {@code --data-dir} option), holding the
 *                       files directly or in a sub-directory named after the dataset; null = none
 * @param cacheDir       the cache root; null = {@code $INITLAB_CACHE}, else
 *                       {@code $XDG_CACHE_HOME/initlab}, else {@code ~/.cache/initlab}
 * @param mirrors        base URLs to download from instead of the catalogue's (an institutional
 *                       mirror, or a test server); a file's URL is base + dataset name + "/" +
 *                       file name; empty = {@code $INITLAB_MIRRORS} (comma-separated), else the
 *                       catalogue's official mirrors
 * @param validationSize examples held out of the end of the training set for validation
 * @param preprocessing  how pixels become inputs
 * @param allowDownload  whether a dataset found nowhere may be downloaded into the cache
 * @param verify         whether files must match the catalogue's checksums (custom datasets are
 *                       never verified); turning it off is recorded in the dataset's source
 * @param progress       hears about downloads
 * @param classes        the number of classes C, labels 0..C-1 (a spec's {@code dataset: {classes: C}});
 *                       null = the catalogue's count, or for a path dataset the largest label plus
 *                       one, every label below it having examples. A label outside 0..C-1 is
 *                       refused, naming its file, position and value
 */
public record DataOptions(Path dataDir, Path cacheDir, List<URI> mirrors, int validationSize, Preprocessing preprocessing,
                          boolean allowDownload, boolean verify, Progress progress, Integer classes) {
    /** The original study's validation split: the last 10,000 training images. */
    public static final int DEFAULT_VALIDATION = 10_000;

    public DataOptions {
        mirrors = List.copyOf(mirrors);
        Objects.requireNonNull(preprocessing, "preprocessing");
        Objects.requireNonNull(progress, "progress");
        if (validationSize < 0) throw new org.initlab.UserError("validation size must be 0 or more, got " + validationSize);
        if (classes != null && classes < 2) throw new org.initlab.UserError("a dataset has 2 classes or more, got classes: " + classes);
    }

    /** Defaults: search the usual places, validation 10,000, pixels/255, download allowed, verified. */
    public static DataOptions defaults() {
        return new DataOptions(null, null, List.of(), DEFAULT_VALIDATION, Preprocessing.SCALE_01, true, true, Progress.NONE, null);
    }

    public DataOptions withDataDir(Path dir) {
        return new DataOptions(dir, cacheDir, mirrors, validationSize, preprocessing, allowDownload, verify, progress, classes);
    }

    public DataOptions withCacheDir(Path dir) {
        return new DataOptions(dataDir, dir, mirrors, validationSize, preprocessing, allowDownload, verify, progress, classes);
    }

    public DataOptions withMirrors(List<URI> bases) {
        return new DataOptions(dataDir, cacheDir, bases, validationSize, preprocessing, allowDownload, verify, progress, classes);
    }

    public DataOptions withValidationSize(int size) {
        return new DataOptions(dataDir, cacheDir, mirrors, size, preprocessing, allowDownload, verify, progress, classes);
    }

    public DataOptions withPreprocessing(Preprocessing p) {
        return new DataOptions(dataDir, cacheDir, mirrors, validationSize, p, allowDownload, verify, progress, classes);
    }

    public DataOptions withAllowDownload(boolean allow) {
        return new DataOptions(dataDir, cacheDir, mirrors, validationSize, preprocessing, allow, verify, progress, classes);
    }

    public DataOptions withVerify(boolean v) {
        return new DataOptions(dataDir, cacheDir, mirrors, validationSize, preprocessing, allowDownload, v, progress, classes);
    }

    public DataOptions withProgress(Progress p) {
        return new DataOptions(dataDir, cacheDir, mirrors, validationSize, preprocessing, allowDownload, verify, p, classes);
    }

    /** Declares the class count (null = take it from the catalogue, or from the labels of a path dataset). */
    public DataOptions withClasses(Integer c) {
        return new DataOptions(dataDir, cacheDir, mirrors, validationSize, preprocessing, allowDownload, verify, progress, c);
    }
}
