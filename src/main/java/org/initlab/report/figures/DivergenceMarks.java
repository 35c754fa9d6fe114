package org.initlab.report.figures;

import org.initlab.report.model.Divergence;
import org.initlab.report.model.RunGroup;
import org.initlab.report.plot.LinePanel;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Where a configuration's seeds diverged, as marks on its per-epoch lines: at each epoch in which
 * some seed diverged, a ✕ with the seeds left from there ("n = 2"), and in the hover text which
 * seeds diverged where. The mean after the mark is over fewer seeds ({@link Divergence}).
 */
final class DivergenceMarks {
    private DivergenceMarks() {}

    static List<LinePanel.Mark> of(RunGroup g) {
        Map<Integer, List<String>> byEpoch = new LinkedHashMap<>();
        Map<Integer, List<String>> where = new LinkedHashMap<>();
        g.divergences().entrySet().stream().sorted(Map.Entry.comparingByValue((a, b) -> Integer.compare(a.epoch(), b.epoch()))).forEach(e -> {
            byEpoch.computeIfAbsent(e.getValue().epoch(), k -> new ArrayList<>()).add(e.getKey());
            where.computeIfAbsent(e.getValue().epoch(), k -> new ArrayList<>()).add("seed " + e.getKey() + " diverged " + e.getValue().where());
        });
        List<LinePanel.Mark> out = new ArrayList<>();
        int left = g.seeds();
        for (Map.Entry<Integer, List<String>> e : byEpoch.entrySet()) {
            left -= e.getValue().size();
            out.add(new LinePanel.Mark(e.getKey(), "n = " + left, "✕ " + String.join(", ", where.get(e.getKey())) + "; from here the mean is over "
                    + left + " of " + g.seeds() + " seeds"));
        }
        return out;
    }
}
