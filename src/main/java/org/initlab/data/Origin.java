package org.initlab.data;

/** Where a dataset was found, in the order initlab looks. */
public enum Origin {
    /** the {@code --data-dir} option ({@link DataOptions#dataDir()}) */
    DATA_DIR("--data-dir"),
    /** the {@code INITLAB_DATA} environment variable */
    ENVIRONMENT("INITLAB_DATA"),
    /** the user cache, {@code $XDG_CACHE_HOME/initlab} or {@code ~/.cache/initlab} */
    CACHE("cache"),
    /** a known system location, e.g. where Debian's {@code dataset-fashion-mnist} installs */
    SYSTEM("system"),
    /** downloaded into the cache by this load */
    DOWNLOAD("downloaded"),
    /** a custom dataset named by its path */
    PATH("path");

    private final String label;

    Origin(String label) {
        this.label = label;
    }

    /** How the user named it: {@code --data-dir}, {@code INITLAB_DATA}, {@code cache}, ...; what a run's provenance records. */
    public String label() {
        return label;
    }

    /**
     * The origin a run's provenance names: by its label, or by the constant's name (as records
     * written before provenance used labels hold it, e.g. {@code ENVIRONMENT}).
     */
    public static java.util.Optional<Origin> parse(String text) {
        for (Origin o : values()) if (o.label.equals(text) || o.name().equals(text)) return java.util.Optional.of(o);
        return java.util.Optional.empty();
    }
}
