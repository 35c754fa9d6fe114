package org.initlab.data;

import org.initlab.UserError;
import org.junit.jupiter.api.function.Executable;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** Where the test data is: the committed fixtures, and the real MNIST when this machine has it. */
final class TestData {
    private TestData() {}

    /** A fixture under src/test/resources/data. */
    static Path fixture(String relative) {
        try {
            return Path.of(TestData.class.getResource("/data/" + relative).toURI());
        } catch (URISyntaxException | NullPointerException e) {
            throw new IllegalStateException("missing fixture " + relative, e);
        }
    }

    /**
     * The official MNIST files: $initlab.shared.dir/data/mnist, else /work/shared/data/mnist;
     * the test is skipped when neither holds them.
     */
    static Path realMnist() {
        return org.initlab.RealMnist.dir();
    }

    /** A copy of a fixture folder in {@code tmp}, to corrupt. */
    static Path copyOf(String fixtureDir, Path tmp) {
        Path target = tmp.resolve(fixtureDir);
        try (Stream<Path> files = Files.list(fixture(fixtureDir))) {
            Files.createDirectories(target);
            for (Path f : files.toList()) Files.copy(f, target.resolve(f.getFileName()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return target;
    }

    /** An environment with no data variables and a home directory inside {@code tmp}. */
    static Map<String, String> isolatedEnv(Path tmp) {
        return Map.of("HOME", tmp.resolve("home").toString());
    }

    /** Asserts {@code run} fails with one line that contains each of {@code parts}. */
    static UserError assertUserError(Executable run, String... parts) {
        UserError e = assertThrows(UserError.class, run);
        String m = e.getMessage();
        assertFalse(m.contains("\n"), "one line: " + m);
        for (String p : parts) assertTrue(m.contains(p), "message should contain '" + p + "': " + m);
        return e;
    }
}
