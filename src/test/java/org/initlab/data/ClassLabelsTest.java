package org.initlab.data;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

import static org.initlab.data.TestData.assertUserError;
import static org.initlab.data.TestData.copyOf;
import static org.initlab.data.TestData.fixture;
import static org.initlab.data.TestData.isolatedEnv;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * Class labels of path datasets: within the declared class count, or else numbering the classes
 * 0..max without gaps; a stray label never silently widens the output layer.
 */
class ClassLabelsTest {
    @TempDir
    Path tmp;

    private Dataset load(Path dir, DataOptions options) {
        return new DatasetLoader(isolatedEnv(tmp)).load(dir.toString(), options);
    }

    private static DataOptions offline() {
        return DataOptions.defaults().withAllowDownload(false).withValidationSize(2);
    }

    /** The IDX fixture with training label {@code index} replaced by {@code label}. */
    private Path idxWithTrainLabel(int index, int label) throws IOException {
        Path dir = copyOf("idx", tmp);
        int[] y = DataFixtures.idxTrainLabels();
        y[index] = label;
        Files.write(dir.resolve("train-labels-idx1-ubyte.gz"), DataFixtures.gzip(DataFixtures.idxLabels(y)));
        return dir;
    }

    /** A CSV folder whose training labels are 0..9 then {@code extra}; the test labels 0..9. */
    private Path csvWithTrainLabel(String extra) throws IOException {
        Path dir = Files.createDirectories(tmp.resolve("csv-" + extra));
        StringBuilder train = new StringBuilder("label,a,b\n");
        for (int c = 0; c < 10; c++) train.append(c).append(",1,2\n");
        train.append(extra).append(",3,4\n");
        StringBuilder test = new StringBuilder();
        for (int c = 0; c < 10; c++) test.append(c).append(",5,6\n");
        Files.writeString(dir.resolve("train.csv"), train, StandardCharsets.US_ASCII);
        Files.writeString(dir.resolve("test.csv"), test, StandardCharsets.US_ASCII);
        return dir;
    }

    @Test
    void idxLabelBeyondTheClassesInUseIsRefusedNotAWiderOutputLayer() throws IOException {
        Path dir = idxWithTrainLabel(7, 200);
        assertUserError(() -> load(dir, offline()), dir.resolve("train-labels-idx1-ubyte.gz").toString(), "label 200 at index 7",
                "classes 10..199 have no example", "classes: 201");
    }

    @Test
    void idxLabelOutsideTheDeclaredClasses() throws IOException {
        Path dir = idxWithTrainLabel(3, 10);
        assertUserError(() -> load(dir, offline().withClasses(10)), dir.resolve("train-labels-idx1-ubyte.gz").toString(),
                "label 10 at index 3", "not a class 0..9", "classes: 10");
        assertUserError(() -> load(fixture("idx"), offline().withClasses(5)), "train-labels-idx1-ubyte.gz", "label 5 at index 5",
                "not a class 0..4");
    }

    @Test
    void declaredClassesMayExceedTheLabelsInUse() {
        Dataset d = load(fixture("idx"), offline().withClasses(12));
        assertEquals(12, d.classes());
        assertEquals(10, load(fixture("idx"), offline()).classes());
    }

    @Test
    void csvLabelBeyondTheClassesInUse() throws IOException {
        Path dir = csvWithTrainLabel("200");
        assertUserError(() -> load(dir, offline()), dir.resolve("train.csv").toString(), "line 12", "label 200",
                "classes 10..199 have no example");
        assertEquals(201, load(dir, offline().withClasses(201)).classes());
        assertUserError(() -> load(dir, offline().withClasses(10)), dir.resolve("train.csv").toString(), "line 12", "label 200",
                "not a class 0..9");
    }

    @Test
    void negativeCsvLabel() throws IOException {
        Path dir = csvWithTrainLabel("-1");
        assertUserError(() -> load(dir, offline()), dir.resolve("train.csv").toString(), "line 12", "label -1", "negative");
        assertUserError(() -> load(dir, offline().withClasses(10)), dir.resolve("train.csv").toString(), "line 12", "label -1",
                "not a class 0..9");
    }

    /** The CSV fixture uses only labels 1 and 6: classes 0, 2..5 would be output units no example ever asks for. */
    @Test
    void gapsInTheMiddleAreNamed() {
        Path dir = fixture("csv");
        assertUserError(() -> load(dir, offline()), dir.resolve("train.csv").toString(), "line 2", "label 1", "class 0 has no example");
        assertEquals(7, load(dir, offline().withClasses(7)).classes());
    }

    @Test
    void pickleLabelsFollowTheSameRule() throws IOException {
        Path dir = Files.createDirectories(tmp.resolve("pkl"));
        Files.copy(fixture("pickle/tiny.pkl.gz"), dir.resolve("mnist.pkl.gz"), StandardCopyOption.REPLACE_EXISTING);
        assertEquals(10, load(dir, offline()).classes());
        assertUserError(() -> load(dir, offline().withClasses(3)), dir.resolve("mnist.pkl.gz").toString(), "(train)", "label 3 at index 1",
                "not a class 0..2");
    }

    @Test
    void catalogueClassesCannotBeRedeclared() {
        assertUserError(() -> new DatasetLoader(isolatedEnv(tmp)).load("mnist", offline().withClasses(12)), "mnist has 10 classes",
                "classes: 12");
    }

    @Test
    void classCountMustBeTwoOrMore() {
        assertThrows(org.initlab.UserError.class, () -> offline().withClasses(1));
        assertThrows(org.initlab.UserError.class, () -> offline().withClasses(0));
        assertEquals(null, offline().withClasses(null).classes());
    }
}
