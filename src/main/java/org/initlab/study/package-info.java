/**
 * A study: its spec read from YAML ({@link org.initlab.study.StudySpecParser} →
 * {@link org.initlab.study.StudySpec}, with protocols and built-in studies), the grid of runs
 * ({@link org.initlab.study.Grid} → {@link org.initlab.study.PlannedRun}s, each a
 * {@link org.initlab.study.RunSpec} whose hash is its id), training one planned run
 * ({@link org.initlab.study.PlannedRun#train}), the scheduler ({@link org.initlab.study.StudyRunner})
 * and the study folder ({@link org.initlab.study.StudyStore}: manifest, run records, weights).
 *
 * <p>May import {@code study.factor}, {@code study.spec}, {@code train}, {@code train.probe} and
 * the layers below them ({@code nn}, {@code init}, {@code optim}, {@code data}, {@code math},
 * {@code catalog}, {@code io}); never {@code report} or {@code cli}.
 */
package org.initlab.study;
