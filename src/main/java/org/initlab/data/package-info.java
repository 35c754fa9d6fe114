/**
 * Datasets: the catalogue with every file's checksums ({@link org.initlab.data.DatasetCatalogue}),
 * where a dataset is looked for and its download, verification, the readers of the formats it
 * comes in (IDX, pixel CSV, the {@code mnist.pkl.gz} pickle), the train / validation / test split
 * and preprocessing ({@link org.initlab.data.DatasetLoader}), and the read-only
 * {@link org.initlab.data.Dataset} every run of a study shares.
 *
 * <p>May import {@code catalog}, {@code io} (file errors in a user's words) and
 * {@link org.initlab.UserError}.
 */
package org.initlab.data;
