package org.initlab.report;

import org.initlab.data.Dataset;
import org.initlab.data.DatasetLoader;
import org.initlab.data.DatasetSource;
import org.initlab.data.DataOptions;
import org.initlab.data.Origin;
import org.initlab.data.Preprocessing;
import org.initlab.data.Split;
import org.initlab.study.DatasetProvider;
import org.initlab.study.Grid;
import org.initlab.study.PlannedRun;
import org.initlab.study.StudyProgress;
import org.initlab.study.StudyRunner;
import org.initlab.study.StudySpec;
import org.initlab.study.StudySpecParser;
import org.initlab.study.StudyStore;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * A small real study for the report's tests: trained end to end by the study runner, on the
 * first examples of the real MNIST when this machine has it ($initlab.shared.dir/data/mnist or
 * /work/shared/data/mnist), else on a synthetic ten-class problem. Seconds, not minutes.
 */
public final class SmallStudy {
    private SmallStudy() {}

    static final int TRAIN = 1500, VALIDATION = 500, TEST = 500;

    /** A spec with the given name and factor block; the data and settings are fixed and tiny. */
    public static String spec(String name, String description, String factors, int seeds, int epochs) {
        return "name: '" + name.replace("'", "''") + "'\n"
                + "description: '" + description.replace("'", "''") + "'\n"
                + "dataset: mnist\n"
                + "seeds: " + seeds + "\n"
                + "settings: {architecture: [24, 12], epochs: " + epochs + ", batch_size: 50, optimizer: {name: sgd, lr: 0.1, label: sgd}}\n"
                + factors;
    }

    /** Trains the study into {@code dir} and returns it. */
    public static Path run(Path dir, String yaml) {
        StudySpec spec = StudySpecParser.parse(yaml, "test spec", StudySpecParser.Overrides.NONE);
        List<PlannedRun> runs = Grid.expand(spec);
        StudyStore store = new StudyStore(dir);
        store.prepare(spec, runs, false);
        StudyRunner runner = new StudyRunner(store, new SmallData(), new StudyRunner.Options(2, false), new StudyProgress() {});
        StudyRunner.Outcome o = runner.run(runs);
        if (o.failed() > 0) throw new IllegalStateException(o.failed() + " runs failed");
        return dir;
    }

    /** The real MNIST folder, or null. */
    static Path realMnist() {
        for (String root : new String[]{System.getProperty("initlab.shared.dir"), "/work/shared"}) {
            if (root == null) continue;
            Path d = Path.of(root, "data", "mnist");
            if (Files.isRegularFile(d.resolve("train-images-idx3-ubyte.gz"))) return d;
        }
        return null;
    }

    /** The first TRAIN / VALIDATION / TEST examples of MNIST, or a synthetic stand-in. */
    static final class SmallData implements DatasetProvider {
        @Override
        public Dataset load(StudySpec.DataChoice c) {
            Path mnist = realMnist();
            if (mnist != null) {
                Dataset d = new DatasetLoader(Map.of()).load("mnist", DataOptions.defaults().withDataDir(mnist).withValidationSize(10_000));
                return new Dataset("mnist", d.classes(), head(d.train(), TRAIN), head(d.validation(), VALIDATION), head(d.test(), TEST), d.source());
            }
            return synthetic();
        }

        @Override
        public Map<String, Object> provenance(Dataset d) {
            return Map.of("dataset", d.name(), "location", d.source().location(), "subset", TRAIN + "/" + VALIDATION + "/" + TEST);
        }

        private static Split head(Split s, int n) {
            return new Split(s.name(), n, s.features(), Arrays.copyOf(s.x(), n * s.features()), Arrays.copyOf(s.y(), n));
        }

        /** Ten Gaussian clusters in 64 dimensions, a fixed draw. */
        static Dataset synthetic() {
            int features = 64, classes = 10;
            SplittableRandom rng = new SplittableRandom(5);
            float[][] centres = new float[classes][features];
            for (float[] c : centres) for (int j = 0; j < features; j++) c[j] = (float) (rng.nextDouble() < 0.2 ? 1 : 0);
            Split[] splits = new Split[3];
            int[] sizes = {TRAIN, VALIDATION, TEST};
            String[] names = {"train", "validation", "test"};
            for (int s = 0; s < 3; s++) {
                float[] x = new float[sizes[s] * features];
                int[] y = new int[sizes[s]];
                for (int i = 0; i < sizes[s]; i++) {
                    y[i] = rng.nextInt(classes);
                    for (int j = 0; j < features; j++) x[i * features + j] = (float) (centres[y[i]][j] + 0.6 * rng.nextGaussian());
                }
                splits[s] = new Split(names[s], sizes[s], features, x, y);
            }
            DatasetSource source = new DatasetSource("synthetic", "memory", "memory", Origin.PATH, List.of(), false,
                    Preprocessing.SCALE_01, 0, 1, VALIDATION);
            return new Dataset("synthetic", classes, splits[0], splits[1], splits[2], source);
        }
    }
}
