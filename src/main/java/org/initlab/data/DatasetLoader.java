package org.initlab.data;

import org.initlab.UserError;
import org.initlab.catalog.NearestName;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.initlab.data.DatasetFile.Role.PICKLE;
import static org.initlab.data.DatasetFile.Role.TEST_IMAGES;
import static org.initlab.data.DatasetFile.Role.TEST_LABELS;
import static org.initlab.data.DatasetFile.Role.TRAIN_IMAGES;
import static org.initlab.data.DatasetFile.Role.TRAIN_LABELS;

/**
 * Finds, verifies, reads, splits and preprocesses datasets, and keeps each one it loaded: every
 * run that asks for the same dataset with the same options gets the same read-only
 * {@link Dataset} instance, loaded once even when the runs ask at the same time. Create one
 * loader per process and share it.
 *
 * <p>A name is a catalogue name ({@link DatasetCatalogue}) or a path: a folder holding the four
 * IDX files (official names, gzip'd or not), or {@code train.csv} and {@code test.csv} (or
 * {@code mnist_train.csv} and {@code mnist_test.csv}), or a {@code .pkl.gz} file in the
 * {@code mnist.pkl.gz} layout (or a folder holding {@code mnist.pkl.gz}). Custom datasets are
 * read as they are: their checksums are recorded, not verified, and their class count is the one
 * declared in the options, else the largest label plus one (see {@link ClassLabels}).
 *
 * <p>For the pickle, whose train and valid parts together are the official training set in
 * order, a validation size other than 10,000 re-splits that sequence the same way as for IDX.
 */
public final class DatasetLoader {
    private record Key(String dataset, Path dataDir, Path cacheDir, List<URI> mirrors, int validationSize,
                       Preprocessing preprocessing, boolean verify, Integer classes) {}

    private static final String[] CSV_PAIRS = {"train.csv", "test.csv", "mnist_train.csv", "mnist_test.csv",
            "train.csv.gz", "test.csv.gz", "mnist_train.csv.gz", "mnist_test.csv.gz"};

    private final Map<String, String> env;
    private final DataLocator locator;
    private final ConcurrentHashMap<Key, CompletableFuture<Dataset>> loaded = new ConcurrentHashMap<>();

    /** A loader reading this process's environment ({@code INITLAB_DATA}, {@code INITLAB_CACHE}, ...). */
    public DatasetLoader() {
        this(System.getenv());
    }

    /** A loader reading {@code env} instead of the process environment. */
    public DatasetLoader(Map<String, String> env) {
        this.env = Map.copyOf(env);
        this.locator = new DataLocator(env);
    }

    /** The dataset {@code name} prepared as {@code options} say; loaded once per distinct request. */
    public Dataset load(String name, DataOptions options) {
        Key key = new Key(canonicalName(name), options.dataDir(), options.cacheDir(), options.mirrors(), options.validationSize(),
                options.preprocessing(), options.verify(), options.classes());
        CompletableFuture<Dataset> mine = new CompletableFuture<>();
        CompletableFuture<Dataset> existing = loaded.putIfAbsent(key, mine);
        if (existing != null) {
            try {
                return existing.join();
            } catch (CompletionException e) {
                if (e.getCause() instanceof RuntimeException r) throw r;
                throw e;
            }
        }
        try {
            Dataset d = read(name, options);
            mine.complete(d);
            return d;
        } catch (RuntimeException e) {
            loaded.remove(key, mine);
            mine.completeExceptionally(e);
            throw e;
        }
    }

    /** Where each catalogue dataset is found and whether it verifies (nothing is downloaded). */
    public List<DatasetStatus> status(DataOptions options) {
        List<DatasetStatus> out = new ArrayList<>();
        for (DatasetSpec spec : DatasetCatalogue.all()) out.add(status(spec, options));
        return out;
    }

    /** Where {@code spec} is found and whether its files verify. */
    public DatasetStatus status(DatasetSpec spec, DataOptions options) {
        DataLocator.Found found;
        try {
            found = locator.locate(spec, options);
        } catch (UserError e) {
            return new DatasetStatus(spec, null, null, List.of(), e.getMessage());
        }
        if (found == null) return new DatasetStatus(spec, null, null, List.of(), null);
        List<FileCheck> checks = new ArrayList<>();
        try {
            for (var e : found.files().entrySet()) checks.add(FileVerifier.check(e.getKey(), e.getValue()));
        } catch (UserError e) {
            return new DatasetStatus(spec, found.dir(), found.origin(), checks, e.getMessage());
        }
        return new DatasetStatus(spec, found.dir(), found.origin(), checks, null);
    }

    /**
     * Downloads catalogue dataset {@code name} into {@code options.dataDir()/name} when a data
     * directory is given, else into the cache, unless it is already there and verified. Returns
     * the directory holding it.
     */
    public Path fetch(String name, DataOptions options) {
        DatasetSpec spec = catalogueSpec(name);
        Path dir = options.dataDir() != null ? options.dataDir().resolve(spec.name()) : locator.cacheDir(spec, options);
        Downloader.standard(options.progress()).fetch(spec, dir, mirrors(spec, options));
        return dir;
    }

    /** The cache directory {@code spec} is downloaded to under {@code options}. */
    public Path cacheDir(DatasetSpec spec, DataOptions options) {
        return locator.cacheDir(spec, options);
    }

    /** The catalogue dataset called {@code name}, or a one-line error with the nearest name. */
    public static DatasetSpec catalogueSpec(String name) {
        return DatasetCatalogue.find(name).orElseThrow(() -> new UserError(
                NearestName.unknown("dataset", name, DatasetCatalogue.names()) + "; a custom dataset is given as a folder path"));
    }

    private String canonicalName(String name) {
        return DatasetCatalogue.find(name).map(DatasetSpec::name)
                .orElseGet(() -> Path.of(expandHome(name)).toAbsolutePath().normalize().toString());
    }

    private String expandHome(String name) {
        if (name.equals("~") || name.startsWith("~/")) {
            return env.getOrDefault("HOME", System.getProperty("user.home")) + name.substring(1);
        }
        return name;
    }

    private Dataset read(String name, DataOptions options) {
        var spec = DatasetCatalogue.find(name);
        if (spec.isPresent()) {
            Integer declared = options.classes();
            if (declared != null && declared != spec.get().classes()) {
                throw new UserError(spec.get().name() + " has " + spec.get().classes() + " classes, not the declared classes: " + declared
                        + " (leave the class count out for a catalogue dataset)");
            }
            return readCatalogue(spec.get(), options);
        }
        return readCustom(existingPath(name), options);
    }

    /** {@code name} as a path that exists, else why not: no such path, or (a bare word) a misspelt catalogue name. */
    private Path existingPath(String name) {
        Path path = Path.of(expandHome(name));
        if (Files.exists(path)) return path;
        if (name.contains("/") || name.contains(java.io.File.separator) || name.startsWith(".") || name.startsWith("~")) {
            throw new UserError(path + ": no such folder or file; a custom dataset is a folder of IDX or CSV files, or a .pkl.gz file");
        }
        throw new UserError(NearestName.unknown("dataset", name, DatasetCatalogue.names())
                + "; a custom dataset is given as a folder path");
    }

    private List<URI> mirrors(DatasetSpec spec, DataOptions options) {
        List<URI> bases = options.mirrors();
        if (bases.isEmpty()) {
            String list = env.get("INITLAB_MIRRORS");
            if (list != null && !list.isBlank()) {
                List<URI> parsed = new ArrayList<>();
                for (String s : list.split(",")) {
                    if (s.isBlank()) continue;
                    try {
                        parsed.add(new URI(s.trim()));
                    } catch (java.net.URISyntaxException e) {
                        throw new UserError("INITLAB_MIRRORS: '" + s.trim() + "' is not a URL (" + e.getReason() + ")");
                    }
                }
                bases = parsed;
            }
        }
        for (URI b : bases) {
            String scheme = b.getScheme() == null ? "" : b.getScheme().toLowerCase(java.util.Locale.ROOT);
            if (!scheme.equals("http") && !scheme.equals("https")) {
                throw new UserError("mirror " + b + ": only http:// and https:// mirrors are supported");
            }
        }
        if (bases.isEmpty()) return spec.mirrors();
        return bases.stream().map(b -> Downloader.url(b, spec.name() + "/")).toList();
    }

    private Dataset readCatalogue(DatasetSpec spec, DataOptions options) {
        DataLocator.Found found = locator.locate(spec, options);
        if (found == null) {
            if (!options.allowDownload()) throw new UserError(locator.notFound(spec, options, "downloads are off"));
            Path dir = locator.cacheDir(spec, options);
            Downloader.standard(options.progress()).fetch(spec, dir, mirrors(spec, options));
            found = new DataLocator.Found(dir, Origin.DOWNLOAD, DataLocator.filesIn(spec, dir));
        }
        Map<DatasetFile, Path> files = found.files();
        Origin origin = found.origin();
        List<FileCheck> checks;
        Parsed parsed;
        // checksums, the training files and the test files are read concurrently; a checksum
        // failure is reported in preference to the parse error a wrong file may also cause
        try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
            Future<List<FileCheck>> checking = pool.submit(() -> check(spec, files, origin, options.verify()));
            Future<Parsed> parsing = pool.submit(() -> parse(spec, files, pool));
            checks = await(checking);
            parsed = await(parsing);
        }
        boolean verified = options.verify() && checks.stream().allMatch(FileCheck::verified);
        return assemble(spec.name(), spec.classes(), parsed.training(), parsed.test(), options, spec.format(), found.dir(), origin,
                checks.stream().map(FileCheck::sourceFile).toList(), verified);
    }

    /** What a catalogue dataset's files hold: the training examples (one or two parts) and the test examples. */
    private record Parsed(List<Examples> training, Examples test) {}

    private static List<FileCheck> check(DatasetSpec spec, Map<DatasetFile, Path> files, Origin origin, boolean verify) {
        List<FileCheck> checks = new ArrayList<>();
        for (var e : files.entrySet()) {
            FileCheck check;
            if (verify) {
                check = FileVerifier.check(e.getKey(), e.getValue());
                FileVerifier.require(check, spec.name(), remedy(spec, origin));
            } else {
                String[] hex = FileVerifier.digestFile(e.getValue(), false);
                check = new FileCheck(e.getValue(), size(e.getValue()), hex[0], FileCheck.Status.UNVERIFIABLE, "verification off");
            }
            checks.add(check);
        }
        return checks;
    }

    private static Parsed parse(DatasetSpec spec, Map<DatasetFile, Path> files, ExecutorService pool) {
        if (spec.format() == Format.PICKLE) {
            Path file = files.get(spec.file(PICKLE));
            MnistPickle.Parts parts = MnistPickle.read(file);
            requireSize(file, "training + validation", parts.train().count() + parts.validation().count(), spec.trainSize());
            requireSize(file, "test", parts.test().count(), spec.testSize());
            ClassLabels.count(List.of(parts.train(), parts.validation(), parts.test()), spec.classes(), classesOf(spec));
            return new Parsed(List.of(parts.train(), parts.validation()), parts.test());
        }
        Future<Examples> testing = pool.submit(() -> IdxReader.examples(IdxReader.readImages(files.get(spec.file(TEST_IMAGES))),
                IdxReader.readLabels(files.get(spec.file(TEST_LABELS)))));
        Examples train = IdxReader.examples(IdxReader.readImages(files.get(spec.file(TRAIN_IMAGES))),
                IdxReader.readLabels(files.get(spec.file(TRAIN_LABELS))));
        Examples test = await(testing);
        requireSize(files.get(spec.file(TRAIN_IMAGES)), "training", train.count(), spec.trainSize());
        requireSize(files.get(spec.file(TEST_IMAGES)), "test", test.count(), spec.testSize());
        requireSameFeatures(train, test);
        ClassLabels.count(List.of(train, test), spec.classes(), classesOf(spec));
        return new Parsed(List.of(train), test);
    }

    private static String classesOf(DatasetSpec spec) {
        return spec.name() + " has " + spec.classes() + " classes";
    }

    /** The task's result; its failure rethrown as it was thrown. */
    private static <T> T await(Future<T> task) {
        try {
            return task.get();
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException r) throw r;
            if (e.getCause() instanceof Error err) throw err;
            throw new IllegalStateException(e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while loading data", e);
        }
    }

    private static String remedy(DatasetSpec spec, Origin origin) {
        return switch (origin) {
            case CACHE, DOWNLOAD -> "delete it and run 'initlab data fetch " + spec.name() + "'";
            default -> "replace it with the official file (from " + spec.mirrors().getFirst() + "), or turn verification off (--no-verify) to use it as it is";
        };
    }

    private static void requireSize(Path file, String what, int actual, int expected) {
        if (actual != expected) {
            throw new UserError(file + ": has " + String.format("%,d", actual) + " " + what + " examples, expected "
                    + String.format("%,d", expected));
        }
    }

    private static void requireSameFeatures(Examples train, Examples test) {
        if (train.features() != test.features()) {
            throw new UserError(test.origin() + ": test images have " + test.features() + " pixels each, the training images "
                    + train.features());
        }
    }

    /** The files a path dataset is read from, in the order of the formats tried. */
    private record CustomFiles(Format format, List<Path> files) {}

    /** Which files {@code path} holds a dataset in: the four IDX files, a CSV pair, or a pickle; else a one-line error. */
    private static CustomFiles customFiles(Path path) {
        DatasetSpec idx = customIdxSpec();
        Path dir = Files.isDirectory(path) ? path : null;
        Map<DatasetFile, Path> idxFiles = dir == null ? Map.of() : DataLocator.filesIn(idx, dir);
        Path[] csv = dir == null ? null : csvPair(dir);
        Path pickle = dir == null ? path : (Files.isRegularFile(dir.resolve("mnist.pkl.gz")) ? dir.resolve("mnist.pkl.gz") : null);
        if (idxFiles.size() == idx.files().size()) {
            return new CustomFiles(Format.IDX, List.of(idxFiles.get(idx.file(TRAIN_IMAGES)), idxFiles.get(idx.file(TRAIN_LABELS)),
                    idxFiles.get(idx.file(TEST_IMAGES)), idxFiles.get(idx.file(TEST_LABELS))));
        }
        if (csv != null) return new CustomFiles(Format.CSV, List.of(csv));
        if (pickle != null) return new CustomFiles(Format.PICKLE, List.of(pickle));
        if (!idxFiles.isEmpty()) {
            List<String> missing = idx.files().stream().filter(f -> !idxFiles.containsKey(f)).map(DatasetFile::name).toList();
            throw new UserError(dir + ": has some IDX files but not " + String.join(", ", missing));
        }
        throw new UserError(path + ": holds no dataset: expected the four IDX files (" + idx.fileNames()
                + "), or train.csv and test.csv, or mnist.pkl.gz");
    }

    /**
     * What dataset {@code name} holds and the heap it will take, known without reading it: from
     * the catalogue, or estimated from the sizes of a path dataset's files. A name that is neither
     * fails as {@link #load} would.
     */
    public DatasetShape shapeBefore(String name, DataOptions options) {
        var spec = DatasetCatalogue.find(name);
        if (spec.isPresent()) return DatasetShape.catalogue(spec.get().name());
        Path path = existingPath(name);
        CustomFiles files = customFiles(path);
        long content = 0;
        for (Path f : files.files()) content += DataFiles.contentSize(f);
        return DatasetShape.files(files.format(), content, options.classes());
    }

    private Dataset readCustom(Path path, DataOptions options) {
        CustomFiles files = customFiles(path);
        List<Path> f = files.files();
        Format format = files.format();
        List<Examples> training;
        Examples test;
        switch (format) {
            case IDX -> {
                Examples train = IdxReader.examples(IdxReader.readImages(f.get(0)), IdxReader.readLabels(f.get(1)));
                test = IdxReader.examples(IdxReader.readImages(f.get(2)), IdxReader.readLabels(f.get(3)));
                requireSameFeatures(train, test);
                training = List.of(train);
            }
            case CSV -> {
                Examples train = CsvReader.read(f.get(0));
                test = CsvReader.read(f.get(1));
                if (train.features() != test.features()) {
                    throw new UserError(f.get(1) + ": has " + test.features() + " pixel values a line, " + f.get(0).getFileName() + " has " + train.features());
                }
                training = List.of(train);
            }
            case PICKLE -> {
                MnistPickle.Parts parts = MnistPickle.read(f.get(0));
                training = List.of(parts.train(), parts.validation());
                test = parts.test();
            }
            default -> throw new IllegalStateException("no reader for " + format);
        }
        List<Examples> all = new ArrayList<>(training);
        all.add(test);
        int classes = ClassLabels.count(all, options.classes(), "the dataset declares classes: " + options.classes());
        List<SourceFile> sources = f.stream().map(p -> new SourceFile(p.getFileName().toString(), size(p),
                FileVerifier.digestFile(p, false)[0], "unverified")).toList();
        String name = path.toAbsolutePath().normalize().toString();
        return assemble(name, classes, training, test, options, format, path, Origin.PATH, sources, false);
    }

    private static DatasetSpec customIdxSpec() {
        DatasetSpec mnist = DatasetCatalogue.find(DatasetCatalogue.MNIST).orElseThrow();
        List<DatasetFile> files = mnist.files().stream().map(f -> new DatasetFile(f.name(), f.role(), List.of(), null)).toList();
        return new DatasetSpec("custom", "a folder of IDX files", Format.IDX, 0, 0, 0, files, List.of(), List.of(), "the user");
    }

    private static Path[] csvPair(Path dir) {
        for (int i = 0; i < CSV_PAIRS.length; i += 2) {
            Path train = dir.resolve(CSV_PAIRS[i]);
            Path test = dir.resolve(CSV_PAIRS[i + 1]);
            if (Files.isRegularFile(train) && Files.isRegularFile(test)) return new Path[]{train, test};
        }
        return null;
    }

    private static Dataset assemble(String name, int classes, List<Examples> training, Examples test, DataOptions options,
                                    Format format, Path location, Origin origin, List<SourceFile> files, boolean verified) {
        int n = training.stream().mapToInt(Examples::count).sum();
        int v = options.validationSize();
        if (v >= n) {
            throw new UserError("validation size " + String.format("%,d", v) + " is too large: " + name + " has "
                    + String.format("%,d", n) + " training examples (use 0 to " + String.format("%,d", n - 1) + ")");
        }
        int trainEnd = n - v;
        Preprocessor.Affine map = Preprocessor.affine(options.preprocessing(), training, trainEnd);
        Split train;
        Split validation;
        Split testSplit;
        try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
            Future<Split> held = pool.submit(() -> Preprocessor.split("validation", training, trainEnd, n, map));
            Future<Split> tested = pool.submit(() -> Preprocessor.split("test", List.of(test), 0, test.count(), map));
            train = Preprocessor.split("train", training, 0, trainEnd, map);
            validation = await(held);
            testSplit = await(tested);
        }
        DatasetSource source = new DatasetSource(name, format.label(), location.toString(), origin, files, verified,
                options.preprocessing(), map.shift(), map.scale(), v);
        return new Dataset(name, classes, train, validation, testSplit, source);
    }

    private static long size(Path p) {
        try {
            return Files.size(p);
        } catch (java.io.IOException e) {
            throw DataFiles.unreadable(p, e);
        }
    }
}
