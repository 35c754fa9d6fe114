package org.initlab.data;

import java.util.List;

/**
 * The provenance a run records for its data: which files, where they were found, whether they
 * match the published checksums, and how the inputs were prepared.
 *
 * @param dataset        catalogue name, or the folder/file path of a custom dataset
 * @param format         "idx", "pickle" or "csv"
 * @param location       the directory (or file) the data was read from
 * @param origin         how it was found: see {@link Origin}
 * @param files          every file read, with its size and SHA-256
 * @param verified       every file matched a known checksum of this dataset
 * @param preprocessing  the input map applied
 * @param shift          the map is x' = (x − shift)/scale with x = pixel/255
 * @param scale          see {@code shift}; for {@link Preprocessing#STANDARDIZE} these are the
 *                       training split's mean and standard deviation
 * @param validationSize examples held out of the training data for validation
 */
public record DatasetSource(String dataset, String format, String location, Origin origin, List<SourceFile> files,
                            boolean verified, Preprocessing preprocessing, double shift, double scale,
                            int validationSize) {
    public DatasetSource {
        files = List.copyOf(files);
    }
}
