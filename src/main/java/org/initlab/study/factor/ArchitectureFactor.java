package org.initlab.study.factor;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.initlab.study.spec.SpecNodes;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** The hidden layers' widths: {@code [128, 64]}, {@code []} for none, or {@code {hidden: [...], label: ...}}. */
public final class ArchitectureFactor implements Factor<List<Integer>> {
    public static final String KEY = "architecture";

    @Override public String key() { return KEY; }

    @Override
    public String description() {
        return "hidden widths: [128, 64], [] for none, or {hidden: [...], label: ...}; labelled 128-64, 4×128, linear";
    }

    @Override
    public Level<List<Integer>> read(JsonNode node, String path, SpecNodes in) {
        JsonNode widths = node;
        String label = null;
        if (node.isObject()) {
            in.checkKeys((ObjectNode) node, Set.of("hidden", "label"), path + ".");
            widths = node.get("hidden");
            label = in.text(node, "label", null);
            if (widths == null) throw in.error(path, "give the hidden widths: {hidden: [128, 64]}");
        }
        if (!widths.isArray()) throw in.error(path, "an architecture is a list of hidden widths, e.g. [128, 64] ([] for none)");
        List<Integer> hidden = new ArrayList<>();
        for (int i = 0; i < widths.size(); i++) hidden.add(in.integer(widths.get(i), path + "[" + i + "]", 1, 1 << 16));
        return new Level<>(this, label != null ? label : label(hidden), List.copyOf(hidden));
    }

    /** "128-64"; "4×128" for more than two equal widths; "linear" for none. */
    public static String label(List<Integer> hidden) {
        if (hidden.isEmpty()) return "linear";
        if (hidden.size() > 2 && hidden.stream().distinct().count() == 1) return hidden.size() + "×" + hidden.getFirst();
        return String.join("-", hidden.stream().map(String::valueOf).toList());
    }

    @Override
    public void apply(List<Integer> value, RunDraft run) {
        run.hidden(value);
    }
}
