package org.initlab.train.probe;

import org.initlab.math.Norms;
import org.initlab.theory.EntryDistribution;
import org.initlab.theory.InitializerMoments;
import org.initlab.theory.InputStatistics;
import org.initlab.theory.JacobianSpectrum;
import org.initlab.theory.Jacobians;
import org.initlab.theory.LayerPrediction;
import org.initlab.theory.LayerSpec;
import org.initlab.theory.LayerWeights;
import org.initlab.theory.NetworkSpec;
import org.initlab.theory.Prediction;
import org.initlab.theory.SignalPropagation;
import org.initlab.train.RunView;
import org.initlab.train.TrainingPlan;
import org.initlab.train.Value;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Theory beside measurement: what mean-field signal propagation predicts for the run's network at
 * initialisation (Poole et al. 2016; Schoenholz et al. 2017; Pennington et al. 2017, via
 * {@link SignalPropagation}), recorded next to the same statistic measured on the run.
 *
 * <p>At initialisation (after LSUV's refinement), on the fixed probe batch of P examples, per
 * layer: the predicted variance v^l and second moment q^l of the pre-activations beside the
 * measured ones, pooled over all P·n values exactly as {@link org.initlab.theory.LayerPrediction}
 * defines them ((1/(Pn))Σ(z − z̄)² and (1/(Pn))Σz², in double); χ_l; the predicted dead (rectifier)
 * and saturated (squashing) fractions beside the {@code dead_fraction} and
 * {@code saturated_fraction} the other probes measure, with the same definitions and P. For the
 * run: q⁰ and c⁰ of the probe batch, and the singular values of the input–output Jacobian on its
 * first {@link #JACOBIAN_INPUTS} examples with their mean square ‖J‖²_F/n_out beside the
 * predicted Π χ_l.
 *
 * <p>At the first step (recorded with epoch 1): per layer, Σ_p‖δ_p^l‖² relative to the output
 * layer's (δ = ∂L/∂z on the minibatch) beside the predicted E‖δ^l‖² ratio, and ‖∂L/∂W_l‖
 * relative to the last layer's beside {@link Prediction#weightGradientNorms} for the minibatch's
 * size and its measured output-gradient correlation ρ; for the run, ρ and the first/last
 * gradient-norm ratio, predicted and measured.
 *
 * <p>The network the theory sees comes from the initializers' laws
 * ({@link NetworkSpec#of}); for a data-dependent initializer (LSUV) from the refined weights'
 * measured scale ({@link NetworkSpec#measured}, orthogonal structure). Where the theory does not
 * apply (identity or constant weights, an initializer without a moment formula), only the
 * measured values are recorded and {@code theory_basis} says why. Cost: the prediction once per
 * run (one quadrature per layer, 1–5 ms each) and {@link #JACOBIAN_INPUTS} Jacobians of
 * Σ n_(l−1)·n_l·(n_out + 1) multiply–adds each, in double; at the first step a pass over every
 * weight gradient and δ, without allocating.
 */
public final class MeanFieldTheory implements Probe {
    /** Probe inputs whose input–output Jacobian is taken. */
    public static final int JACOBIAN_INPUTS = 8;

    public static final Output<Value.Text> BASIS = Output.perRun("theory_basis", Value.Text.class,
            "what the prediction rests on: the initializers' laws, LSUV's refined weights, or why the theory does not apply");
    public static final Output<Value.Scalar> INPUT_SECOND_MOMENT = Output.perRun("input_second_moment", Value.Scalar.class,
            "q⁰: the probe batch's mean square per feature");
    public static final Output<Value.Scalar> INPUT_CORRELATION = Output.perRun("input_correlation", Value.Scalar.class,
            "c⁰: the mean x·x′/n₀ over pairs of distinct probe examples, over q⁰");
    public static final Output<Value.Scalar> PREDICTED_JACOBIAN = Output.perRun("predicted_jacobian_mean_square", Value.Scalar.class,
            "Π χ_l: the predicted mean squared singular value ‖J‖²_F/n_out of the input–output Jacobian");
    public static final Output<Value.Scalar> MEASURED_JACOBIAN = Output.perRun("measured_jacobian_mean_square", Value.Scalar.class,
            "‖J‖²_F/n_out of the input–output Jacobian, averaged over the first probe examples");
    public static final Output<Value.Numbers> SINGULAR_VALUES = Output.perRun("jacobian_singular_values", Value.Numbers.class,
            "singular values of the input–output Jacobian at the first probe examples: min(n₀, n_out) per example, largest first");
    public static final Output<Value.Scalar> OUTPUT_CORRELATION = Output.perRun("output_gradient_correlation", Value.Scalar.class,
            "ρ: mean δ_p·δ_p′ over distinct examples over mean ‖δ_p‖², δ = ∂L/∂z of the output layer at the first step").atFirstStep();
    public static final Output<Value.Scalar> PREDICTED_RATIO = Output.perRun("predicted_grad_norm_ratio", Value.Scalar.class,
            "‖∂L/∂W₁‖/‖∂L/∂W_L‖ at the first step, predicted for its minibatch size and ρ").atFirstStep();
    public static final Output<Value.Scalar> MEASURED_RATIO = Output.perRun("measured_grad_norm_ratio", Value.Scalar.class,
            "‖∂L/∂W₁‖/‖∂L/∂W_L‖ at the first step, measured").atFirstStep();

    public static final Output<Value.Scalar> PREDICTED_VARIANCE = Output.perLayer("predicted_preact_variance", Value.Scalar.class,
            "v^l: the pre-activations' variance, predicted");
    public static final Output<Value.Scalar> MEASURED_VARIANCE = Output.perLayer("measured_preact_variance", Value.Scalar.class,
            "(1/(P·n))·Σ(z − z̄)² over the probe batch's P·n pre-activations");
    public static final Output<Value.Scalar> PREDICTED_SECOND_MOMENT = Output.perLayer("predicted_preact_second_moment", Value.Scalar.class,
            "q^l = v^l + β²: the pre-activations' mean square, predicted");
    public static final Output<Value.Scalar> MEASURED_SECOND_MOMENT = Output.perLayer("measured_preact_second_moment", Value.Scalar.class,
            "(1/(P·n))·Σz² over the probe batch's pre-activations");
    public static final Output<Value.Scalar> CHI = Output.perLayer("predicted_chi", Value.Scalar.class,
            "χ_l = σ_w²·E[φ′(z^l)²]: the layer's gain on squared Jacobian norms");
    public static final Output<Value.Scalar> PREDICTED_DEAD = Output.perLayer("predicted_dead_fraction", Value.Scalar.class,
            "rectifier layers: predicted fraction of units with z ≤ 0 on every probe example");
    public static final Output<Value.Scalar> PREDICTED_SATURATED = Output.perLayer("predicted_saturated_fraction", Value.Scalar.class,
            "squashing layers: predicted fraction of activations with |φ′(z)| < saturation_threshold · max|φ′|");
    public static final Output<Value.Scalar> PREDICTED_BACKWARD = Output.perLayer("predicted_backward_square", Value.Scalar.class,
            "E‖δ^l‖² relative to the output layer's, predicted (δ = ∂L/∂z per example)").atFirstStep();
    public static final Output<Value.Scalar> MEASURED_BACKWARD = Output.perLayer("measured_backward_square", Value.Scalar.class,
            "Σ_p‖δ_p^l‖² relative to the output layer's at the first step").atFirstStep();
    public static final Output<Value.Scalar> PREDICTED_GRADIENT = Output.perLayer("predicted_grad_norm_relative", Value.Scalar.class,
            "‖∂L/∂W_l‖ relative to the last layer's at the first step, predicted").atFirstStep();
    public static final Output<Value.Scalar> MEASURED_GRADIENT = Output.perLayer("measured_grad_norm_relative", Value.Scalar.class,
            "‖∂L/∂W_l‖ relative to the last layer's at the first step, measured").atFirstStep();

    private final int probeBatch;
    private final double saturationThreshold;

    private Prediction prediction;
    /** Σ over the first step's minibatch of δ² per layer, ‖∂L/∂W_l‖² per layer, and Σ_p δ_p^L. */
    private double[] deltaSquares;
    private double[] gradientSquares;
    private double[] outputTotals;
    private double outputCorrelation;
    private int firstBatch;
    private boolean sawFirst;

    public MeanFieldTheory(int probeBatch, double saturationThreshold) {
        if (!(saturationThreshold > 0 && saturationThreshold < 1)) throw new IllegalArgumentException("saturation threshold must be in (0, 1)");
        this.probeBatch = probeBatch;
        this.saturationThreshold = saturationThreshold;
    }

    @Override public String name() { return "theory"; }

    @Override
    public Map<String, Object> settings() {
        return Map.of("probe_batch", probeBatch, "saturation_threshold", saturationThreshold, "jacobian_inputs", JACOBIAN_INPUTS);
    }

    @Override public Set<Moment> moments() { return EnumSet.of(Moment.INIT, Moment.BEFORE_UPDATE, Moment.EPOCH); }

    @Override
    public List<Output<?>> outputs() {
        return List.of(BASIS, INPUT_SECOND_MOMENT, INPUT_CORRELATION, PREDICTED_JACOBIAN, MEASURED_JACOBIAN, SINGULAR_VALUES,
                OUTPUT_CORRELATION, PREDICTED_RATIO, MEASURED_RATIO,
                PREDICTED_VARIANCE, MEASURED_VARIANCE, PREDICTED_SECOND_MOMENT, MEASURED_SECOND_MOMENT, CHI,
                PREDICTED_DEAD, PREDICTED_SATURATED, PREDICTED_BACKWARD, MEASURED_BACKWARD, PREDICTED_GRADIENT, MEASURED_GRADIENT);
    }

    @Override
    public void start(RunView run) {
        deltaSquares = new double[run.layers()];
        gradientSquares = new double[run.layers()];
        outputTotals = new double[run.fanOut(run.layers() - 1)];
    }

    @Override
    public void observe(Observation o) {
        if (o.moment() == Moment.INIT) atInit(o);
        else if (o.moment() == Moment.EPOCH && sawFirst) {
            atFirstStep(o);
            sawFirst = false;
        }
    }

    /** The first step's δ and weight gradients, summed in double; allocates nothing. */
    @Override
    public void beforeUpdate(RunView run) {
        if (run.step() != 1) return;
        int layers = run.layers();
        int rows = run.rows();
        for (int l = 0; l < layers; l++) {
            float[] w = run.weightGradients(l);
            gradientSquares[l] = Norms.squaredNorm(w, w.length);
            float[] d = run.preActivationGradients(l);
            double s = 0.0;
            for (int i = 0, n = rows * run.fanOut(l); i < n; i++) s += (double) d[i] * d[i];
            deltaSquares[l] = s;
        }
        // ρ = (‖Σ_p δ_p‖² − Σ_p‖δ_p‖²)/((B − 1)·Σ_p‖δ_p‖²) on the output layer (Prediction.outputCorrelation)
        int classes = outputTotals.length;
        float[] out = run.preActivationGradients(layers - 1);
        java.util.Arrays.fill(outputTotals, 0.0);
        for (int p = 0; p < rows; p++) for (int k = 0; k < classes; k++) outputTotals[k] += out[p * classes + k];
        double squares = deltaSquares[layers - 1];
        double sumSquared = 0.0;
        for (double t : outputTotals) sumSquared += t * t;
        outputCorrelation = rows < 2 || squares == 0 ? 0.0 : (sumSquared - squares) / ((rows - 1) * squares);
        firstBatch = rows;
        sawFirst = true;
    }

    private void atInit(Observation o) {
        ProbeBatch batch = o.probeBatch();
        RunView run = o.run();
        int rows = batch.rows();
        int features = run.fanIn(0);
        List<LayerWeights> layers = layers(run);

        InputStatistics input = InputStatistics.of(batch.inputs(), rows, features);
        o.put(INPUT_SECOND_MOMENT, input.secondMoment());
        o.put(INPUT_CORRELATION, input.correlation());

        boolean refined = dataDependent(run.plan(), layers);
        NetworkSpec network = network(run.plan(), layers, refined);
        String basis = basis(run.plan(), network, refined);
        prediction = null;
        if (network.meanFieldApplies()) {
            try {
                prediction = SignalPropagation.predict(network, input, rows, saturationThreshold);
            } catch (IllegalArgumentException e) {
                basis = "not applicable: " + e.getMessage();
            }
        }
        o.put(BASIS, new Value.Text(basis));

        for (int l = 0; l < run.layers(); l++) {
            float[] z = run.preActivations(l);
            int m = rows * run.fanOut(l);
            double sum = 0.0;
            for (int i = 0; i < m; i++) sum += z[i];
            double mean = sum / m;
            double squares = 0.0;
            double centred = 0.0;
            for (int i = 0; i < m; i++) {
                double v = z[i];
                squares += v * v;
                centred += (v - mean) * (v - mean);
            }
            o.put(MEASURED_VARIANCE, l, centred / m);
            o.put(MEASURED_SECOND_MOMENT, l, squares / m);
            if (prediction == null) continue;
            LayerPrediction p = prediction.layers().get(l);
            o.put(PREDICTED_VARIANCE, l, p.variance());
            o.put(PREDICTED_SECOND_MOMENT, l, p.secondMoment());
            o.put(CHI, l, p.chi());
            if (p.deadFraction() != null) o.put(PREDICTED_DEAD, l, p.deadFraction());
            if (p.saturatedFraction() != null) o.put(PREDICTED_SATURATED, l, p.saturatedFraction());
        }

        // The Jacobians last: they read only the weights, not the probe batch's forward pass.
        int inputs = Math.min(JACOBIAN_INPUTS, rows);
        List<Double> singular = new ArrayList<>();
        double meanSquare = 0.0;
        float[] x = new float[features];
        for (int p = 0; p < inputs; p++) {
            System.arraycopy(batch.inputs(), p * features, x, 0, features);
            JacobianSpectrum s = Jacobians.inputToOutput(layers, x);
            for (double v : s.singularValues()) singular.add(v);
            meanSquare += s.meanSquare() / inputs;
        }
        o.put(SINGULAR_VALUES, new Value.Numbers(singular.stream().mapToDouble(Double::doubleValue).toArray()));
        o.put(MEASURED_JACOBIAN, meanSquare);
        if (prediction != null) o.put(PREDICTED_JACOBIAN, prediction.inputOutputJacobianMeanSquare());
    }

    private void atFirstStep(Observation o) {
        int layers = deltaSquares.length;
        double lastDelta = deltaSquares[layers - 1];
        double lastGradient = Math.sqrt(gradientSquares[layers - 1]);
        o.put(OUTPUT_CORRELATION, outputCorrelation);
        o.put(MEASURED_RATIO, Math.sqrt(gradientSquares[0]) / lastGradient);
        double[] predicted = prediction == null ? null : prediction.weightGradientNorms(firstBatch, outputCorrelation);
        if (predicted != null) o.put(PREDICTED_RATIO, predicted[0]);
        for (int l = 0; l < layers; l++) {
            o.put(MEASURED_BACKWARD, l, deltaSquares[l] / lastDelta);
            o.put(MEASURED_GRADIENT, l, Math.sqrt(gradientSquares[l]) / lastGradient);
            if (predicted == null) continue;
            o.put(PREDICTED_BACKWARD, l, prediction.layers().get(l).backwardSquaredNorm());
            o.put(PREDICTED_GRADIENT, l, predicted[l]);
        }
    }

    /** The network as mean-field theory sees it: from the initializers' laws, or from LSUV's refined weights. */
    static NetworkSpec network(TrainingPlan plan, List<LayerWeights> layers, boolean refined) {
        if (refined) return NetworkSpec.measured(layers, EntryDistribution.Structure.ORTHOGONAL);
        int[] widths = new int[layers.size() + 1];
        widths[0] = layers.getFirst().in();
        for (int l = 0; l < layers.size(); l++) widths[l + 1] = layers.get(l).out();
        return NetworkSpec.of(widths, plan.activation(), plan.activateOutput(), plan.weightInit(), plan.biasInit());
    }

    /** One line for {@code theory_basis}. */
    static String basis(TrainingPlan plan, NetworkSpec network, boolean refined) {
        if (!network.meanFieldApplies()) return "not applicable: " + String.join("; ", network.limitations());
        if (refined) {
            return "the weights as " + plan.weightInit().name() + " refined them: σ_w² = fan_in·mean(W²), β and σ_b² measured, orthogonal structure";
        }
        return "the initializers' laws: " + scales(network);
    }

    /**
     * The law's numbers, not the initializers' names (two initializers that draw the same values
     * record the same bits): "σ_w² = 2 in every layer, biases β = 0, σ_b² = 0", or the first and
     * last layer's where they differ.
     */
    static String scales(NetworkSpec network) {
        List<LayerSpec> ls = network.layers();
        LayerSpec first = ls.getFirst(), last = ls.getLast();
        boolean sameW = ls.stream().allMatch(l -> l.sigmaW2() == first.sigmaW2());
        boolean sameB = ls.stream().allMatch(l -> l.biasMean() == first.biasMean() && l.biasVariance() == first.biasVariance());
        String w = sameW ? "σ_w² = " + g(first.sigmaW2()) + " in every layer"
                : "σ_w² = " + g(first.sigmaW2()) + " (layer 1) … " + g(last.sigmaW2()) + " (layer " + ls.size() + ")";
        String b = sameB ? "biases β = " + g(first.biasMean()) + ", σ_b² = " + g(first.biasVariance())
                : "biases β = " + g(first.biasMean()) + ", σ_b² = " + g(first.biasVariance()) + " (layer 1) … β = " + g(last.biasMean())
                        + ", σ_b² = " + g(last.biasVariance()) + " (layer " + ls.size() + ")";
        return w + ", " + b;
    }

    /** Three significant digits without trailing zeros: "2", "1.79", "0.05". */
    private static String g(double v) {
        if (v == 0) return "0";
        return new java.math.BigDecimal(v).round(new java.math.MathContext(3)).stripTrailingZeros().toPlainString();
    }

    /** Whether the weights' scale is set from the data (LSUV), so that only the refined weights say what it is. */
    private static boolean dataDependent(TrainingPlan plan, List<LayerWeights> layers) {
        LayerWeights first = layers.getFirst();
        return InitializerMoments.weight(plan.weightInit(), first.in(), first.out()).structure() == EntryDistribution.Structure.DATA_DEPENDENT;
    }

    private static List<LayerWeights> layers(RunView run) {
        List<LayerWeights> out = new ArrayList<>(run.layers());
        for (int l = 0; l < run.layers(); l++) {
            out.add(new LayerWeights(run.fanIn(l), run.fanOut(l), run.weights(l), run.biases(l), run.activation(l)));
        }
        return out;
    }
}
