package org.initlab.cli;

import org.initlab.io.Csv;
import org.initlab.study.RunRecord;
import org.initlab.study.StudyStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * What a study folder says about its runs is in the user's words: the data provenance names where
 * the data was found and its preprocessing as the command line and a spec write them, and
 * epochs.csv gives every run its learning rate and its widths, whatever set them or labels them.
 */
class ExportWordsTest {
    @TempDir
    Path tmp;

    @Test
    void provenanceUsesTheSpecsWords() throws IOException {
        Path dir = TinyStudy.folder();
        StudyStore store = new StudyStore(dir);
        RunRecord r = store.readResults(store.readManifest()).getFirst();
        assertEquals("path", r.data().get("origin"), r.data().toString());
        assertEquals("scale01", r.data().get("preprocessing"));
        String json = Files.readString(store.runDir(r.id()).resolve(StudyStore.RESULT));
        assertFalse(json.contains("SCALE_01") || json.contains("\"PATH\""), "no enum names in result.json");
    }

    @Test
    void epochsCsvFillsLearningRateAndArchitecture() throws IOException {
        Path dir = TinyStudy.folder();
        Path out = tmp.resolve("export");
        BadInputTest.Outcome o = BadInputTest.cli("export", dir.toString(), "--csv", "--out", out.toString());
        assertEquals(0, o.code(), o.err());
        List<List<String>> rows = read(out.resolve("epochs.csv"));
        List<String> header = rows.getFirst();
        int lr = header.indexOf("learning_rate"), arch = header.indexOf("architecture"), label = header.indexOf("architecture_label");
        int optimizer = header.indexOf("optimizer"), decay = header.indexOf("weight_decay");
        assertTrue(lr > 0 && arch > 0 && label == arch + 1, header.toString());
        assertEquals(1 + 24 * 3, rows.size(), "header + 24 runs × epochs 0..2");
        for (List<String> row : rows.subList(1, rows.size())) {
            assertEquals("8-4", row.get(arch), "the widths, not the label");
            assertEquals("small", row.get(label));
            assertEquals(row.get(optimizer).equals("adam") ? "0.01" : "0.05", row.get(lr), "set by the optimizer: " + row);
            assertEquals("0.0", row.get(decay), "the optimizer's default: " + row);
        }
        assertTrue(read(out.resolve("layers.csv")).getFirst().contains("architecture_label"));
    }

    static List<List<String>> read(Path csv) throws IOException {
        List<List<String>> rows = new ArrayList<>();
        for (String line : Files.readAllLines(csv)) rows.add(split(line));
        return rows;
    }

    /** A CSV line's cells (quotes as {@link Csv} writes them). */
    private static List<String> split(String line) {
        List<String> cells = new ArrayList<>();
        StringBuilder cell = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
                    cell.append('"');
                    i++;
                } else if (c == '"') quoted = false;
                else cell.append(c);
            } else if (c == '"') quoted = true;
            else if (c == ',') {
                cells.add(cell.toString());
                cell.setLength(0);
            } else cell.append(c);
        }
        cells.add(cell.toString());
        return cells;
    }
}
