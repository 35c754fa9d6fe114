package org.initlab.data;

import java.util.List;

/**
 * How pixel intensities become network inputs. Each is an affine map of the pixel scaled to
 * [0, 1], x = p/255, written x' = (x − shift)/scale and evaluated in double, rounded once to float:
 * <ul>
 *   <li>{@link #SCALE_01}: x' = p/255 ∈ [0, 1] — PyTorch's {@code ToTensor()}.</li>
 *   <li>{@link #SCALE_256}: x' = p/256 ∈ [0, 255/256] — the exact float32 values stored in
 *       Nielsen's (and deeplearning.net's) {@code mnist.pkl.gz}, which the original notebook trained
 *       on: its first training image holds 0.01171875 = 3/256, 0.0703125 = 18/256 and
 *       0.99609375 = 255/256 where the IDX file has pixels 3, 18 and 255. Applied to the pickle itself
 *       it is the identity.</li>
 *   <li>{@link #STANDARDIZE}: x' = (p/255 − μ)/σ with one global μ and σ, the mean and population
 *       standard deviation of every pixel of the <em>training split</em> (validation and test
 *       excluded, so nothing leaks from them). Global rather than per pixel: MNIST's border pixels
 *       are 0 in every training image, so a per-pixel σ is 0 there and would blow up any test
 *       image with ink in them. This is the convention of PyTorch's MNIST example,
 *       {@code Normalize((0.1307,), (0.3081,))}, whose constants are μ, σ of all 60,000
 *       training images.</li>
 *   <li>{@link #SYMMETRIC}: x' = (p/255 − 0.5)/0.5 = 2p/255 − 1 ∈ [−1, 1].</li>
 * </ul>
 */
public enum Preprocessing {
    SCALE_01("scale01"),
    SCALE_256("scale256"),
    STANDARDIZE("standardize"),
    SYMMETRIC("symmetric");

    private final String label;

    Preprocessing(String label) {
        this.label = label;
    }

    /** The name a spec or the command line uses: scale01, scale256, standardize, symmetric. */
    public String label() {
        return label;
    }

    /** Parses a label by the {@link org.initlab.catalog.Spelling} rule ("scale01", "SCALE_01", "scale-01"). */
    public static Preprocessing parse(String text) {
        return org.initlab.catalog.Spelling.choose("preprocessing", text, List.of(values()), Preprocessing::label);
    }

    public static List<String> labels() {
        return java.util.Arrays.stream(values()).map(Preprocessing::label).toList();
    }
}
