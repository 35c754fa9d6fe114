package org.initlab.report.model;

import org.initlab.catalog.Component;
import org.initlab.init.CriticalBias;
import org.initlab.init.CriticalGaussian;
import org.initlab.init.Zeros;
import org.initlab.nn.Activation;
import org.initlab.nn.Activations;
import org.initlab.report.stats.Estimate;
import org.initlab.study.RunRecord;
import org.initlab.study.RunSpec;
import org.initlab.theory.DepthScales;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The edge-of-chaos phase diagram of Schoenholz, Gilmer, Ganguli &amp; Sohl-Dickstein 2017 (Figs.
 * 5–6): final test accuracy over (σ_w, depth) for networks with critical-Gaussian weights
 * W ~ N(0, σ_w²/fan_in) and biases N(0, σ_b²), beside the correlation depth scale ξ_c(σ_w) and
 * the trainable depth 6ξ_c that mean-field theory predicts ({@link DepthScales}). Depth is the
 * number of hidden layers (the φ layers the signal passes through). One diagram per activation,
 * σ_b and setting of the study's other factors.
 *
 * @param title       what the runs share besides σ_w and depth ("tanh, σ_b² = 0.05")
 * @param sigmaWs     the σ_w values of the grid, ascending
 * @param depths      the depths of the grid, ascending
 * @param accuracy    final test accuracy, mean over the seeds that completed, [depth index][σ_w index] (its n
 *                    says how many; empty where no run, or where every run diverged)
 * @param runs        the runs (seeds) of each cell, completed or not
 * @param diverged    the runs of each cell that diverged: they have no final accuracy ({@link Divergence})
 * @param points      the depth scales at each of {@code sigmaWs}
 * @param curve       depth scales on a fine σ_w grid spanning {@code sigmaWs}, for drawing
 * @param criticalSigmaW the σ_w where χ₁ = 1 (ξ_c diverges)
 */
public record PhaseDiagram(String title, Activation activation, double sigmaB, double[] sigmaWs, int[] depths, Estimate[][] accuracy,
                           int[][] runs, int[][] diverged, List<DepthScales.Point> points, List<DepthScales.Point> curve, double criticalSigmaW) {
    /** A cell counts as trained when its test accuracy reaches this: far above chance (10% on MNIST) after a few epochs. */
    public static final double TRAINED = 0.5;

    /** Points of the overlay curve between the smallest and largest σ_w (each takes a fixed-point search: ~10–100 ms). */
    static final int CURVE_POINTS = 61;

    /** Whether the study has a diagram, without computing its depth scales. */
    public static boolean applies(StudyAggregate agg) {
        return !grids(agg).isEmpty();
    }

    /** The diagrams a study gives: none unless some runs vary both σ_w (critical weights) and depth. */
    public static List<PhaseDiagram> of(StudyAggregate agg) {
        List<PhaseDiagram> out = new ArrayList<>();
        for (List<RunRecord> runs : grids(agg)) out.add(of(runs, runs.getFirst().spec().activation()));
        return out;
    }

    /** The runs of each diagram: those with critical weights and N(0, σ_b²) or zero biases, by everything but σ_w, depth and seed; only grids of two σ_w and two depths or more. */
    private static List<List<RunRecord>> grids(StudyAggregate agg) {
        Map<String, List<RunRecord>> byRest = new LinkedHashMap<>();
        for (RunRecord r : agg.data().runs()) {
            RunSpec s = r.spec();
            Double sigmaW = sigmaW(s.initializer());
            Double sigmaB = sigmaB(s.biasInitializer());
            if (sigmaW == null || sigmaB == null || s.hidden().isEmpty() || s.outputActivation()) continue;
            // everything but σ_w, depth and seed
            Map<String, String> rest = new TreeMap<>(r.labels());
            rest.remove("initializer");
            rest.remove("architecture");
            rest.remove("seed");
            rest.put("~activation", s.activation().toString());
            rest.put("~sigma_b", Double.toString(sigmaB));
            String key = rest.toString();
            byRest.computeIfAbsent(key, k -> new ArrayList<>()).add(r);
        }
        List<List<RunRecord>> out = new ArrayList<>();
        for (List<RunRecord> runs : byRest.values()) {
            TreeSet<Double> sigmas = new TreeSet<>();
            TreeSet<Integer> depths = new TreeSet<>();
            for (RunRecord r : runs) {
                sigmas.add(sigmaW(r.spec().initializer()));
                depths.add(r.spec().hidden().size());
            }
            if (sigmas.size() >= 2 && depths.size() >= 2) out.add(runs);
        }
        return out;
    }

    private static PhaseDiagram of(List<RunRecord> runs, Component activation) {
        TreeSet<Double> sigmas = new TreeSet<>();
        TreeSet<Integer> depths = new TreeSet<>();
        for (RunRecord r : runs) {
            sigmas.add(sigmaW(r.spec().initializer()));
            depths.add(r.spec().hidden().size());
        }
        double[] sw = sigmas.stream().mapToDouble(Double::doubleValue).toArray();
        int[] ds = depths.stream().mapToInt(Integer::intValue).toArray();
        List<List<List<Double>>> cells = new ArrayList<>();
        for (int i = 0; i < ds.length; i++) {
            List<List<Double>> row = new ArrayList<>();
            for (int j = 0; j < sw.length; j++) row.add(new ArrayList<>());
            cells.add(row);
        }
        double sigmaB = sigmaB(runs.getFirst().spec().biasInitializer());
        int[][] count = new int[ds.length][sw.length], diverged = new int[ds.length][sw.length];
        for (RunRecord r : runs) {
            int i = java.util.Arrays.binarySearch(ds, r.spec().hidden().size());
            int j = java.util.Arrays.binarySearch(sw, sigmaW(r.spec().initializer()));
            count[i][j]++;
            if (r.result().diverged()) diverged[i][j]++;
            Double acc = r.result().finalMetrics().testAccuracy();
            cells.get(i).get(j).add(acc == null ? Double.NaN : acc);
        }
        Estimate[][] accuracy = new Estimate[ds.length][sw.length];
        for (int i = 0; i < ds.length; i++) {
            for (int j = 0; j < sw.length; j++) {
                accuracy[i][j] = Estimate.of(cells.get(i).get(j).stream().mapToDouble(Double::doubleValue).toArray());
            }
        }
        Activation phi = Activations.create(activation.name(), activation.params());
        double[] fine = new double[CURVE_POINTS];
        for (int k = 0; k < CURVE_POINTS; k++) fine[k] = sw[0] + (sw[sw.length - 1] - sw[0]) * k / (CURVE_POINTS - 1);
        List<DepthScales.Point> points = DepthScales.curve(phi, sigmaB, sw);
        List<DepthScales.Point> curve = DepthScales.curve(phi, sigmaB, fine);
        double critical;
        try {
            critical = DepthScales.criticalSigmaW(phi, sigmaB);
        } catch (RuntimeException e) {
            critical = Double.NaN; // no edge of chaos for this φ and σ_b
        }
        String title = phi.name() + ", σ_b² = " + new java.math.BigDecimal(sigmaB * sigmaB).round(new java.math.MathContext(3))
                .stripTrailingZeros().toPlainString();
        return new PhaseDiagram(title, phi, sigmaB, sw, ds, accuracy, count, diverged, points, curve, critical);
    }

    /** σ_w of critical-Gaussian weights, else null. */
    static Double sigmaW(Component init) {
        if (!init.name().equals(CriticalGaussian.NAME)) return null;
        return init.params().get(CriticalGaussian.SIGMA_W) instanceof Number n ? n.doubleValue() : null;
    }

    /** σ_b of N(0, σ_b²) or zero biases, else null (the depth scales assume such biases). */
    static Double sigmaB(Component bias) {
        if (bias.name().equals(Zeros.NAME)) return 0.0;
        if (!bias.name().equals(CriticalBias.NAME)) return null;
        return bias.params().get(CriticalBias.SIGMA_B) instanceof Number n ? n.doubleValue() : 0.0;
    }

    /** The depth scales at the grid's j-th σ_w. */
    public DepthScales.Point at(int j) {
        return points.get(j);
    }

    /** The deepest grid depth at σ_w index {@code j} whose mean test accuracy reaches {@link #TRAINED}; 0 when none does. */
    public int deepestTrained(int j) {
        int deepest = 0;
        for (int i = 0; i < depths.length; i++) if (trained(i, j)) deepest = depths[i];
        return deepest;
    }

    /** Whether the cell's mean test accuracy (over the seeds that completed) reaches {@link #TRAINED}; false where every seed diverged. */
    public boolean trained(int i, int j) {
        Estimate e = accuracy[i][j];
        return !e.isEmpty() && e.mean() >= TRAINED;
    }

    /** Whether the cell has runs and every one of them diverged: a cell that did not train. */
    public boolean allDiverged(int i, int j) {
        return runs[i][j] > 0 && diverged[i][j] == runs[i][j];
    }

    /** The most runs a cell has: the seeds of the study (a cell with fewer completed stands on fewer). */
    public int seeds() {
        int most = 0;
        for (int[] row : runs) for (int n : row) most = Math.max(most, n);
        return most;
    }

    /** The cells where every run diverged. */
    public int allDivergedCells() {
        int n = 0;
        for (int i = 0; i < depths.length; i++) for (int j = 0; j < sigmaWs.length; j++) if (allDiverged(i, j)) n++;
        return n;
    }

    /**
     * How well "depth ≤ 6ξ_c" tells the cells that trained from those that did not: {agreeing
     * cells, cells judged, trained cells deeper than 6ξ_c, untrained cells within 6ξ_c}. A cell is
     * judged when it has a final accuracy or every seed of it diverged (then it did not train).
     */
    public int[] agreement() {
        int agree = 0, cells = 0, beyond = 0, within = 0;
        for (int j = 0; j < sigmaWs.length; j++) {
            double limit = at(j).trainableDepth();
            for (int i = 0; i < depths.length; i++) {
                if (accuracy[i][j].isEmpty() && !allDiverged(i, j)) continue;
                cells++;
                boolean predicted = !(depths[i] > limit);
                boolean trained = trained(i, j);
                if (predicted == trained) agree++;
                else if (trained) beyond++;
                else within++;
            }
        }
        return new int[]{agree, cells, beyond, within};
    }
}
