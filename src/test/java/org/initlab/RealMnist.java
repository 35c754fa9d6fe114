package org.initlab;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** Where tests find the official MNIST files, when this machine has them. */
public final class RealMnist {
    private RealMnist() {}

    /**
     * The official MNIST files: $initlab.shared.dir/data/mnist (the build sets it to ../shared),
     * else /work/shared/data/mnist; the calling test is skipped when neither holds them.
     */
    public static Path dir() {
        for (String root : new String[]{System.getProperty("initlab.shared.dir"), "/work/shared"}) {
            if (root == null) continue;
            Path dir = Path.of(root, "data", "mnist");
            if (Files.isRegularFile(dir.resolve("train-images-idx3-ubyte.gz"))) return dir;
        }
        assumeTrue(false, "the official MNIST files are not on this machine");
        return null;
    }
}
