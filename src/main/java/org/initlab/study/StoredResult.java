package org.initlab.study;

import java.nio.file.Path;

/**
 * What a run folder's {@code result.json} holds, judged as it is read (once, by
 * {@link StudyStore#read}): a finished run, bytes that are not one and why ({@link ResultCheck}
 * says what finished means), or nothing yet.
 */
public sealed interface StoredResult {
    /** A finished run's record. */
    record Finished(RunRecord record) implements StoredResult {}

    /**
     * A result.json that is not a finished run.
     *
     * @param reason what is wrong, to follow "its result.json " ("is cut short: the JSON ends after 812 bytes")
     */
    record Broken(String id, String reason) implements StoredResult {
        /** "skipped run ID: its result.json REASON": what report, show and export say before going on without it. */
        public String skipped() {
            return "skipped run " + id + ": its result.json " + reason;
        }

        /** What {@code show} says when asked for this run. */
        public String notFinished(Path studyDir) {
            return "run " + id + " has no finished result: its result.json " + reason + "; 'initlab run " + studyDir
                    + "' sets it aside and trains it again";
        }
    }

    /** What the bytes of run {@code id}'s result.json hold ({@link ResultCheck}), wherever they were read from. */
    static StoredResult judge(String id, byte[] json) {
        return ResultCheck.judge(id, json);
    }

    /** No result.json: the run has not finished. */
    record None() implements StoredResult {}

    StoredResult NONE = new None();
}
