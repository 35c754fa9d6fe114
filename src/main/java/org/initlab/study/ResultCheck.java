package org.initlab.study;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.exc.StreamReadException;
import com.fasterxml.jackson.core.io.JsonEOFException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectReader;
import org.initlab.io.JsonFormat;
import org.initlab.io.ParseProblem;
import org.initlab.train.RunResult;

import java.io.IOException;

/**
 * When a result.json is a finished run: it parses to its end with nothing after it, it names the
 * run of its folder (its {@code id}, and the hash of its spec, is the folder's name), and it holds
 * a whole result: a known status, every epoch record the spec asks for (up to the divergence for
 * a diverged run), in order, the final metrics and the timing. Anything less is what a crash, a
 * full disk, an editor or a copy left, and the run is not finished.
 */
final class ResultCheck {
    private ResultCheck() {}

    /** Judges the bytes of the result.json of run {@code id}. */
    static StoredResult judge(String id, byte[] json) {
        if (blank(json)) return new StoredResult.Broken(id, "is empty");
        RunRecord r;
        try {
            r = READER.readValue(json);
        } catch (IOException e) {
            return new StoredResult.Broken(id, (cutShort(e) ? "is cut short: " : "is not a run's result: ") + jsonProblem(e, json.length));
        }
        String problem = r == null ? "is not a run's result: a value of the wrong kind" : problem(id, r);
        return problem == null ? new StoredResult.Finished(r) : new StoredResult.Broken(id, problem);
    }

    private static boolean blank(byte[] json) {
        for (byte b : json) if (b != ' ' && b != '\n' && b != '\r' && b != '\t') return false;
        return true;
    }

    /** The canonical JSON reader, refusing anything after the record. */
    private static final ObjectReader READER = JsonFormat.CANONICAL.readerFor(RunRecord.class).with(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

    /**
     * Why JSON of {@code bytes} bytes did not parse, in words: "the JSON ends after 812 bytes",
     * "more than one JSON value", else where and what ({@link ParseProblem}: "at line 1:
     * result.epochs: expected a list").
     */
    static String jsonProblem(IOException e, int bytes) {
        if (cutShort(e)) return "the JSON ends after " + bytes + " bytes";
        if (e.getMessage() != null && e.getMessage().startsWith("Trailing token")) return "more than one JSON value";
        if (e instanceof JsonProcessingException j) return (e instanceof StreamReadException ? "not valid JSON " : "") + ParseProblem.of(j, null);
        return "unreadable JSON";
    }

    /** Whether parsing stopped at the end of the bytes, inside a value: a file cut short. */
    static boolean cutShort(IOException e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof JsonEOFException || t.getMessage() != null && t.getMessage().contains("end-of-input")) return true;
        }
        return false;
    }

    /** What makes a parsed record not the finished run {@code id}, or null. */
    private static String problem(String id, RunRecord r) {
        if (r.id() == null) return "is incomplete: no 'id'";
        if (!r.id().equals(id)) return "holds run " + r.id() + ", not this run (a file copied from another run?)";
        if (r.spec() == null) return "is incomplete: no 'spec'";
        String specId = r.spec().id();
        if (!specId.equals(id)) return "holds the spec of run " + specId + ", not of this run";
        if (r.labels() == null) return "is incomplete: no 'labels'";
        if (r.experiments() == null) return "is incomplete: no 'experiments'";
        RunResult res = r.result();
        if (res == null) return "is incomplete: no 'result'";
        if (res.status() == null) return "is incomplete: no 'result.status'";
        int expected;
        if (res.status().equals(RunResult.COMPLETE)) {
            expected = r.spec().epochs() + 1;
        } else if (res.status().equals(RunResult.DIVERGED)) {
            if (res.divergedEpoch() == null) return "is incomplete: no 'result.divergedEpoch'";
            expected = res.divergedEpoch() + 1;
            if (expected > r.spec().epochs() + 1) return "diverged in epoch " + res.divergedEpoch() + " of a run of " + r.spec().epochs();
        } else {
            return "has an unknown status '" + res.status() + "'";
        }
        if (res.epochs().size() != expected) return "is incomplete: " + res.epochs().size() + " of " + expected + " epoch records";
        for (int i = 0; i < expected; i++) {
            if (res.epochs().get(i).epoch() != i) return "has epoch " + res.epochs().get(i).epoch() + " where epoch " + i + " belongs";
        }
        if (res.finalMetrics() == null) return "is incomplete: no 'result.finalMetrics'";
        if (res.timing() == null) return "is incomplete: no 'result.timing'";
        return null;
    }
}
