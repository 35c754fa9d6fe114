package org.initlab.report.model;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A study reduced to what the report shows: configurations with their summaries, scenarios with
 * their rankings, and the colour index of every level of the primary factors. Everything the
 * figures draw is aggregated here first (per configuration, over seeds), so the page's size
 * grows with configurations, not runs.
 */
public record StudyAggregate(StudyData data, StudyDesign design, List<RunGroup> groups,
                             Map<Configuration, ConfigurationSummary> summaries, List<Scenario> scenarios, List<Ranking> rankings) {

    public static StudyAggregate of(StudyData data) {
        StudyDesign design = StudyDesign.of(data.manifest(), data.runs());
        List<RunGroup> groups = RunGroup.of(design, data.runs());
        Map<Configuration, ConfigurationSummary> summaries = new LinkedHashMap<>();
        for (RunGroup g : groups) summaries.put(g.configuration(), ConfigurationSummary.of(g));
        List<Scenario> scenarios = Scenario.of(design, groups);
        List<Ranking> rankings = new ArrayList<>();
        for (Scenario s : scenarios) if (s.members().size() > 1) rankings.add(Ranking.of(s, design));
        return new StudyAggregate(data, design, groups, summaries, scenarios, rankings);
    }

    public ConfigurationSummary summary(RunGroup g) {
        return summaries.get(g.configuration());
    }

    /** The largest number of seeds of any configuration. */
    public int maxSeeds() {
        return groups.stream().mapToInt(RunGroup::seeds).max().orElse(0);
    }

    /** The smallest number of seeds of any configuration. */
    public int minSeeds() {
        return groups.stream().mapToInt(RunGroup::seeds).min().orElse(0);
    }

    /** The scenarios of one experiment, in order. */
    public List<Scenario> scenarios(String experiment) {
        return scenarios.stream().filter(s -> s.experiments().contains(experiment)).toList();
    }
}
