package org.initlab.cli;

import org.initlab.UserError;
import org.initlab.io.FileProblem;
import org.initlab.study.BuiltInStudies;
import org.initlab.study.StudySpec;
import org.initlab.study.StudySpecParser;
import org.initlab.study.StudyStore;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Finds a study by built-in name, spec file path or study folder, and parses it. Public for the
 * cluster jobs (initlab-spark), which read a study the same way.
 */
public final class StudySource {
    /** The largest spec read: a real one is a few kilobytes, and YAML parsing is not the place to meet 10 MB. */
    public static final int MAX_SPEC_BYTES = 1_000_000;

    private static final String KINDS = "give a .yaml spec file, a study folder or a built-in study (see 'initlab list studies')";

    private StudySource() {}

    /** A built-in study, a {@code .yaml} spec, or a study folder (its spec with the options it was run with). */
    public static StudySpec load(String study, StudySpecParser.Overrides overrides) {
        Path p = Path.of(study);
        if (Files.isDirectory(p)) {
            if (Files.isRegularFile(p.resolve("study.yaml"))) {
                // a study folder: its spec, with the command-line options it was run with
                StudySpecParser.Overrides saved = Files.isRegularFile(p.resolve(StudyStore.MANIFEST))
                        ? new StudyStore(p).readManifest().commandLine() : null;
                return load(p.resolve("study.yaml").toString(), overrides.orElse(saved));
            }
            if (!BuiltInStudies.exists(study)) throw new UserError(p + ": is a folder without a study.yaml, not a study; " + KINDS);
        } else if (study.endsWith(".yaml") || study.endsWith(".yml") || Files.exists(p) || Files.isSymbolicLink(p)) {
            return StudySpecParser.parse(read(p), p.toString(), overrides);
        } else if (study.contains("/") && !BuiltInStudies.exists(study)) {
            throw new UserError(p + ": no such file or folder; " + KINDS);
        }
        return StudySpecParser.parse(BuiltInStudies.source(study), "built-in study " + study, overrides);
    }

    /** The spec's text: at most {@link #MAX_SPEC_BYTES}, UTF-8. */
    static String read(Path p) {
        String problem = FileProblem.beforeReading(p);
        if (problem != null) {
            throw new UserError(problem + (Files.exists(p) ? "" : " (a built-in study is named without .yaml: see 'initlab list studies')"));
        }
        byte[] bytes;
        try (InputStream in = Files.newInputStream(p)) {
            bytes = in.readNBytes(MAX_SPEC_BYTES + 1);
        } catch (IOException e) {
            throw new UserError(FileProblem.reading(p, e), e);
        }
        long size = bytes.length;
        if (bytes.length > MAX_SPEC_BYTES) {
            try {
                size = Files.size(p);
            } catch (IOException e) {
                // the bytes read tell enough
            }
        }
        return text(p.toString(), bytes, size);
    }

    /**
     * A spec read from elsewhere (another file system), as {@link #load} parses a file: at most
     * {@link #MAX_SPEC_BYTES} + 1 bytes of it ({@code size} in all), named {@code where}.
     */
    public static StudySpec parse(String where, byte[] bytes, long size, StudySpecParser.Overrides overrides) {
        return StudySpecParser.parse(text(where, bytes, size), where, overrides);
    }

    private static String text(String where, byte[] bytes, long size) {
        if (bytes.length > MAX_SPEC_BYTES) {
            throw new UserError(where + ": " + String.format("%,d", Math.max(size, bytes.length)) + " bytes is too large for a study spec (the limit is 1 MB;"
                    + " a spec is a short YAML file)");
        }
        return utf8(where, bytes);
    }

    /** Strict UTF-8 decoding: the first byte that is not UTF-8 is named with its offset and line. */
    static String utf8(String p, byte[] bytes) {
        if (bytes.length >= 2 && ((bytes[0] & 0xff) == 0xff && (bytes[1] & 0xff) == 0xfe || (bytes[0] & 0xff) == 0xfe && (bytes[1] & 0xff) == 0xff)) {
            throw new UserError(p + ": not UTF-8 text but UTF-16 (it starts with a UTF-16 byte order mark); save it as UTF-8");
        }
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes);
        CharBuffer out = CharBuffer.allocate(bytes.length + 1);
        CoderResult result = decoder.decode(in, out, true);
        if (!result.isError()) result = decoder.flush(out);
        if (result.isError()) {
            int offset = in.position();
            int line = 1;
            for (int i = 0; i < offset; i++) if (bytes[i] == '\n') line++;
            throw new UserError(p + ": not UTF-8 text: byte " + String.format("0x%02X", bytes[offset] & 0xff) + " at offset " + offset
                    + " (line " + line + ") is not valid UTF-8; save the file as UTF-8");
        }
        return out.flip().toString();
    }
}
