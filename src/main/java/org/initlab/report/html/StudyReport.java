package org.initlab.report.html;

import java.util.List;

/**
 * The report of a study, top to bottom: the answers first (per research question, with why),
 * then the findings, the summary table,
 * one section per research question, the layer views, and the provenance. A new section is a
 * class in this package and one line here.
 */
public final class StudyReport {
    private StudyReport() {}

    public static final List<Section> SECTIONS = List.of(
            new AnswersSection(),
            new FindingsSection(),
            new SummarySection(),
            new TrainingSection(),
            new InteractionsSection(),
            new RankingSection(),
            new ClaimTestsSection(),
            new EdgeOfChaosSection(),
            new WeightsSection(),
            new ActivationsSection(),
            new GradientsSection(),
            new TheorySection(),
            new ProvenanceSection());
}
