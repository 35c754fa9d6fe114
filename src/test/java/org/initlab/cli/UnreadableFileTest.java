package org.initlab.cli;

import org.initlab.TestFolders;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * A spec or dataset file this user may not read is named as such. Root reads any file whatever
 * its mode, so as root the command runs as user nobody (setpriv drops the privileges; no sudo
 * involved) from a copy of the classpath nobody can read; as another user it runs in-process.
 */
class UnreadableFileTest {
    private static final int NOBODY = 65534;

    @TempDir
    Path tmp;

    private Path world;

    private static boolean root() {
        return "root".equals(System.getProperty("user.name"));
    }

    /** A folder anyone may enter and write, for the files under test and the study folder. */
    private Path world() throws IOException {
        if (world == null) {
            Files.setPosixFilePermissions(tmp, PosixFilePermissions.fromString("rwxr-xr-x"));
            world = Files.createDirectories(tmp.resolve("world"));
            Files.setPosixFilePermissions(world, PosixFilePermissions.fromString("rwxrwxrwx"));
        }
        return world;
    }

    private static void unreadable(Path file) throws IOException {
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("---------"));
    }

    /** Exit code and stderr of {@code initlab args}, as an unprivileged user. */
    private BadInputTest.Outcome initlab(String... args) throws Exception {
        if (!root()) return BadInputTest.cli(args);
        Path setpriv = Path.of("/usr/bin/setpriv");
        assumeTrue(Files.isExecutable(setpriv), "needs setpriv to run as another user");
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> command = new ArrayList<>(List.of(setpriv.toString(), "--reuid=" + NOBODY, "--regid=" + NOBODY, "--clear-groups",
                java, "-XX:-UsePerfData", "--add-modules", "jdk.incubator.vector", "-cp", classpath(), Main.class.getName()));
        command.addAll(List.of(args));
        Path err = tmp.resolve("stderr.txt");
        Process p = new ProcessBuilder(command).redirectOutput(ProcessBuilder.Redirect.DISCARD).redirectError(err.toFile()).start();
        assertTrue(p.waitFor(120, TimeUnit.SECONDS), "the child ends");
        String stderr = Files.readString(err, StandardCharsets.UTF_8).replaceAll("(?m)^WARNING: Using incubator modules.*\\R", "");
        assumeTrue(!stderr.contains("setpriv:"), "setpriv cannot change user here: " + stderr);
        return new BadInputTest.Outcome(p.exitValue(), "", stderr);
    }

    /** initlab's classes and its libraries, copied where user nobody can read them. */
    private String classpath() throws IOException, URISyntaxException {
        Path libs = Files.createDirectories(tmp.resolve("libs"));
        Set<String> entries = new LinkedHashSet<>();
        for (Class<?> c : List.of(Main.class, picocli.CommandLine.class, com.fasterxml.jackson.databind.ObjectMapper.class,
                com.fasterxml.jackson.core.JsonFactory.class, com.fasterxml.jackson.annotation.JsonAutoDetect.class,
                com.fasterxml.jackson.dataformat.yaml.YAMLFactory.class, org.yaml.snakeyaml.LoaderOptions.class)) {
            Path from = Path.of(c.getProtectionDomain().getCodeSource().getLocation().toURI());
            if (Files.isDirectory(from)) {
                Path to = libs.resolve("classes");
                if (!Files.exists(to)) TestFolders.copy(from, to);
                entries.add(to.toString());
            } else {
                Path to = libs.resolve(from.getFileName());
                if (!Files.exists(to)) Files.copy(from, to);
                entries.add(to.toString());
            }
        }
        return String.join(java.io.File.pathSeparator, entries);
    }

    @Test
    void unreadableSpec() throws Exception {
        Path spec = world().resolve("secret.yaml");
        Files.writeString(spec, "name: secret\n");
        unreadable(spec);
        String line = initlab("run", spec.toString(), "--out", world().resolve("out").toString()).line();
        assertEquals("initlab: " + spec + ": not readable by this user (check its permissions)", line);
    }

    @Test
    void unreadableDatasetFile() throws Exception {
        Path data = Files.createDirectories(world().resolve("csv"));
        StringBuilder train = new StringBuilder();
        for (int i = 0; i < 20; i++) train.append(i % 2).append(",1,2\n");
        Files.writeString(data.resolve("train.csv"), train);
        Files.writeString(data.resolve("test.csv"), "0,1,2\n1,3,4\n");
        unreadable(data.resolve("train.csv"));
        Path spec = world().resolve("study.yaml");
        Files.writeString(spec, """
                name: locked
                dataset: {name: '%s', validation: 2}
                seeds: 1
                settings: {architecture: [4], epochs: 1, batch_size: 2}
                """.formatted(data));
        String line = initlab("run", spec.toString(), "--out", world().resolve("out").toString(), "--no-report", "--jobs", "1").line();
        assertEquals("initlab: " + data.resolve("train.csv") + ": not readable by this user (check its permissions)", line);
        assertFalse(line.contains("Exception"));
    }
}
