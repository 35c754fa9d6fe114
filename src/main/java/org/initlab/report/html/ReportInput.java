package org.initlab.report.html;

import org.initlab.report.figures.FigureInput;
import org.initlab.report.figures.SeriesColours;
import org.initlab.report.model.StudyAggregate;
import org.initlab.report.text.Finding;

import java.util.List;

/**
 * What a study's report is written from: what its figures are drawn from, its findings, and the
 * names of the summary files the page links to (relative to the page).
 */
public record ReportInput(FigureInput figureInput, List<Finding> findings, String csvFile, String markdownFile) {
    public ReportInput {
        findings = List.copyOf(findings);
    }

    public StudyAggregate agg() {
        return figureInput.agg();
    }

    public SeriesColours colours() {
        return figureInput.colours();
    }

    /** The findings of one kind, in order. */
    public List<Finding> findings(Finding.Kind kind) {
        return findings.stream().filter(f -> f.kind() == kind).toList();
    }
}
