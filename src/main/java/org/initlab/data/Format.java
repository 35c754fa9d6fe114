package org.initlab.data;

/** The file formats initlab reads. */
public enum Format {
    /** LeCun's IDX: a big-endian header (magic 0x0000TTNN, N dimension sizes), then the data; gzip'd or raw. */
    IDX("idx"),
    /** A gzip'd Python pickle (protocol 2) of ((x_train, y_train), (x_valid, y_valid), (x_test, y_test)). */
    PICKLE("pickle"),
    /** Text, one example a line: the label, then the pixel values 0..255, comma-separated. */
    CSV("csv");

    private final String label;

    Format(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
