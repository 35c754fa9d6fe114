package org.initlab.report.html;

import org.initlab.report.compare.StudyComparison;
import org.initlab.report.model.StudyAggregate;

import java.util.List;

/**
 * What a comparison page is written from: the studies (the first is the reference), what the page
 * calls each, the comparison of the reference with each other one, and the CSV file the page links to.
 */
public record ComparisonInput(List<StudyAggregate> studies, List<String> names, List<StudyComparison> comparisons, String csvFile) {
    public ComparisonInput {
        studies = List.copyOf(studies);
        names = List.copyOf(names);
        comparisons = List.copyOf(comparisons);
    }
}
