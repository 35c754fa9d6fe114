package org.initlab.data;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * One file of a catalogue dataset and every checksum that identifies it.
 *
 * @param name    the official file name, e.g. {@code train-images-idx3-ubyte.gz}
 * @param role    what it holds
 * @param digests checksums of the file as distributed (any one matching verifies it)
 * @param content SHA-256 and size of the decompressed bytes, or null when unknown. Gzip headers
 *                carry a name and a time, so a re-compressed copy (Debian's, or one a user
 *                gunzipped and gzipped again) has other file checksums but the same content
 */
public record DatasetFile(String name, Role role, List<Digest> digests, Digest content) {
    /** What a file holds. */
    public enum Role { TRAIN_IMAGES, TRAIN_LABELS, TEST_IMAGES, TEST_LABELS, PICKLE }

    public DatasetFile {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(role, "role");
        digests = List.copyOf(digests);
    }

    /**
     * The names this file may have on disk, best first: the official name, then without
     * {@code .gz} (decompressed), then the dotted spelling some archivers produce
     * ({@code train-images.idx3-ubyte}).
     */
    public List<String> acceptedNames() {
        List<String> names = new ArrayList<>();
        names.add(name);
        if (name.endsWith(".gz")) {
            String raw = name.substring(0, name.length() - 3);
            names.add(raw);
            int dash = raw.lastIndexOf("-idx");
            if (dash > 0) names.add(raw.substring(0, dash) + "." + raw.substring(dash + 1));
        }
        return List.copyOf(names);
    }

    /** The expected size of the file as distributed, when every digest that states one agrees. */
    public long officialSize() {
        return digests.stream().filter(d -> d.size() >= 0).mapToLong(Digest::size).findFirst().orElse(-1);
    }
}
