package org.initlab.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPOutputStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * What the command line says about hostile or broken input: exit code 2 and one line on stderr
 * that names the file and the problem, never a Java exception's name or a stack trace.
 */
class BadInputTest {
    @TempDir
    Path tmp;

    record Outcome(int code, String out, String err) {
        /** The one line on stderr, checked to be one line, free of Java names, and to hold each part. */
        String line(String... parts) {
            assertEquals(2, code, "exit code; stderr: " + err);
            String e = err.strip();
            assertFalse(e.isEmpty(), "a message on stderr");
            assertFalse(e.contains("\n"), "one line: " + err);
            assertTrue(e.startsWith("initlab: "), e);
            assertFalse(e.matches(".*[A-Z][A-Za-z]*(Exception|Error)\\b.*"), "no Java exception names: " + e);
            assertFalse(e.contains("\tat "), e);
            for (String p : parts) assertTrue(e.contains(p), "message should contain '" + p + "': " + e);
            return e;
        }
    }

    static synchronized Outcome cli(String... args) {
        PrintStream oldOut = System.out, oldErr = System.err;
        ByteArrayOutputStream out = new ByteArrayOutputStream(), err = new ByteArrayOutputStream();
        System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
        System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
        try {
            int code = Main.run(args);
            return new Outcome(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
        } finally {
            System.setOut(oldOut);
            System.setErr(oldErr);
        }
    }

    private Path spec(String dataset) throws IOException {
        Path spec = tmp.resolve("study.yaml");
        Files.writeString(spec, """
                name: hostile
                dataset: {name: '%s', validation: 2}
                seeds: 1
                settings:
                  architecture: [4]
                  epochs: 1
                  batch_size: 2
                """.formatted(dataset));
        return spec;
    }

    private Outcome run(Path spec) {
        return cli("run", spec.toString(), "--out", tmp.resolve("out").toString(), "--no-report", "--jobs", "1");
    }

    // ---- 1. a pickle nested 10,000 deep ----

    @Test
    void deeplyNestedPickleDataset() throws IOException {
        ByteArrayOutputStream pickle = new ByteArrayOutputStream();
        pickle.write(0x80);
        pickle.write(2);
        for (int i = 0; i < 10_000; i++) pickle.write(']');
        for (int i = 1; i < 10_000; i++) pickle.write('a');
        pickle.write('.');
        Path file = tmp.resolve("deep.pkl.gz");
        try (OutputStream o = new GZIPOutputStream(Files.newOutputStream(file))) {
            pickle.writeTo(o);
        }
        run(spec(file.toString())).line(file.toString(), "nested more than 100 deep");
    }

    // ---- 2. labels ----

    private Path csvFolder(String strayLabel) throws IOException {
        Path dir = Files.createDirectories(tmp.resolve("csv"));
        StringBuilder train = new StringBuilder();
        for (int i = 0; i < 20; i++) train.append(i % 10).append(",1,2,3\n");
        train.append(strayLabel).append(",4,5,6\n");
        StringBuilder test = new StringBuilder();
        for (int i = 0; i < 10; i++) test.append(i).append(",1,2,3\n");
        Files.writeString(dir.resolve("train.csv"), train);
        Files.writeString(dir.resolve("test.csv"), test);
        return dir;
    }

    @Test
    void strayLabelInACsvFolder() throws IOException {
        Path dir = csvFolder("200");
        run(spec(dir.toString())).line(dir.resolve("train.csv") + ": line 21: label 200, but classes 10..199 have no example",
                "dataset: {classes: 201}");
    }

    @Test
    void negativeLabelInACsvFolder() throws IOException {
        Path dir = csvFolder("-3");
        run(spec(dir.toString())).line(dir.resolve("train.csv") + ": line 21: label -3 is negative");
    }

    // ---- 3. files that cannot be read ----

    @Test
    void missingSpec() {
        Path missing = tmp.resolve("nowhere.yaml");
        cli("run", missing.toString()).line(missing + ": no such file");
    }

    @Test
    void folderGivenAsTheSpec() throws IOException {
        Path folder = Files.createDirectories(tmp.resolve("folder.yaml"));
        cli("run", folder.toString()).line(folder + ": is a folder", "study.yaml");
        Path plain = Files.createDirectories(tmp.resolve("plain"));
        cli("run", plain.toString()).line(plain + ": is a folder", "study.yaml");
    }

    @Test
    void missingDatasetFolder() throws IOException {
        Path gone = tmp.resolve("gone");
        run(spec(gone.toString())).line(gone + ": no such folder or file");
    }

    // ---- 4. the spec's size and encoding ----

    @Test
    void hugeSpecIsRefusedAtOnce() throws IOException {
        Path big = tmp.resolve("big.yaml");
        try (OutputStream o = Files.newOutputStream(big)) {
            o.write("name: big\ndescription: '".getBytes(StandardCharsets.US_ASCII));
            byte[] chunk = "x".repeat(1 << 16).getBytes(StandardCharsets.US_ASCII);
            for (int i = 0; i < 160; i++) o.write(chunk); // 10 MB
            o.write("'\n".getBytes(StandardCharsets.US_ASCII));
        }
        long t0 = System.nanoTime();
        cli("run", big.toString()).line(big + ": " + String.format("%,d", Files.size(big)) + " bytes is too large for a study spec", "1 MB");
        assertTrue(System.nanoTime() - t0 < 2_000_000_000L, "refused before parsing");
    }

    @Test
    void specThatIsNotUtf8() throws IOException {
        Path latin1 = tmp.resolve("latin1.yaml");
        Files.write(latin1, "name: x\ndescription: caf\u00e9 au lait\n".getBytes(StandardCharsets.ISO_8859_1));
        cli("run", latin1.toString()).line(latin1 + ": not UTF-8 text", "byte 0xE9 at offset 24 (line 2)");
    }

    // ---- 5. a misspelt command ----

    @Test
    void misspeltCommandGetsTheNearest() {
        Outcome o = cli("rnu", "study.yaml");
        assertEquals("initlab: unknown command 'rnu'; did you mean 'run'? Commands: run, serve, merge, report, compare, list, runs, show, export, help, data,"
                + " completion (see 'initlab --help')", o.line());
        assertEquals("", o.out());
        assertEquals("initlab: unknown command 'qqqqqqqq'. Commands: run, serve, merge, report, compare, list, runs, show, export, help, data, completion"
                + " (see 'initlab --help')", cli("qqqqqqqq").line());
        cli("data", "fecth", "mnist").line("unknown command 'data fecth'; did you mean 'data fetch'?");
        cli("run", "x.yaml", "--epoch", "3").line("unknown option '--epoch'; did you mean '--epochs'?");
    }

    // ---- 6. too few or too many arguments, a missing or mistyped option value ----

    /** In initlab's words, each naming what is missing and what it is; never picocli's "positional parameter at index 0..*". */
    @Test
    void missingArgumentsAndValuesInWords() {
        assertEquals("initlab: compare needs two or more study folders, got one: st; e.g. initlab compare studies/seed studies/seed-notebook",
                cli("compare", "st").line());
        assertEquals("initlab: compare needs two or more study folders, got one: st; e.g. initlab compare studies/seed studies/seed-notebook",
                cli("compare", "st", "--out", "o").line());
        assertEquals("initlab: 'initlab compare' needs STUDY_DIR: study folders written by 'initlab run'; the first is the reference"
                + " (see 'initlab compare --help')", cli("compare").line());
        assertEquals("initlab: 'initlab report' needs STUDY_DIR: a study folder written by 'initlab run' (see 'initlab report --help')",
                cli("report").line());
        assertEquals("initlab: 'initlab run' needs STUDY: built-in study name, spec file or study folder (see 'initlab run --help')",
                cli("run").line());
        assertEquals("initlab: 'initlab merge' needs DIR: the shard folders, each shard once; a folder that shards shared holds several (see 'initlab merge --help')", cli("merge", "out").line());
        assertEquals("initlab: option '--jobs' needs a value (N) (see 'initlab run --help')", cli("run", "--jobs").line());
        cli("run", "x.yaml", "--jobs", "abc").line("'abc' is not a whole number");
        // a misspelt option is named before the argument it left missing
        assertEquals("initlab: unknown option '--bogus' (see 'initlab report --help')", cli("report", "--bogus").line());
        assertEquals("initlab: show takes a study folder and a run id (or a run folder), got 3 arguments: a b c; e.g. initlab show studies/seed 3fa9",
                cli("show", "a", "b", "c").line());
        for (String[] args : new String[][]{{"compare", "st"}, {"compare"}, {"merge"}, {"list"}, {"completion"}, {"data", "fetch"}, {"run", "--jobs"}}) {
            String e = cli(args).line();
            assertFalse(e.contains("positional parameter") || e.contains("Missing required") || e.contains("index"), e);
        }
    }
}
