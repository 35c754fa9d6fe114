package org.initlab.spark;

import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.Path;
import org.initlab.UserError;
import org.initlab.study.StoredResult;
import org.initlab.study.StudyStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class HadoopStudyFolderTest {
    @TempDir
    java.nio.file.Path tmp;

    @Test
    void aWriteLeavesTheWholeFileAndNothingElse() throws IOException {
        HadoopStudyFolder f = new HadoopStudyFolder(tmp.toUri(), new Configuration());
        f.write(f.runFile("abc", StudyStore.RESULT), out -> out.write("{\"id\":\"abc\"}".getBytes(StandardCharsets.UTF_8)));
        assertEquals("{\"id\":\"abc\"}", Files.readString(tmp.resolve("runs/abc/result.json")));
        assertTrue(f.isComplete("abc"));
        TestStudies.assertNoTemporaries(tmp); // nor Hadoop's .crc files
    }

    @Test
    void aWriterThatDiesHalfWayLeavesNoResult() throws IOException {
        HadoopStudyFolder f = new HadoopStudyFolder(tmp.toUri(), new Configuration());
        Path target = f.runFile("abc", StudyStore.RESULT);
        assertThrows(IOException.class, () -> f.write(target, out -> {
            out.write("{\"id\":".getBytes(StandardCharsets.UTF_8));
            throw new IOException("disk full");
        }));
        assertFalse(f.isComplete("abc"));
        TestStudies.assertNoTemporaries(tmp);
    }

    @Test
    void aKilledWritersTemporaryIsCleanedAndNeverTakenForAResult() throws IOException {
        HadoopStudyFolder f = new HadoopStudyFolder(tmp.toUri(), new Configuration());
        Files.createDirectories(tmp.resolve("runs/abc"));
        Files.writeString(tmp.resolve("runs/abc/.result.json-0d2c.tmp"), "{\"id\":");
        assertFalse(f.isComplete("abc"));
        assertEquals(1, f.cleanTemporaries());
        TestStudies.assertNoTemporaries(tmp);
    }

    /** A result read from the folder is judged as the core judges a local one; one that is not a finished run is set aside. */
    @Test
    void aResultIsReadAndJudgedAndABrokenOneSetAside() throws IOException {
        HadoopStudyFolder f = new HadoopStudyFolder(tmp.toUri(), new Configuration());
        assertInstanceOf(StoredResult.None.class, f.read("abc"));
        Files.createDirectories(tmp.resolve("runs/abc"));
        Files.writeString(tmp.resolve("runs/abc/result.json"), "{\"id\":");
        StoredResult r = f.read("abc");
        assertEquals(new StoredResult.Broken("abc", "is cut short: the JSON ends after 6 bytes"), r);
        assertEquals(tmp.resolve("runs/abc/result.json.broken").toUri(), f.setAside("abc"));
        Files.writeString(tmp.resolve("runs/abc/result.json"), "");
        assertEquals(tmp.resolve("runs/abc/result.json.broken-2").toUri(), f.setAside("abc"));
        assertInstanceOf(StoredResult.None.class, f.read("abc"));
        assertEquals("{\"id\":", Files.readString(tmp.resolve("runs/abc/result.json.broken")));
    }

    @Test
    void foldersArePathsOrUris() {
        assertEquals(tmp.resolve("a b").toUri(), HadoopStudyFolder.parse(tmp.resolve("a b").toString()));
        assertEquals(URI.create("hdfs://nn:8020/studies/seed"), HadoopStudyFolder.parse("hdfs://nn:8020/studies/seed"));
        assertEquals("file", HadoopStudyFolder.parse("studies/seed").getScheme());
        UserError e = assertThrows(UserError.class, () -> new HadoopStudyFolder(URI.create("nosuchfs://x/y"), new Configuration()));
        assertTrue(e.getMessage().startsWith("cannot open nosuchfs://x/y: "), e.getMessage());
    }
}
