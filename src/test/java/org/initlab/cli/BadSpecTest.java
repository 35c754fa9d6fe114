package org.initlab.cli;

import org.initlab.train.SyntheticData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A spec that cannot run is refused before any work, in one line with exit code 2: sizes that
 * overflow or do not fit in memory, repeated keys, a second document, a learning rate of 0, a
 * batch larger than the training split, a misspelt dataset, a grid too large to expand; and what
 * a spec names reaches the terminal with its control characters made visible.
 */
class BadSpecTest {
    @TempDir
    Path tmp;

    private Path spec(String yaml) throws IOException {
        Path p = tmp.resolve("study.yaml");
        Files.writeString(p, yaml);
        return p;
    }

    private static BadInputTest.Outcome dryRun(Path spec, String... more) {
        return BadInputTest.cli(Stream.concat(Stream.of("run", spec.toString(), "--dry-run"), Stream.of(more)).toArray(String[]::new));
    }

    private BadInputTest.Outcome run(Path spec, String... more) {
        return BadInputTest.cli(Stream.concat(Stream.of("run", spec.toString(), "--out", tmp.resolve("out").toString(), "--no-report"),
                Stream.of(more)).toArray(String[]::new));
    }

    /** A custom dataset of {@code train} + 10 test examples of 4 features in 10 classes. */
    private Path csvData(int train) throws IOException {
        return SyntheticData.writeCsvFolder(tmp.resolve("csv"), train, 10, 4, 10);
    }

    // ---- 1. sizes ----

    @Test
    void aLayerTooLargeForAJavaArray() throws IOException {
        Path s = spec("name: huge\nseeds: 1\nsettings:\n  architecture: [46341, 46341]\n");
        assertEquals("initlab: architecture 46341-46341: the weights of layer dense2 would be 46,341 × 46,341 = 2,147,488,281 numbers,"
                + " more than a Java array holds (2,147,483,639); use narrower layers", dryRun(s).line());
    }

    @Test
    void aStudyThatDoesNotFitInMemoryIsRefusedBeforeLoadingData() throws IOException {
        Path s = spec("name: big\nseeds: 1\nsettings:\n  architecture: [30000, 30000]\n");
        long t0 = System.nanoTime();
        String line = run(s, "--jobs", "1").line("initlab: not enough memory: a run of architecture 30000-30000 needs about 15.8 GB, with the data about 16.0 GB",
                "but this Java can hold about ", "INITLAB_JAVA_OPTS=-Xmx");
        assertTrue(System.nanoTime() - t0 < 5_000_000_000L, "refused before loading data: " + line);
        assertFalse(Files.exists(tmp.resolve("out").resolve("runs")), "nothing written");
        // two runs at once need twice as much; with enough memory for one, --jobs 1 is suggested
        Path two = spec("name: big\nseeds: 2\nsettings:\n  architecture: [30000, 30000]\n");
        run(two, "--jobs", "2").line("needs about 15.8 GB and 2 runs at once need about 31.5 GB, with the data about 31.8 GB");
    }

    @Test
    void dryRunShowsMemoryBesideTime() throws IOException {
        Path s = spec("name: small\nseeds: 2\nsettings:\n  architecture: [128, 64]\n  epochs: 1\n");
        BadInputTest.Outcome o = dryRun(s, "--jobs", "2");
        assertEquals(0, o.code(), o.err());
        String memory = o.out().replaceAll("\\n  ", " ").lines().filter(l -> l.startsWith("Memory: ")).findFirst().orElseThrow(() -> new AssertionError(o.out()));
        assertTrue(memory.matches("Memory: about \\d+ MB per run, \\d+ MB in all \\(2 runs at once \\+ 220 MB of data\\)"
                + " of the [0-9.]+ GB this Java can hold\\."), memory);
    }

    // ---- 2. the spec ----

    @Test
    void aKeyGivenTwiceIsRefusedAtAnyDepth() throws IOException {
        Path top = spec("name: a\nname: b\n");
        assertEquals("initlab: " + top + ": name: given twice (the second time at line 2); keep one", dryRun(top).line());
        Path deep = spec("""
                name: dup
                settings:
                  optimizer:
                    name: sgd
                    lr: 0.1
                    lr: 0.5
                """);
        assertEquals("initlab: " + deep + ": settings.optimizer.lr: given twice (the second time at line 6); keep one", dryRun(deep).line());
        Path inList = spec("name: dup\nfactors:\n  initializer:\n    - he\n    - {name: normal, std: 1, std: 2}\n");
        assertEquals("initlab: " + inList + ": factors.initializer[1].std: given twice (the second time at line 5); keep one",
                dryRun(inList).line());
    }

    @Test
    void aSecondDocumentIsRefused() throws IOException {
        Path s = spec("name: one\nseeds: 1\n---\nname: two\n");
        assertEquals("initlab: " + s + ": line 3: a second YAML document starts here ('---'); a study spec is one document:"
                + " remove the '---' and what follows, or put it in a file of its own", dryRun(s).line());
        Path empty = spec("---\nname: one\n---\n");
        dryRun(empty).line(empty + ": line 3: a second YAML document");
    }

    @Test
    void aLearningRateOfZeroIsRefusedWhereverItIsWritten() throws IOException {
        Path own = spec("name: z\nsettings:\n  optimizer: {name: sgd, lr: 0}\n");
        assertEquals("initlab: " + own + ": settings.optimizer: sgd: parameter 'lr' must be > 0, got 0.0", dryRun(own).line());
        Path level = spec("name: z\nfactors:\n  optimizer: [sgd, {name: adam, lr: 0}]\n");
        assertEquals("initlab: " + level + ": factors.optimizer[1]: adam: parameter 'lr' must be > 0, got 0.0", dryRun(level).line());
        Path factor = spec("name: z\nfactors:\n  learning_rate: [0.1, 0]\n");
        assertEquals("initlab: " + factor + ": factors.learning_rate[1]: a learning rate must be a positive number, got 0",
                dryRun(factor).line());
    }

    @Test
    void aBatchLargerThanTheTrainingSplitOfACatalogueDataset() throws IOException {
        Path s = spec("name: b\ndataset: mnist\nfactors:\n  batch_size: [150, 50001]\n");
        assertEquals("initlab: " + s + ": factors.batch_size[1]: 50001 is more than the 50,000 examples of the training split"
                + " (mnist's 60,000 training examples minus 10,000 for validation); use at most 50,000", dryRun(s).line());
        Path v = spec("name: b\ndataset: {name: mnist, validation: 60000}\n");
        assertEquals("initlab: " + v + ": dataset.validation: 60000 leaves no training examples: mnist has 60,000 (use 0 to 59,999)",
                dryRun(v).line());
    }

    @Test
    void aBatchLargerThanTheTrainingSplitOfAPathDatasetIsRefusedAfterLoading() throws IOException {
        Path data = csvData(21);
        Path s = spec("name: b\ndataset: {name: '" + data + "', validation: 2}\nseeds: 1\nsettings:\n  architecture: [4]\n  epochs: 1\n"
                + "  batch_size: 50\n");
        BadInputTest.Outcome o = run(s, "--jobs", "1");
        assertEquals("initlab: batch_size 50 is more than the 19 examples of the training split (" + data
                + "'s 21 training examples minus 2 for validation); use at most 19", o.line());
        try (Stream<Path> runs = Files.list(tmp.resolve("out").resolve("runs"))) {
            assertEquals(0, runs.count(), "nothing trained");
        }
    }

    @Test
    void aMisspeltDatasetFailsTheDryRun() throws IOException {
        Path s = spec("name: d\ndataset: mnsit\n");
        dryRun(s).line("unknown dataset 'mnsit'; did you mean 'mnist'?");
        Path gone = tmp.resolve("gone");
        dryRun(spec("name: d\ndataset: '" + gone + "'\n")).line(gone + ": no such folder or file");
    }

    @Test
    void aGridTooLargeIsRefusedBeforeItIsExpanded() throws IOException {
        String rates = IntStream.rangeClosed(1, 200).mapToObj(i -> "0." + String.format("%04d", i)).collect(Collectors.joining(", "));
        Path s = spec("name: big\nseeds: 10000\nfactors:\n  learning_rate: [" + rates + "]\n");
        long t0 = System.nanoTime();
        assertEquals("initlab: study 'big': its grid would have 2,000,000 runs, more than the limit of 100,000;"
                + " vary fewer factors or seeds, or raise the limit with --max-runs 2000000", dryRun(s).line());
        assertTrue(System.nanoTime() - t0 < 3_000_000_000L, "refused before expanding");
        Path twelve = spec("name: twelve\nseeds: 3\nfactors:\n  activation: [relu, tanh, elu, selu]\nexclude: [{activation: elu}]\n");
        assertEquals("initlab: study 'twelve': its grid would have up to 12 runs (before excludes), more than the limit of 10;"
                + " vary fewer factors or seeds, or raise the limit with --max-runs 12", dryRun(twelve, "--max-runs", "10").line());
        BadInputTest.cli("run", twelve.toString(), "--max-runs", "0").line("--max-runs must be 1 or more, got 0");
    }

    // ---- 3. what reaches the terminal ----

    private static final String EVIL = "r\\e[2J\\r\\0x";
    private static final String SHOWN = "r\\u001b[2J\\r\\u0000x";

    private static void noRawControls(String text) {
        for (char c : text.toCharArray()) {
            assertFalse(c < 0x20 && c != '\n' || c == 0x7f, "raw control U+" + String.format("%04X", (int) c) + " in:\n" + text);
        }
    }

    @Test
    void labelsAndNamesAreShownWithTheirControlsEscaped() throws IOException {
        Path data = csvData(20);
        Path s = spec("name: \"esc\\e[2Jape\"\ndescription: \"one\\rtwo\"\ndataset: {name: '" + data + "', validation: 2}\nseeds: 1\n"
                + "factors:\n  activation: [{name: relu, label: \"" + EVIL + "\"}, tanh]\n"
                + "settings:\n  architecture: [4]\n  epochs: 1\n  batch_size: 2\n");
        BadInputTest.Outcome dry = dryRun(s);
        assertEquals(0, dry.code(), dry.err());
        noRawControls(dry.out());
        assertTrue(dry.out().contains("Study 'esc\\u001b[2Jape'"), dry.out());
        assertTrue(dry.out().contains("one\\rtwo"), dry.out());
        assertTrue(dry.out().contains(SHOWN), dry.out());

        BadInputTest.Outcome ran = run(s, "--jobs", "1");
        assertEquals(0, ran.code(), ran.err());
        noRawControls(ran.out());
        assertTrue(ran.out().contains("] " + SHOWN + ": test acc"), ran.out());

        Path runDir;
        try (Stream<Path> runs = Files.list(tmp.resolve("out").resolve("runs"))) {
            runDir = runs.filter(r -> {
                try {
                    return Files.readString(r.resolve(org.initlab.study.StudyStore.RESULT)).contains("r\\u001B[2J");
                } catch (IOException e) {
                    return false;
                }
            }).findFirst().orElseThrow();
        }
        BadInputTest.Outcome shown = BadInputTest.cli("show", runDir.toString());
        assertEquals(0, shown.code(), shown.err());
        noRawControls(shown.out());
        assertTrue(shown.out().contains("activation " + SHOWN), shown.out());

        Path bad = spec("name: e\nfactors:\n  activation: [relu, \"" + EVIL + "\"]\n");
        String line = dryRun(bad).line("unknown activation '" + SHOWN + "'");
        noRawControls(line);
    }

    // ---- 4. no parser internals ----

    @Test
    void yamlProblemsInWords() throws IOException {
        Path complex = spec("name: x\n? [a, b]\n: 1\n");
        assertEquals("initlab: " + complex + ": not valid YAML at line 2: a key must be a plain name, not a list or a mapping",
                dryRun(complex).line());
        Path deep = spec("name: x\nsettings: " + "[".repeat(2000) + "]".repeat(2000) + "\n");
        assertEquals("initlab: " + deep + ": not valid YAML at line 2: nested more than 1000 deep", dryRun(deep).line());
        Path flow = spec("name: [x\n");
        assertEquals("initlab: " + flow + ": not valid YAML at line 2, column 1: expected ',' or ']', but got the end of the file"
                + " (in the list that starts at line 1, column 7)", dryRun(flow).line());
        Path binary = spec("name: x\ndescription: !!binary 3\n");
        dryRun(binary).line(binary + ": not valid YAML at line 2");
        Path bell = spec("name: x\ndescription: a\u0007b\n");
        assertEquals("initlab: " + bell + ": not valid YAML at line 2: control character U+0007 is not allowed; write it as an escape"
                + " (\\x07) in a double-quoted string", dryRun(bell).line());
    }
}
