package org.initlab.study;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.initlab.UserError;
import org.initlab.data.DatasetCatalogue;
import org.initlab.data.DatasetSpec;
import org.initlab.data.Preprocessing;
import org.initlab.study.spec.SpecNodes;

import java.util.Optional;
import java.util.Set;

/**
 * The {@code dataset:} section: a name ({@code mnist}, or a folder of IDX files), or
 * {@code {name, validation, preprocessing, classes}}. The name is kept as written (it is part of
 * run ids); the data readers resolve it. For a catalogue dataset, whose sizes are known without
 * reading it, the validation size and a declared class count are checked here.
 */
final class DatasetSection {
    static final String DEFAULT_DATASET = DatasetCatalogue.MNIST;
    static final int DEFAULT_VALIDATION = 10_000;
    /** The most classes a spec may declare: the widest layer an architecture may have. */
    static final int MAX_CLASSES = 1 << 16;

    private DatasetSection() {}

    static StudySpec.DataChoice read(JsonNode node, SpecNodes in) {
        String scale01 = Preprocessing.SCALE_01.label();
        if (node == null) return new StudySpec.DataChoice(DEFAULT_DATASET, DEFAULT_VALIDATION, scale01);
        if (node.isTextual()) return checked(new StudySpec.DataChoice(node.asText(), DEFAULT_VALIDATION, scale01), in);
        if (!node.isObject()) throw in.error("dataset", "give a dataset name (dataset: mnist) or {name: mnist, validation: 10000, preprocessing: scale01}");
        in.checkKeys((ObjectNode) node, Set.of("name", "validation", "preprocessing", "classes"), "dataset.");
        String name = in.text(node, "name", null);
        if (name == null) throw in.error("dataset", "needs a name");
        int validation = node.has("validation") ? in.integer(node.get("validation"), "dataset.validation", 0, 10_000_000) : DEFAULT_VALIDATION;
        Integer classes = node.has("classes") ? in.integer(node.get("classes"), "dataset.classes", 2, MAX_CLASSES) : null;
        String preprocessing;
        try {
            preprocessing = Preprocessing.parse(in.text(node, "preprocessing", scale01)).label();
        } catch (UserError e) {
            throw in.error("dataset.preprocessing", e.getMessage());
        }
        return checked(new StudySpec.DataChoice(name, validation, preprocessing, classes), in);
    }

    /**
     * {@code c}, if a catalogue dataset can hold its validation split and has its declared class
     * count; a catalogue dataset's own count, declared, is dropped (the same runs, the same ids).
     */
    private static StudySpec.DataChoice checked(StudySpec.DataChoice c, SpecNodes in) {
        Optional<DatasetSpec> known = DatasetCatalogue.find(c.dataset());
        if (known.isEmpty()) return c;
        DatasetSpec d = known.get();
        if (c.validationSize() >= d.trainSize()) {
            throw in.error("dataset.validation", c.validationSize() + " leaves no training examples: " + d.name() + " has "
                    + String.format("%,d", d.trainSize()) + " (use 0 to " + String.format("%,d", d.trainSize() - 1) + ")");
        }
        if (c.classes() != null && c.classes() != d.classes()) {
            throw in.error("dataset.classes", d.name() + " has " + d.classes() + " classes, not " + c.classes()
                    + " (leave classes out for a catalogue dataset)");
        }
        return c.classes() == null ? c : new StudySpec.DataChoice(c.dataset(), c.validationSize(), c.preprocessing());
    }
}
