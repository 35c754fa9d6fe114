package org.initlab.study;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.initlab.UserError;
import org.initlab.data.Preprocessing;
import org.initlab.study.spec.SpecNodes;

import java.util.Set;

/**
 * The {@code dataset:} section: a name ({@code mnist}, or a folder of IDX files), or
 * {@code {name, validation, preprocessing}}. The name is kept as written (it is part of run ids);
 * the data readers resolve it.
 */
final class DatasetSection {
    static final String DEFAULT_DATASET = "mnist";
    static final int DEFAULT_VALIDATION = 10_000;

    private DatasetSection() {}

    static StudySpec.DataChoice read(JsonNode node, SpecNodes in) {
        String scale01 = Preprocessing.SCALE_01.label();
        if (node == null) return new StudySpec.DataChoice(DEFAULT_DATASET, DEFAULT_VALIDATION, scale01);
        if (node.isTextual()) return new StudySpec.DataChoice(node.asText(), DEFAULT_VALIDATION, scale01);
        if (!node.isObject()) throw in.error("dataset", "give a dataset name (dataset: mnist) or {name: mnist, validation: 10000, preprocessing: scale01}");
        in.checkKeys((ObjectNode) node, Set.of("name", "validation", "preprocessing"), "dataset.");
        String name = in.text(node, "name", null);
        if (name == null) throw in.error("dataset", "needs a name");
        int validation = node.has("validation") ? in.integer(node.get("validation"), "dataset.validation", 0, 10_000_000) : DEFAULT_VALIDATION;
        try {
            return new StudySpec.DataChoice(name, validation, Preprocessing.parse(in.text(node, "preprocessing", scale01)).label());
        } catch (UserError e) {
            throw in.error("dataset.preprocessing", e.getMessage());
        }
    }
}
