package org.initlab.data;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

class PreprocessorTest {
    /** SCALE_01 is p/255 rounded once, i.e. PyTorch's ToTensor (float division by 255). */
    @Test
    void scaleIsPixelOver255InFloat() {
        float[] t = Preprocessor.table(Preprocessor.affine(Preprocessing.SCALE_01, null, 0));
        for (int p = 0; p < 256; p++) assertEquals(Float.floatToIntBits(p / 255f), Float.floatToIntBits(t[p]), "pixel " + p);
        assertEquals(0f, t[0]);
        assertEquals(1f, t[255]);
    }

    @Test
    void symmetricMapsOntoMinusOneToOne() {
        float[] t = Preprocessor.table(Preprocessor.affine(Preprocessing.SYMMETRIC, null, 0));
        assertEquals(-1f, t[0]);
        assertEquals(1f, t[255]);
        for (int p = 0; p < 256; p++) assertEquals((float) (2.0 * p / 255.0 - 1.0), t[p], 1e-7f, "pixel " + p);
    }

    /** Mean and population standard deviation of the training part only, checked against a direct two-pass computation. */
    @Test
    void standardizationUsesTrainingStatisticsOnly() {
        byte[] pixels = new byte[6 * 4];
        for (int i = 0; i < pixels.length; i++) pixels[i] = (byte) ((i * 53 + 7) % 256);
        Examples e = Examples.ofPixels("t", 6, 4, pixels, new int[]{0, 1, 0, 1, 0, 1});
        int trainEnd = 4;
        Preprocessor.Affine map = Preprocessor.affine(Preprocessing.STANDARDIZE, List.of(e), trainEnd);
        double mean = 0;
        for (int i = 0; i < trainEnd * 4; i++) mean += (pixels[i] & 0xff) / 255.0;
        mean /= trainEnd * 4;
        double var = 0;
        for (int i = 0; i < trainEnd * 4; i++) var += Math.pow((pixels[i] & 0xff) / 255.0 - mean, 2);
        double std = Math.sqrt(var / (trainEnd * 4));
        assertEquals(mean, map.shift(), 1e-15);
        assertEquals(std, map.scale(), 1e-15);
        Split train = Preprocessor.split("train", List.of(e), 0, trainEnd, map);
        double m = 0, s = 0;
        for (float v : train.x()) m += v;
        m /= train.x().length;
        for (float v : train.x()) s += (v - m) * (v - m);
        assertEquals(0, m, 1e-6);
        assertEquals(1, Math.sqrt(s / train.x().length), 1e-6);
    }

    @Test
    void standardizationOfValuesMatchesThatOfPixels() {
        byte[] pixels = new byte[10];
        float[] values = new float[10];
        for (int i = 0; i < 10; i++) {
            pixels[i] = (byte) (i * 25);
            values[i] = (float) ((i * 25) / 255.0);
        }
        int[] y = new int[5];
        Preprocessor.Affine a = Preprocessor.affine(Preprocessing.STANDARDIZE, List.of(Examples.ofPixels("p", 5, 2, pixels, y)), 5);
        Preprocessor.Affine b = Preprocessor.affine(Preprocessing.STANDARDIZE, List.of(Examples.ofValues("v", 5, 2, values, y)), 5);
        assertEquals(a.shift(), b.shift(), 1e-7);
        assertEquals(a.scale(), b.scale(), 1e-7);
    }

    /** A split across the boundary of two parts takes the right examples in order. */
    @Test
    void splitsAcrossParts() {
        Examples first = Examples.ofValues("a", 3, 2, new float[]{0, .1f, .2f, .3f, .4f, .5f}, new int[]{0, 1, 2});
        Examples second = Examples.ofValues("b", 2, 2, new float[]{.6f, .7f, .8f, .9f}, new int[]{3, 4});
        Split s = Preprocessor.split("x", List.of(first, second), 2, 5, new Preprocessor.Affine(0, 1));
        assertArrayEquals(new float[]{.4f, .5f, .6f, .7f, .8f, .9f}, s.x());
        assertArrayEquals(new int[]{2, 3, 4}, s.y());
        Split sym = Preprocessor.split("x", List.of(first, second), 0, 1, new Preprocessor.Affine(0.5, 0.5));
        assertArrayEquals(new float[]{-1f, (float) ((0.1f - 0.5) / 0.5)}, sym.x());
    }
}
