/**
 * The factors a study can vary, one file each, listed once in {@link org.initlab.study.factor.Factors}.
 * A {@link org.initlab.study.factor.Factor} reads and checks a level from the spec, labels it, and
 * puts its typed value into a {@link org.initlab.study.factor.RunDraft}; the grid, manifest, CSV
 * columns, report labels, include/exclude matching and {@code --dry-run} follow the registry.
 *
 * <p>Adding a factor (as {@code weight_decay} was added):
 * <ol>
 *   <li>Write {@code XxxFactor implements Factor<T>} here, T an immutable value with value
 *       equality: {@code KEY}, a one-line {@code description()}, {@code read} (check the node with
 *       {@link org.initlab.study.spec.SpecNodes}, return {@code new Level<>(this, label, value)}),
 *       and {@code apply} (put the value into the {@code RunDraft}).</li>
 *   <li>Add one line to {@code Factors.ALL}, where its column should come.</li>
 *   <li>If the value is new to a run (not a parameter of an existing part, as an optimizer's
 *       {@code weight_decay} is), add a field to {@code RunDraft} and {@code RunSpec} and the trainer
 *       reads it; keep it out of the run's JSON when it is at its default, so that old run ids stay.</li>
 *   <li>A default for every run, if it needs one, goes into {@code Protocols}' settings.</li>
 *   <li>Test it in {@code GridTest}.</li>
 * </ol>
 *
 * <p>May import {@code org.initlab.study.spec}, {@code catalog}, {@code init}, {@code nn},
 * {@code optim}, {@link org.initlab.UserError} and Jackson; nothing else of {@code org.initlab.study}.
 */
package org.initlab.study.factor;
