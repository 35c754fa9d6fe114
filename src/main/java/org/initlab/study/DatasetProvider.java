package org.initlab.study;

import org.initlab.data.Dataset;

import java.util.Map;

/** Loads the dataset a study names (once; every run shares it read-only). */
public interface DatasetProvider {
    Dataset load(StudySpec.DataChoice choice);

    /** Where the loaded data came from, as a run records it. */
    default Map<String, Object> provenance(Dataset d) {
        return Map.of("name", d.name());
    }
}
