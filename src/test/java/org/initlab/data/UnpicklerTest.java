package org.initlab.data;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.GZIPOutputStream;

import static org.initlab.data.TestData.assertUserError;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

/** The restricted unpickler against hostile input: deep nesting and values that contain themselves. */
class UnpicklerTest {
    private static final Path FILE = Path.of("hostile.pkl");

    @TempDir
    Path tmp;

    /** PROTO 2, then {@code depth} EMPTY_LISTs, then APPENDs folding each into the one below: [[[...]]]. */
    static byte[] nestedLists(int depth) {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        b.write(0x80);
        b.write(2);
        for (int i = 0; i < depth; i++) b.write(']');
        for (int i = 1; i < depth; i++) b.write('a');
        b.write('.');
        return b.toByteArray();
    }

    /** PROTO 2, EMPTY_TUPLE, then TUPLE1 {@code depth - 1} times: ((((),),),). */
    static byte[] nestedTuples(int depth) {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        b.write(0x80);
        b.write(2);
        b.write(')');
        for (int i = 1; i < depth; i++) b.write(0x85);
        b.write('.');
        return b.toByteArray();
    }

    private static Object load(byte[] pickle) {
        return Unpickler.load(FILE, new ByteArrayInputStream(pickle));
    }

    @Test
    void listsNestedTenThousandDeepAreRefusedWithOneLine() {
        assertUserError(() -> load(nestedLists(10_000)), FILE.toString(), "nested more than " + Unpickler.MAX_DEPTH + " deep");
    }

    @Test
    void tuplesNestedTenThousandDeepAreRefusedWithOneLine() {
        assertUserError(() -> load(nestedTuples(10_000)), FILE.toString(), "nested more than " + Unpickler.MAX_DEPTH + " deep");
    }

    @Test
    void nestingUpToTheLimitIsRead() {
        Object v = load(nestedTuples(Unpickler.MAX_DEPTH));
        int depth = 0;
        while (v instanceof List<?> l) {
            depth++;
            v = l.isEmpty() ? null : l.getFirst();
        }
        assertEquals(Unpickler.MAX_DEPTH, depth);
        assertUserError(() -> load(nestedTuples(Unpickler.MAX_DEPTH + 1)), "nested more than");
        assertUserError(() -> load(nestedLists(Unpickler.MAX_DEPTH + 1)), "nested more than");
    }

    /** A list appended to itself (EMPTY_LIST, BINPUT 0, BINGET 0, APPEND): a cycle, which Python can pickle. */
    @Test
    void aListThatContainsItselfIsRefused() {
        byte[] pickle = {(byte) 0x80, 2, ']', 'q', 0, 'h', 0, 'a', '.'};
        assertUserError(() -> load(pickle), FILE.toString(), "contains itself");
    }

    /** a = []; b = [a]; a.append(b): a cycle through two lists. */
    @Test
    void aCycleThroughTwoListsIsRefused() {
        byte[] pickle = {(byte) 0x80, 2, ']', 'q', 0, ']', 'q', 1, 'h', 0, 'a', 'a', '.'};
        assertUserError(() -> load(pickle), FILE.toString(), "contains itself");
    }

    /** The same list shared by two tuples (BINGET) is fine: sharing is not a cycle. */
    @Test
    void aSharedListIsRead() {
        byte[] pickle = {(byte) 0x80, 2, ']', 'q', 0, 'K', 7, 'a', 'h', 0, (byte) 0x86, '.'};
        List<?> pair = assertInstanceOf(List.class, load(pickle));
        assertEquals(List.of(List.of(7L), List.of(7L)), pair);
    }

    /** A tuple as a dict key would be hashed by walking it (2^100 steps for a tuple of shared tuples 100 deep). */
    @Test
    void containerDictKeysAreRefused() {
        byte[] pickle = {(byte) 0x80, 2, '}', ')', 'K', 1, 's', '.'};
        assertUserError(() -> load(pickle), FILE.toString(), "a dict key that is a tuple of 0 items");
        byte[] fine = {(byte) 0x80, 2, '}', 'U', 1, 'k', 'K', 1, 's', '.'};
        assertEquals(java.util.Map.of("k", 1L), load(fine));
    }

    /** Through the mnist.pkl.gz reader: the file is named, the line is one. */
    @Test
    void deepPickleFileIsNamed() throws IOException {
        Path file = gzip(tmp.resolve("deep.pkl.gz"), nestedLists(10_000));
        assertUserError(() -> MnistPickle.read(file), file.toString(), "nested more than " + Unpickler.MAX_DEPTH + " deep");
    }

    static Path gzip(Path file, byte[] content) throws IOException {
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(file))) {
            out.write(content);
        }
        return file;
    }
}
