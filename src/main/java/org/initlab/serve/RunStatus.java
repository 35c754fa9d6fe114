package org.initlab.serve;

import com.fasterxml.jackson.annotation.JsonValue;

import java.util.Locale;

/** Where a planned run stands, as its folder shows it. */
enum RunStatus {
    /** Nothing of it in the folder yet (or only a result set aside as broken). */
    TODO,
    /** Its progress files are being written: it trains now, in this process or another. */
    RUNNING,
    /** It has progress files but none was written for {@link FolderReader#STALE_SECONDS}: its process probably stopped. */
    STALLED,
    /** Its training failed ({@code progress/failed.json}); the next 'initlab run' trains it again. */
    FAILED,
    /** Its {@code result.json} is there and reads. */
    DONE,
    /** Its {@code result.json} is there but does not read: not finished ('initlab run' trains it again). */
    BROKEN;

    @JsonValue
    public String json() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Runs that will still have to be trained. */
    boolean toDo() {
        return this == TODO || this == STALLED || this == FAILED || this == BROKEN;
    }
}
