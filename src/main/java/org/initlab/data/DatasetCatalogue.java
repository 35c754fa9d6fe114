package org.initlab.data;

import org.initlab.catalog.Catalogue;
import org.initlab.catalog.CatalogueEntry;

import java.net.URI;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.initlab.data.DatasetFile.Role.PICKLE;
import static org.initlab.data.DatasetFile.Role.TEST_IMAGES;
import static org.initlab.data.DatasetFile.Role.TEST_LABELS;
import static org.initlab.data.DatasetFile.Role.TRAIN_IMAGES;
import static org.initlab.data.DatasetFile.Role.TRAIN_LABELS;

/**
 * The datasets initlab knows by name, with their files' checksums.
 *
 * <p>Where each checksum comes from:
 * <ul>
 *   <li>MNIST (LeCun, Cortes, Burges): SHA-256 and sizes computed from a copy whose MD5s equal
 *       the published ones (f68b3c2d…, d53e105e…, 9fb629c4…, ec29112d…, as in torchvision's
 *       {@code MNIST.resources}); they also equal TensorFlow Datasets'
 *       {@code url_checksums/mnist.txt}.</li>
 *   <li>Fashion-MNIST (Xiao, Rasul, Vollgraf 2017): the official files' SHA-256 and sizes from
 *       TensorFlow Datasets' {@code url_checksums/fashion_mnist.txt}; Debian's
 *       {@code dataset-fashion-mnist} (0.0~git20200523.55506a9-1) ships the same data re-gzipped
 *       without the original file name (24 bytes shorter), so its SHA-256 and sizes are listed
 *       too, computed from the package's files; the content SHA-256 is of the decompressed
 *       files.</li>
 *   <li>Kuzushiji-MNIST (Clanuwat et al. 2018, arXiv:1812.01718): SHA-256 and sizes from
 *       TensorFlow Datasets' {@code url_checksums/kmnist.txt} (the rois-codh/kmnist repository
 *       publishes none; torchvision's {@code KMNIST.resources} has MD5s of the same files).</li>
 *   <li>{@code mnist.pkl.gz}, the file the original study read (Nielsen, "Neural Networks and
 *       Deep Learning", data/mnist.pkl.gz; first made by the LISA lab for the deeplearning.net
 *       tutorials): no SHA-256 is published. The MD5 a02cd19f81d51c426d7ca14024243ce9 is the one
 *       published for the deeplearning.net copy (e.g. by borgwang/tinynn,
 *       {@code tinynn/utils/dataset.py}); that Nielsen's copy is byte-identical is assumed, not
 *       checked here. A copy that does not match is rejected unless verification is turned
 *       off, and the structure (three splits of float32 [n, 784] images and integer labels,
 *       60,000 + 10,000 examples) is checked either way.</li>
 * </ul>
 */
public final class DatasetCatalogue {
    private static final String MNIST_SOURCE = "official release";
    private static final String TFDS = "official release, per TensorFlow Datasets";
    private static final String DEBIAN = "Debian package dataset-fashion-mnist";
    private static final Path DEBIAN_FASHION = Path.of("/usr/share/datasets/fashion-mnist");

    /** The original study's dataset, and a spec's default. */
    public static final String MNIST = "mnist";

    /** Values per example of every catalogue dataset: 28 × 28 grey pixels. */
    public static final int FEATURES = 28 * 28;

    private static final List<DatasetSpec> ALL = List.of(
            new DatasetSpec(MNIST, "handwritten digits 0-9, 28x28 grey, 60,000 train + 10,000 test",
                    Format.IDX, 10, 60_000, 10_000,
                    List.of(
                            idx("train-images-idx3-ubyte.gz", TRAIN_IMAGES,
                                    List.of(Digest.sha256("440fcabf73cc546fa21475e81ea370265605f56be210a4024d2ca8f203523609", 9_912_422, MNIST_SOURCE)),
                                    "ba891046e6505d7aadcbbe25680a0738ad16aec93bde7f9b65e87a2fc25776db", 47_040_016),
                            idx("train-labels-idx1-ubyte.gz", TRAIN_LABELS,
                                    List.of(Digest.sha256("3552534a0a558bbed6aed32b30c495cca23d567ec52cac8be1a0730e8010255c", 28_881, MNIST_SOURCE)),
                                    "65a50cbbf4e906d70832878ad85ccda5333a97f0f4c3dd2ef09a8a9eef7101c5", 60_008),
                            idx("t10k-images-idx3-ubyte.gz", TEST_IMAGES,
                                    List.of(Digest.sha256("8d422c7b0a1c1c79245a5bcf07fe86e33eeafee792b84584aec276f5a2dbc4e6", 1_648_877, MNIST_SOURCE)),
                                    "0fa7898d509279e482958e8ce81c8e77db3f2f8254e26661ceb7762c4d494ce7", 7_840_016),
                            idx("t10k-labels-idx1-ubyte.gz", TEST_LABELS,
                                    List.of(Digest.sha256("f7ae60f92e00ec6debd23a6088c31dbd2371eca3ffa0defaefb259924204aec6", 4_542, MNIST_SOURCE)),
                                    "ff7bcfd416de33731a308c3f266cc351222c34898ecbeaf847f06e48f7ec33f2", 10_008)),
                    uris("https://ossci-datasets.s3.amazonaws.com/mnist/",
                            "https://storage.googleapis.com/cvdf-datasets/mnist/",
                            "http://yann.lecun.com/exdb/mnist/"),
                    List.of(),
                    "LeCun, Cortes, Burges: The MNIST database of handwritten digits"),
            new DatasetSpec("fashion-mnist", "Zalando article images in 10 classes, 28x28 grey, 60,000 train + 10,000 test",
                    Format.IDX, 10, 60_000, 10_000,
                    List.of(
                            idx("train-images-idx3-ubyte.gz", TRAIN_IMAGES, List.of(
                                            Digest.sha256("3aede38d61863908ad78613f6a32ed271626dd12800ba2636569512369268a84", 26_421_880, TFDS),
                                            Digest.sha256("b0564c3eedabfbf835052cff8503ea422014ce006caf5b757f851416ee8300c7", 26_421_856, DEBIAN)),
                                    "c59f468a2f672dc815687fe0f83887768d799fd8a3f3276145d20f83aa44d888", 47_040_016),
                            idx("train-labels-idx1-ubyte.gz", TRAIN_LABELS, List.of(
                                            Digest.sha256("a04f17134ac03560a47e3764e11b92fc97de4d1bfaf8ba1a3aa29af54cc90845", 29_515, TFDS),
                                            Digest.sha256("0ae29f65d86684f32d1b9c85147786c547b9c6aebcaf235f0400a0cce308b056", 29_491, DEBIAN)),
                                    "bad3541b69d912435c50bb6ba87bec294ff4f6a2e1246121d8633921760443d9", 60_008),
                            idx("t10k-images-idx3-ubyte.gz", TEST_IMAGES, List.of(
                                            Digest.sha256("346e55b948d973a97e58d2351dde16a484bd415d4595297633bb08f03db6a073", 4_422_102, TFDS),
                                            Digest.sha256("cc1d090a38ace84dfa1aa66e3ada7c336ef481a96936906477e6dd344da56eaa", 4_422_079, DEBIAN)),
                                    "5b4141f0afbad91edebe8549f8fcffe087ea10ca49f1dbef5c9a5cd8815ce37b", 7_840_016),
                            idx("t10k-labels-idx1-ubyte.gz", TEST_LABELS, List.of(
                                            Digest.sha256("67da17c76eaffca5446c3361aaab5c3cd6d1c2608764d35dfb1850b086bf8dd5", 5_148, TFDS),
                                            Digest.sha256("8d3605d196f4be44669e46906da9733c8131fef761fdbfec72c424d5222f1a05", 5_125, DEBIAN)),
                                    "0402a96d92fd2663957122ceb108a494c5af83dab82d92729df917d7dec38c34", 10_008)),
                    uris("http://fashion-mnist.s3-website.eu-central-1.amazonaws.com/",
                            "https://storage.googleapis.com/tensorflow/tf-keras-datasets/"),
                    List.of(DEBIAN_FASHION),
                    "Xiao, Rasul, Vollgraf 2017: Fashion-MNIST (github.com/zalandoresearch/fashion-mnist)"),
            new DatasetSpec("kmnist", "Kuzushiji-MNIST: cursive Japanese (hiragana) in 10 classes, 28x28 grey, 60,000 train + 10,000 test",
                    Format.IDX, 10, 60_000, 10_000,
                    List.of(
                            idx("train-images-idx3-ubyte.gz", TRAIN_IMAGES,
                                    List.of(Digest.sha256("51467d22d8cc72929e2a028a0428f2086b092bb31cfb79c69cc0a90ce135fde4", 18_165_135, TFDS)), null, 0),
                            idx("train-labels-idx1-ubyte.gz", TRAIN_LABELS,
                                    List.of(Digest.sha256("e38f9ebcd0f3ebcdec7fc8eabdcdaef93bb0df8ea12bee65224341c8183d8e17", 29_497, TFDS)), null, 0),
                            idx("t10k-images-idx3-ubyte.gz", TEST_IMAGES,
                                    List.of(Digest.sha256("edd7a857845ad6bb1d0ba43fe7e794d164fe2dce499a1694695a792adfac43c5", 3_041_136, TFDS)), null, 0),
                            idx("t10k-labels-idx1-ubyte.gz", TEST_LABELS,
                                    List.of(Digest.sha256("20bb9a0ef54c7db3efc55a92eef5582c109615df22683c380526788f98e42a1c", 5_120, TFDS)), null, 0)),
                    uris("https://codh.rois.ac.jp/kmnist/dataset/kmnist/", "http://codh.rois.ac.jp/kmnist/dataset/kmnist/"),
                    List.of(),
                    "Clanuwat et al. 2018, arXiv:1812.01718 (github.com/rois-codh/kmnist); CC BY-SA 4.0"),
            new DatasetSpec("mnist-pkl", "MNIST as the original study read it: Nielsen's mnist.pkl.gz, 50,000 train + 10,000 validation + 10,000 test, pixels already in [0, 1]",
                    Format.PICKLE, 10, 60_000, 10_000,
                    List.of(new DatasetFile("mnist.pkl.gz", PICKLE,
                            List.of(Digest.md5("a02cd19f81d51c426d7ca14024243ce9", -1, "published for the deeplearning.net copy")), null)),
                    uris("https://github.com/mnielsen/neural-networks-and-deep-learning/raw/master/data/",
                            "http://deeplearning.net/data/mnist/"),
                    List.of(),
                    "Nielsen: Neural Networks and Deep Learning (github.com/mnielsen/neural-networks-and-deep-learning), from the LISA lab's deeplearning.net tutorials"));

    private static final Catalogue<DatasetSpec> CATALOGUE = new Catalogue<>("dataset",
            ALL.stream().map(s -> Catalogue.Entry.of(s.name(), List.of(), s.source(), s)).toList());

    private DatasetCatalogue() {}

    /** Every catalogue dataset, in a fixed order. */
    public static List<DatasetSpec> all() {
        return ALL;
    }

    public static List<String> names() {
        return ALL.stream().map(DatasetSpec::name).toList();
    }

    /** The dataset called {@code name} (by the {@link org.initlab.catalog.Spelling} rule), if the catalogue has it. */
    public static Optional<DatasetSpec> find(String name) {
        return CATALOGUE.canonical(name).flatMap(n -> ALL.stream().filter(s -> s.name().equals(n)).findFirst());
    }

    /** One line per dataset, as {@code initlab list} shows catalogues. */
    public static List<CatalogueEntry> entries() {
        return ALL.stream().map(s -> {
            Map<String, Object> defaults = new LinkedHashMap<>();
            defaults.put("validation", 10_000);
            defaults.put("preprocessing", Preprocessing.SCALE_01.label());
            return new CatalogueEntry(s.name(), List.of(), s.title() + "; files: " + s.fileNames(), defaults, s.source());
        }).toList();
    }

    private static DatasetFile idx(String name, DatasetFile.Role role, List<Digest> digests, String contentSha256, long contentSize) {
        Digest content = contentSha256 == null ? null : Digest.sha256(contentSha256, contentSize, "decompressed content");
        return new DatasetFile(name, role, digests, content);
    }

    private static List<URI> uris(String... uris) {
        return java.util.Arrays.stream(uris).map(URI::create).toList();
    }
}
