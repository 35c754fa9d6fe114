package org.initlab.train;

import java.util.Arrays;

/**
 * A value an observer records under a name: a number, a list of numbers, a {@link Summary}, a
 * {@link Histogram}, or a line of text (a note, e.g. why a prediction does not apply). Numbers that are not finite are kept as NaN and written to JSON as null (JSON
 * has no NaN or infinity), so a value read back from a result file equals the one recorded.
 */
public sealed interface Value permits Value.Scalar, Value.Numbers, Value.Text, Summary, Histogram {

    /** One number; NaN stands for "not finite". */
    record Scalar(double value) implements Value {
        public Scalar {
            if (!Double.isFinite(value)) value = Double.NaN;
        }

        /** The number, or null when it is not finite. */
        public Double orNull() {
            return Double.isNaN(value) ? null : value;
        }
    }

    /** A list of numbers (NaN where one was not finite), e.g. a loss per recorded step or a spectrum. */
    record Numbers(double[] values) implements Value {
        public Numbers {
            values = values.clone();
            for (int i = 0; i < values.length; i++) if (!Double.isFinite(values[i])) values[i] = Double.NaN;
        }

        @Override
        public double[] values() { return values.clone(); }

        public int size() { return values.length; }

        public double get(int i) { return values[i]; }

        @Override
        public boolean equals(Object o) {
            return o instanceof Numbers n && Arrays.equals(values, n.values);
        }

        @Override
        public int hashCode() { return Arrays.hashCode(values); }

        @Override
        public String toString() { return "Numbers" + Arrays.toString(values); }
    }

    /** A line of text: what a probe says where it has no number to give. */
    record Text(String text) implements Value {
        public Text {
            if (text == null) throw new IllegalArgumentException("a text value needs text");
        }
    }
}
