package org.initlab.theory;

import org.initlab.init.BiasInitializer;
import org.initlab.init.Constant;
import org.initlab.init.CriticalBias;
import org.initlab.init.CriticalGaussian;
import org.initlab.init.Fans;
import org.initlab.init.Identity;
import org.initlab.init.Initializer;
import org.initlab.init.KaimingNormal;
import org.initlab.init.KaimingUniform;
import org.initlab.init.KerasTruncatedNormal;
import org.initlab.init.LecunNormal;
import org.initlab.init.LecunUniform;
import org.initlab.init.Lsuv;
import org.initlab.init.Normal;
import org.initlab.init.Ones;
import org.initlab.init.Orthogonal;
import org.initlab.init.Sparse;
import org.initlab.init.TorchLinearDefault;
import org.initlab.init.TruncatedNormal;
import org.initlab.init.Uniform;
import org.initlab.init.VarianceScaling;
import org.initlab.init.XavierNormal;
import org.initlab.init.XavierUniform;
import org.initlab.init.Zeros;
import org.initlab.theory.EntryDistribution.Structure;

/**
 * The exact mean and variance of one entry for every initializer in the catalogue, for a layer
 * with given fans (weights fan_in × fan_out, as stored):
 * <ul>
 *   <li>variance_scaling and its presets (Xavier/Glorot, Kaiming/He, LeCun, critical, Keras and
 *       DL4J variants): scale/n exactly, the truncated normal included, since its σ is divided by
 *       the std of a unit normal truncated to ±2 ({@link VarianceScaling#variance});</li>
 *   <li>normal(mean, std): std²; uniform(a, b): (b − a)²/12; torch_linear: U(±1/√fan_in), 1/(3·fan_in);</li>
 *   <li>trunc_normal(μ, σ, a, b), α = (a−μ)/σ, β = (b−μ)/σ, Z = Φ(β) − Φ(α): mean
 *       μ + σ(φ(α) − φ(β))/Z, variance σ²[1 + (αφ(α) − βφ(β))/Z − ((φ(α) − φ(β))/Z)²]
 *       (Johnson, Kotz &amp; Balakrishnan 1994, §10.1); keras_truncated_normal(μ, σ) is α = −2, β = 2,
 *       variance (0.87962566·σ)²;</li>
 *   <li>sparse(s, std): each input's row has exactly k = ⌈s·fan_out⌉ zeros at uniformly chosen
 *       places, so an entry is 0 with probability k/fan_out: variance std²·(1 − k/fan_out);</li>
 *   <li>orthogonal(gain): W = gain·Q with orthonormal columns (fan_in ≥ fan_out) or rows. A Haar
 *       column is uniform on the unit sphere of R^fan_in, so E[W²] = gain²/fan_in; a Haar row
 *       likewise gives gain²/fan_out: Var = gain²/max(fan_in, fan_out), σ_w² = gain²·min(1,
 *       fan_in/fan_out). The wide case checks out exactly: z = xW has ‖z‖² = gain²‖x‖² when
 *       WWᵀ = gain²I, i.e. per unit gain²·(fan_in/fan_out)·‖x‖²/fan_in;</li>
 *   <li>identity(gain): deterministic; a uniformly chosen entry has mean square
 *       gain²·min/(fan_in·fan_out), so σ_w² = gain²·min(fan_in, fan_out)/fan_out matches the
 *       bookkeeping of ‖z‖², but each unit copies one input, no sum of many terms: the Gaussian
 *       recursion does not apply;</li>
 *   <li>zeros, ones, constant(v): the constant, variance 0 (only 0 leaves the theory valid);</li>
 *   <li>lsuv: data-dependent. It starts from orthogonal(1) and divides each layer's W by the
 *       square root of its pre-activation variance on a training batch until |Var − 1| &lt; tol.
 *       The theory cannot predict σ_w² from the initializer; it can (a) say that converged layers
 *       have pooled pre-activation variance within tol of 1 on that batch, and (b) predict
 *       everything downstream from the refined weights' measured scale
 *       ({@link EntryDistribution#measured}, structure orthogonal).</li>
 * </ul>
 * Values are those of the double-precision law before the entries are rounded to float (a
 * relative change below 10⁻⁷).
 *
 * <p>For the lead: an initializer would better state its own moments (a method on
 * {@link Initializer}); until then this switch is the one place that knows them, and an
 * initializer added to the catalogue needs a line here (it is reported as
 * {@link Structure#UNKNOWN} until it has one).
 */
public final class InitializerMoments {
    private InitializerMoments() {}

    /** The entry law of {@code init} for a weight with these fans. */
    public static EntryDistribution weight(Initializer init, int fanIn, int fanOut) {
        Fans fans = new Fans(fanIn, fanOut);
        return switch (init) {
            case VarianceScaling v -> independent(0.0, v.variance(fans));
            case XavierNormal x -> independent(0.0, x.asVarianceScaling().variance(fans));
            case XavierUniform x -> independent(0.0, x.asVarianceScaling().variance(fans));
            case KaimingNormal k -> independent(0.0, k.asVarianceScaling().variance(fans));
            case KaimingUniform k -> independent(0.0, k.asVarianceScaling().variance(fans));
            case LecunNormal l -> independent(0.0, l.asVarianceScaling().variance(fans));
            case LecunUniform l -> independent(0.0, l.asVarianceScaling().variance(fans));
            case CriticalGaussian c -> independent(0.0, c.asVarianceScaling().variance(fans));
            case Orthogonal o -> new EntryDistribution(0.0, o.gain() * o.gain() / Math.max(1, Math.max(fanIn, fanOut)),
                    Structure.ORTHOGONAL, "");
            case Identity i -> {
                double fraction = fanIn == 0 || fanOut == 0 ? 0.0 : (double) Math.min(fanIn, fanOut) / ((double) fanIn * fanOut);
                double mean = i.gain() * fraction;
                yield new EntryDistribution(mean, i.gain() * i.gain() * fraction - mean * mean, Structure.IDENTITY,
                        "deterministic: unit j copies input j (j < min(fan_in, fan_out)), so pre-activations are not Gaussian sums "
                                + "and the mean-field recursion does not apply");
            }
            case Sparse s -> {
                int zeros = (int) Math.ceil(s.sparsity() * fanOut); // as Sparse draws them
                double kept = fanOut == 0 ? 0.0 : 1.0 - (double) zeros / fanOut;
                yield independent(0.0, s.std() * s.std() * kept);
            }
            case Lsuv l -> new EntryDistribution(0.0, 1.0 / Math.max(1, Math.max(fanIn, fanOut)), Structure.DATA_DEPENDENT,
                    "LSUV rescales each layer on a training batch until its pre-activation variance is within " + l.tol()
                            + " of 1; the variance given is that of the orthogonal start. Predict from the refined weights' "
                            + "measured scale instead (EntryDistribution.measured)");
            default -> elementwise(init, fans);
        };
    }

    /** The entry law of {@code init} for a bias of a layer with these fans. */
    public static EntryDistribution bias(BiasInitializer init, int fanIn, int fanOut) {
        Fans fans = new Fans(fanIn, fanOut);
        return switch (init) {
            case CriticalBias c -> independent(0.0, c.sigmaB() * c.sigmaB());
            default -> {
                EntryDistribution e = elementwise(init, fans);
                // A constant bias is a fine mean-field bias (z ~ N(β, ·)); the caveat is for weights.
                yield e.structure() == Structure.CONSTANT ? new EntryDistribution(e.mean(), 0.0, Structure.CONSTANT, "") : e;
            }
        };
    }

    /** Initializers that draw each entry independently and serve weights and biases alike. */
    private static EntryDistribution elementwise(Object init, Fans fans) {
        return switch (init) {
            case Zeros z -> constant(0.0);
            case Ones o -> constant(1.0);
            case Constant c -> constant(c.value());
            case Normal n -> independent(n.mean(), n.std() * n.std());
            case Uniform u -> independent(0.5 * (u.a() + u.b()), (u.b() - u.a()) * (u.b() - u.a()) / 12.0);
            case TorchLinearDefault t -> independent(0.0, fans.in() > 0 ? 1.0 / (3.0 * fans.in()) : 0.0);
            case TruncatedNormal t -> truncatedNormal(t.mean(), t.std(), t.a(), t.b());
            case KerasTruncatedNormal k -> {
                double s = k.std() * VarianceScaling.TRUNCATED_UNIT_STD;
                yield independent(k.mean(), s * s);
            }
            default -> new EntryDistribution(Double.NaN, Double.NaN, Structure.UNKNOWN,
                    "no moment formula for initializer " + init.getClass().getSimpleName() + " yet");
        };
    }

    /** Moments of N(μ, σ²) restricted to [a, b], evaluated on the side of the mean where Φ keeps its precision. */
    static EntryDistribution truncatedNormal(double mu, double sigma, double a, double b) {
        boolean mirror = (a - mu) + (b - mu) > 0; // more mass above: reflect so the interval lies in the lower tail
        double alpha = mirror ? (mu - b) / sigma : (a - mu) / sigma;
        double beta = mirror ? (mu - a) / sigma : (b - mu) / sigma;
        double z = NormalDistribution.cdf(beta) - NormalDistribution.cdf(alpha);
        double da = NormalDistribution.density(alpha);
        double db = NormalDistribution.density(beta);
        double shift = (da - db) / z;
        double variance = sigma * sigma * (1 + (alpha * da - beta * db) / z - shift * shift);
        double mean = mirror ? mu - sigma * shift : mu + sigma * shift;
        return independent(mean, variance);
    }

    private static EntryDistribution independent(double mean, double variance) {
        return new EntryDistribution(mean, variance, Structure.INDEPENDENT, "");
    }

    private static EntryDistribution constant(double value) {
        return new EntryDistribution(value, 0.0, Structure.CONSTANT,
                value == 0.0 ? "" : "every weight equals " + value + ": units are identical copies and pre-activations "
                        + "are not zero-mean sums, so the mean-field recursion does not apply");
    }
}
