package org.initlab.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import java.io.UncheckedIOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.NoSuchFileException;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The command line's catch-all: one line in words, never an exception's class name or a parser's internals. */
class MainTest {
    record Point(List<Integer> xs) {}

    @Test
    void fileFailuresInWords() {
        assertEquals("/study/out: already exists", Main.message(new FileAlreadyExistsException("/study/out")));
        assertEquals("/a/b: no such file or folder", Main.message(new RuntimeException(new NoSuchFileException("/a/b"))));
        assertEquals("/a/b: permission denied for this user (check its permissions)",
                Main.message(new UncheckedIOException(new AccessDeniedException("/a/b"))));
        assertEquals(2, Main.exitCode(new FileAlreadyExistsException("/study/out")));
    }

    @Test
    void jacksonErrorsWithoutTheReferenceChain() {
        Exception e = assertThrows(Exception.class, () -> new ObjectMapper().readValue("{\"xs\": [1, \"two\"]}", Point.class));
        assertTrue(e.getMessage().contains("reference chain"), "the raw message has it: " + e.getMessage());
        String m = Main.message(e);
        assertFalse(m.contains("reference chain"), m);
        assertFalse(m.contains("\n"), m);
        assertTrue(m.startsWith("not valid JSON or YAML at line 1: "), m);
        assertEquals("not valid JSON or YAML at line 1: xs[1]: expected a whole number, got 'two'", m);
    }

    record Manifest(String name, List<Long> seeds) {}

    /** A damaged study folder: the store's own message keeps its words, Jackson's part is put in words too. */
    @Test
    void jacksonTextInsideAUserErrorIsReworded() {
        Exception e = assertThrows(Exception.class, () -> new ObjectMapper().readValue("{\"name\": \"x\", \"seeds\": {\"a\": 1}}", Manifest.class));
        String m = Main.message(new org.initlab.UserError("/s/study.json is not readable: " + e.getMessage(), e));
        assertEquals("/s/study.json is not readable: at line 1: seeds: expected a list", m);
        assertFalse(m.contains("java."), m);
    }

    @Test
    void bugsWithoutClassNames() {
        assertEquals("unexpected error: index 3 out of bounds", Main.message(new IllegalStateException("index 3 out of bounds")));
        assertEquals("unexpected error without a message", Main.message(new NullPointerException()));
        assertEquals("unexpected error: ran out of stack", Main.message(new StackOverflowError()));
    }
}
