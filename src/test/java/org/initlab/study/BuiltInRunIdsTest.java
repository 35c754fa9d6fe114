package org.initlab.study;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The run ids of every built-in study under both protocols name finished runs on disk: a change
 * to a catalogue (an alias given a new meaning, a preset added) must not move them. Each study's
 * ids, in grid order, are hashed; the pinned hashes were computed before the initializer aliases
 * {@code xavier}, {@code he} and {@code random} were changed (the built-in studies spell their
 * initializers out: {@code xavier_uniform}, {@code kaiming_uniform}, {@code normal}).
 */
class BuiltInRunIdsTest {
    static final Map<String, String> PINNED = new LinkedHashMap<>();

    static {
        PINNED.put("seed/default", "75c2c5ce095761e5 (120 runs)");
        PINNED.put("seed/notebook", "52a17168a71efc62 (24 runs)");
        PINNED.put("seed-activations/default", "e05d19993785d588 (60 runs)");
        PINNED.put("seed-activations/notebook", "00276a4fad56270e (12 runs)");
        PINNED.put("seed-optimizers/default", "084fa305ce19e4e0 (40 runs)");
        PINNED.put("seed-optimizers/notebook", "ad1a79c0fcfc0114 (8 runs)");
        PINNED.put("seed-depth/default", "ef733d7f69c0a7df (40 runs)");
        PINNED.put("seed-depth/notebook", "565374e66f92674b (8 runs)");
        PINNED.put("extended/default", "63f0fad9abbb4670 (840 runs)");
        PINNED.put("extended/notebook", "3aa3427359f373f6 (168 runs)");
        PINNED.put("edge-of-chaos/default", "6644b427b56bee07 (99 runs)");
        PINNED.put("edge-of-chaos/notebook", "ab929f1d4c6b92b1 (99 runs)");
    }

    static String idsHash(String study, String protocol) throws Exception {
        StudySpec spec = StudySpecParser.parse(BuiltInStudies.source(study), "built-in study " + study,
                new StudySpecParser.Overrides(protocol, null, null));
        MessageDigest md = MessageDigest.getInstance("SHA-256");
        for (PlannedRun r : Grid.expand(spec)) md.update((r.id() + "\n").getBytes(StandardCharsets.UTF_8));
        return HexFormat.of().formatHex(md.digest()).substring(0, 16) + " (" + Grid.expand(spec).size() + " runs)";
    }

    @Test
    void everyBuiltInStudyKeepsItsRunIds() throws Exception {
        Map<String, String> now = new LinkedHashMap<>();
        for (String s : BuiltInStudies.descriptions().keySet()) {
            for (String p : Protocols.names()) now.put(s + "/" + p, idsHash(s, p));
        }
        assertEquals(PINNED, now);
    }
}
