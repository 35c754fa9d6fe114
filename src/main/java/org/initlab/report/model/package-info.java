/**
 * A study reduced to what the report shows: the folder's manifest, spec and finished runs
 * ({@link org.initlab.report.model.StudyData}), the factors and their levels, configurations
 * (runs without their seed) with summaries over seeds, scenarios with their rankings and paired
 * tests ({@link org.initlab.report.model.StudyAggregate}), and per-layer views of histograms and
 * gradients. Numbers only: no drawing, no sentences.
 *
 * <p>Imports: {@code report.stats}, {@code org.initlab.study} (with {@code study.factor}: factor
 * names), {@code org.initlab.train} and {@code train.probe} (records, probe value names) and
 * {@link org.initlab.UserError}; no other {@code report} package.
 */
package org.initlab.report.model;
