package org.initlab.study;

import org.initlab.io.JsonFormat;
import org.initlab.report.Fixtures;
import org.initlab.train.RunResult;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** What a result.json must be to count as a finished run, and the words for what it is instead. */
class ResultCheckTest {
    /** A finished run of 2 epochs stored under its own id, or diverged in epoch 1 when {@code diverged}. */
    private static RunRecord record(boolean diverged) {
        RunRecord r = Fixtures.run("x", Fixtures.labels("xavier", "relu", 0), List.of("e"), new double[]{0.1, 0.5, 0.9},
                new double[]{0.1, 0.5, 0.9}, diverged ? 1 : 0);
        return new RunRecord(r.spec().id(), r.initlab(), r.spec(), r.probeSettings(), r.probes(), r.labels(), r.experiments(), r.result(),
                r.started(), r.finished(), r.machine(), r.data());
    }

    private static String reason(String id, byte[] json) {
        StoredResult s = ResultCheck.judge(id, json);
        assertInstanceOf(StoredResult.Broken.class, s, new String(json, StandardCharsets.UTF_8));
        String reason = ((StoredResult.Broken) s).reason();
        assertFalse(reason.matches("(?s).*([A-Z][A-Za-z]*(Exception|Error)\\b|reference chain|org\\.initlab|\\n).*"), reason);
        return reason;
    }

    @Test
    void aWholeResultOfItsOwnRunIsFinished() throws IOException {
        for (boolean diverged : new boolean[]{false, true}) {
            RunRecord r = record(diverged);
            StoredResult s = ResultCheck.judge(r.id(), JsonFormat.CANONICAL.writeValueAsBytes(r));
            assertEquals(r.result().withoutTiming(), assertInstanceOf(StoredResult.Finished.class, s).record().result().withoutTiming());
        }
    }

    /** Wherever a write stopped, the file is cut short, never taken for a result. */
    @Test
    void everyPrefixOfAResultIsCutShort() throws IOException {
        RunRecord r = record(false);
        byte[] whole = JsonFormat.CANONICAL.writeValueAsBytes(r);
        for (int n = 1; n < whole.length; n += 1 + n / 8) {
            String why = reason(r.id(), Arrays.copyOf(whole, n));
            assertEquals("is cut short: the JSON ends after " + n + " bytes", why, "cut at byte " + n);
        }
        assertEquals("is empty", reason(r.id(), new byte[0]));
        assertEquals("is empty", reason(r.id(), " \n".getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void otherDamageInWords() throws IOException {
        RunRecord r = record(false);
        String json = JsonFormat.CANONICAL.writeValueAsString(r);
        assertEquals("is not a run's result: more than one JSON value", reason(r.id(), (json + "{}").getBytes(StandardCharsets.UTF_8)));
        assertTrue(reason(r.id(), json.replaceFirst("\\{", "{x").getBytes(StandardCharsets.UTF_8)).startsWith("is not a run's result: not valid JSON at line 1"));
        assertTrue(reason(r.id(), json.replace("\"epochs\":[", "\"epochs\":\"x\",\"ignored\":[").getBytes(StandardCharsets.UTF_8))
                .contains("result.epochs"));
        assertEquals("is not a run's result: at line 1: expected a mapping", reason(r.id(), "[]".getBytes(StandardCharsets.UTF_8)));
        assertEquals("is incomplete: no 'id'", reason(r.id(), "{}".getBytes(StandardCharsets.UTF_8)));
        assertEquals("holds run " + r.id() + ", not this run (a file copied from another run?)", reason("0123456789ab", json.getBytes(StandardCharsets.UTF_8)));

        RunResult res = r.result();
        RunRecord unknown = new RunRecord(r.id(), r.initlab(), r.spec(), r.probeSettings(), r.probes(), r.labels(), r.experiments(),
                new RunResult("paused", null, null, res.steps(), res.epochs(), res.finalMetrics(), res.timing()), r.started(), r.finished(), r.machine(), r.data());
        assertEquals("has an unknown status 'paused'", reason(r.id(), JsonFormat.CANONICAL.writeValueAsBytes(unknown)));
        RunRecord untimed = new RunRecord(r.id(), r.initlab(), r.spec(), r.probeSettings(), r.probes(), r.labels(), r.experiments(),
                new RunResult(res.status(), null, null, res.steps(), res.epochs(), res.finalMetrics(), null), r.started(), r.finished(), r.machine(), r.data());
        assertEquals("is incomplete: no 'result.timing'", reason(r.id(), JsonFormat.CANONICAL.writeValueAsBytes(untimed)));
        RunRecord shuffled = new RunRecord(r.id(), r.initlab(), r.spec(), r.probeSettings(), r.probes(), r.labels(), r.experiments(),
                new RunResult(res.status(), null, null, res.steps(), List.of(res.epochs().get(0), res.epochs().get(2), res.epochs().get(1)),
                        res.finalMetrics(), res.timing()), r.started(), r.finished(), r.machine(), r.data());
        assertEquals("has epoch 2 where epoch 1 belongs", reason(r.id(), JsonFormat.CANONICAL.writeValueAsBytes(shuffled)));
    }
}
