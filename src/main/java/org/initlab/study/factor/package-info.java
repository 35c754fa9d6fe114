/**
 * The factors a study can vary, one file each, listed once in {@link org.initlab.study.factor.Factors}.
 * A {@link org.initlab.study.factor.Factor} reads and checks a level from the spec, labels it,
 * and puts its typed value into a {@link org.initlab.study.factor.RunDraft}; everything else
 * (grid, manifest, CSV columns, report labels, include/exclude, {@code --dry-run}) follows the
 * registry. May import {@code org.initlab.study.spec}, {@code catalog}, {@code init}, {@code nn},
 * {@code optim} and Jackson; nothing else of {@code org.initlab.study}.
 */
package org.initlab.study.factor;
