/**
 * The formats of the files initlab writes, in one place: the JSON conventions of run specs,
 * results and manifests ({@link org.initlab.io.JsonFormat}: sorted keys, non-finite numbers as
 * null) and of the report's embedded data, CSV as RFC 4180 ({@link org.initlab.io.Csv}), NumPy
 * {@code .npy}/{@code .npz} ({@link org.initlab.io.Npz}), escaping for HTML, SVG and script
 * blocks ({@link org.initlab.io.Escape}), atomic writes ({@link org.initlab.io.AtomicFile}), and
 * why a file cannot be read or written, in a user's words ({@link org.initlab.io.FileProblem}).
 * Dataset formats initlab only reads (IDX, pixel CSV, pickle) belong to {@code data}.
 *
 * <p>A bottom layer: imports the JDK and Jackson only.
 */
package org.initlab.io;
