package org.initlab.math;

import java.nio.charset.StandardCharsets;
import java.util.random.RandomGenerator;
import java.util.random.RandomGeneratorFactory;

/**
 * Independent, reproducible random streams derived from one seed and a purpose
 * ("init/dense1", "shuffle", ...), so that no two parts of a run share a generator and adding
 * a new consumer does not shift the numbers the others draw.
 *
 * <p>Generators are {@code L64X128MixRandom} (JDK 17+ {@code java.util.random}), whose output
 * for a given seed is fixed by its specification, so the same seed gives the same bits on any
 * JDK. Seeds are derived with SplitMix64's finaliser (Steele, Lea, Flood 2014) over the seed and
 * a 64-bit FNV-1a hash of the purpose.
 */
public final class RandomStreams {
    private static final RandomGeneratorFactory<RandomGenerator> FACTORY = RandomGeneratorFactory.of("L64X128MixRandom");

    private RandomStreams() {}

    /** A new generator for {@code purpose} under {@code seed}. */
    public static RandomGenerator stream(long seed, String purpose) {
        return FACTORY.create(derive(seed, purpose));
    }

    /** A new generator seeded directly with {@code seed}. */
    public static RandomGenerator of(long seed) {
        return FACTORY.create(seed);
    }

    /** A seed for {@code purpose} under {@code seed}: mix(seed ⊕ mix(fnv1a(purpose))). */
    public static long derive(long seed, String purpose) {
        return mix64(seed ^ mix64(fnv1a64(purpose)));
    }

    /** SplitMix64's output function: a bijection of 64-bit values with good avalanche. */
    public static long mix64(long z) {
        z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
        z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
        return z ^ (z >>> 31);
    }

    /** 64-bit FNV-1a over the UTF-8 bytes of {@code s}. */
    public static long fnv1a64(String s) {
        long h = 0xcbf29ce484222325L;
        for (byte b : s.getBytes(StandardCharsets.UTF_8)) {
            h ^= (b & 0xff);
            h *= 0x100000001b3L;
        }
        return h;
    }
}
