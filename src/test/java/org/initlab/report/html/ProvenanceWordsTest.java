package org.initlab.report.html;

import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The report's data provenance in words, for records of today and of before provenance used the spec's words. */
class ProvenanceWordsTest {
    private static Map<String, Object> data(String origin, String preprocessing) {
        Map<String, Object> d = new LinkedHashMap<>();
        d.put("dataset", "mnist");
        d.put("format", "idx");
        d.put("location", "/data/mnist");
        d.put("origin", origin);
        d.put("verified", true);
        d.put("preprocessing", preprocessing);
        d.put("validationSize", 10000);
        return d;
    }

    @Test
    void dataInWords() {
        String words = "mnist (idx files) from /data/mnist, found through INITLAB_DATA, verified against the published checksums;"
                + " inputs scale01; 10000 training examples held out for validation";
        assertEquals(words, ProvenanceSection.dataInWords(data("INITLAB_DATA", "scale01")));
        assertEquals(words, ProvenanceSection.dataInWords(data("ENVIRONMENT", "SCALE_01")), "an older record's constant names");
        assertEquals("mnist (idx files) from /data/mnist, found in initlab's cache, verified against the published checksums;"
                + " inputs scale256; 10000 training examples held out for validation", ProvenanceSection.dataInWords(data("CACHE", "SCALE_256")));
        assertEquals("mnist (idx files) from /data/mnist, found through --data-dir, verified against the published checksums;"
                + " inputs standardize; 10000 training examples held out for validation", ProvenanceSection.dataInWords(data("--data-dir", "standardize")));
    }
}
