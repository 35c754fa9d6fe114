package org.initlab.study;

import org.initlab.UserError;
import org.initlab.catalog.NearestName;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The studies that ship with initlab, runnable by name: {@code seed} (the original study's three
 * experiments), each of them alone ({@code seed-activations}, {@code seed-optimizers},
 * {@code seed-depth}), and {@code extended}.
 */
public final class BuiltInStudies {
    private BuiltInStudies() {}

    private static final Map<String, String> DESCRIPTIONS = new LinkedHashMap<>();

    static {
        DESCRIPTIONS.put("seed", "the original study: 4 initializers × {activation, optimizer, depth}");
        DESCRIPTIONS.put("seed-activations", "original experiment 1: initializer × activation (relu, tanh, sigmoid)");
        DESCRIPTIONS.put("seed-optimizers", "original experiment 2: initializer × optimizer (SGD, Adam)");
        DESCRIPTIONS.put("seed-depth", "original experiment 3: initializer × depth (1 vs 6 hidden layers)");
        DESCRIPTIONS.put("extended", "8 initializers (+LeCun, orthogonal, LSUV, critical) × 7 activations, 5 optimizers, depths 1–10");
        DESCRIPTIONS.put("edge-of-chaos", "tanh nets of depth 2–50 × σ_w 0.5–3 (σ_b² = 0.05): trainable depth against 6ξ_c (Schoenholz et al. 2017)");
    }

    public static Map<String, String> descriptions() {
        return java.util.Collections.unmodifiableMap(DESCRIPTIONS);
    }

    public static boolean exists(String name) {
        return DESCRIPTIONS.containsKey(name);
    }

    /** The YAML of a built-in study. */
    public static String source(String name) {
        if (!exists(name)) throw new UserError(NearestName.unknown("study", name, List.copyOf(DESCRIPTIONS.keySet()))
                + "; or give the path of a .yaml spec");
        if (name.startsWith("seed-")) {
            String experiment = name.substring("seed-".length());
            String seed = resource("seed");
            return "# Built-in study " + name + ": the '" + experiment + "' experiment of the built-in study 'seed'.\n"
                    + "name: " + name + "\nselect: [" + experiment + "]\n"
                    + seed.replaceFirst("(?m)^name: seed\\n", "");
        }
        return resource(name);
    }

    private static String resource(String name) {
        try (InputStream in = BuiltInStudies.class.getResourceAsStream("/studies/" + name + ".yaml")) {
            if (in == null) throw new IllegalStateException("missing resource studies/" + name + ".yaml");
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
