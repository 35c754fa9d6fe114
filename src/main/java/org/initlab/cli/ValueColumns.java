package org.initlab.cli;

import org.initlab.train.Histogram;
import org.initlab.train.NamedValues;
import org.initlab.train.Summary;
import org.initlab.train.Value;
import org.initlab.train.probe.Output;
import org.initlab.train.probe.Probes;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * CSV columns for probe values, derived from their names, so a new probe's values are exported
 * without code: a number is one column {@code NAME}; a list of numbers one column, its numbers
 * joined by ';'; a text one column, as it is; a {@link Summary} four, {@code NAME_mean}, {@code NAME_std}, {@code NAME_min},
 * {@code NAME_max}. Histograms stay in result.json. Columns follow the probes' order in the
 * registry, then names no registered probe records, alphabetically; a value a run lacks is an
 * empty cell.
 */
final class ValueColumns {
    private static final String[] SUMMARY = {"mean", "std", "min", "max"};

    /** Name → an example of its values (to know its kind), in column order. */
    private final Map<String, Value> kinds;

    private ValueColumns(Map<String, Value> kinds) {
        this.kinds = kinds;
    }

    /** The columns for every value recorded in {@code records} at this scope. */
    static ValueColumns of(Iterable<NamedValues> records, Output.Scope scope) {
        Map<String, Value> seen = new TreeMap<>();
        for (NamedValues nv : records) nv.asMap().forEach(seen::putIfAbsent);
        Map<String, Value> ordered = new LinkedHashMap<>();
        for (Output<?> o : Probes.outputs()) {
            if (o.scope() == scope && seen.containsKey(o.name())) ordered.put(o.name(), seen.get(o.name()));
        }
        seen.forEach(ordered::putIfAbsent);
        ordered.values().removeIf(v -> v instanceof Histogram);
        return new ValueColumns(ordered);
    }

    List<String> header() {
        List<String> h = new ArrayList<>();
        kinds.forEach((name, v) -> {
            if (v instanceof Summary) for (String s : SUMMARY) h.add(name + "_" + s);
            else h.add(name);
        });
        return h;
    }

    List<String> cells(NamedValues values) {
        List<String> c = new ArrayList<>();
        kinds.forEach((name, kind) -> {
            Value v = values.get(name);
            if (kind instanceof Summary) {
                Summary s = v instanceof Summary x ? x : null;
                c.add(s == null ? "" : text(s.mean()));
                c.add(s == null ? "" : text(s.std()));
                c.add(s == null ? "" : text(s.min()));
                c.add(s == null ? "" : text(s.max()));
            } else if (v instanceof Value.Scalar x) {
                c.add(text(x.orNull()));
            } else if (v instanceof Value.Text t) {
                c.add(t.text());
            } else if (v instanceof Value.Numbers n) {
                StringBuilder sb = new StringBuilder();
                for (int i = 0; i < n.size(); i++) {
                    if (i > 0) sb.append(';');
                    sb.append(Double.isNaN(n.get(i)) ? "" : Double.toString(n.get(i)));
                }
                c.add(sb.toString());
            } else {
                c.add("");
            }
        });
        return c;
    }

    private static String text(Double v) {
        return v == null ? "" : Double.toString(v);
    }
}
