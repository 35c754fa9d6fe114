package org.initlab.math;

/**
 * A dense float32 matrix stored row-major in {@code data}: element (r, c) is
 * {@code data[r * cols + c]}.
 *
 * <p>A layer's weight is stored as {@code fanIn × fanOut} (inputs × outputs, the Keras
 * layout), so a layer's forward pass is {@code X · W} with no transpose. PyTorch stores the
 * transpose ({@code out × in}); the fan-in is the same number either way.
 */
public final class Matrix {
    private final int rows;
    private final int cols;
    private final float[] data;

    public Matrix(int rows, int cols) {
        this(rows, cols, new float[Math.multiplyExact(rows, cols)]);
    }

    public Matrix(int rows, int cols, float[] data) {
        if (rows < 0 || cols < 0) throw new IllegalArgumentException("negative shape " + rows + "x" + cols);
        if (data.length != (long) rows * cols) {
            throw new IllegalArgumentException("data has " + data.length + " elements, shape " + rows + "x" + cols + " needs " + (long) rows * cols);
        }
        this.rows = rows;
        this.cols = cols;
        this.data = data;
    }

    public int rows() { return rows; }

    public int cols() { return cols; }

    /** The backing array (not a copy): row-major, length rows × cols. */
    public float[] data() { return data; }

    public int size() { return data.length; }

    public float get(int r, int c) { return data[r * cols + c]; }

    public void set(int r, int c, float v) { data[r * cols + c] = v; }

    @Override
    public String toString() { return "Matrix[" + rows + "x" + cols + "]"; }
}
