package org.initlab.report.model;

import org.initlab.study.RunRecord;
import org.initlab.train.EpochRecord;
import org.initlab.train.Value;

import java.util.ArrayList;
import java.util.List;

/**
 * A configuration's run-level probe values (each epoch record's {@code values}), by name, over its
 * seeds: numbers as curves, lists (e.g. a spectrum at initialisation) per seed. A value a run does
 * not hold is missing, never an error. Per-layer values: {@link LayerView}.
 */
public final class RunValues {
    private final List<RunRecord> runs;

    public RunValues(RunGroup group) {
        this.runs = group.runs();
    }

    /** The number {@code name} per epoch where some seed has it: arithmetic or geometric means over seeds. */
    public Curve curve(String name, boolean geometric) {
        return Curve.perEpoch(null, runs, e -> {
            Double x = e.values().number(name);
            return x == null ? Double.NaN : x;
        }, geometric);
    }

    /** The list {@code name} of each seed at {@code epoch}, in the group's order (null for a seed without it). */
    public List<Value.Numbers> lists(String name, int epoch) {
        List<Value.Numbers> out = new ArrayList<>();
        for (RunRecord r : runs) {
            Value.Numbers n = null;
            for (EpochRecord e : r.result().epochs()) if (e.epoch() == epoch) n = e.values().numbers(name);
            out.add(n);
        }
        return out;
    }
}
