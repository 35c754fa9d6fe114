package org.initlab.math;

/**
 * The heap bytes of a Java array on 64-bit HotSpot with compressed class pointers and compressed
 * references (the defaults for heaps below 32 GB): a 16-byte header (8-byte mark word, 4-byte
 * class pointer, 4-byte length), then the elements, the whole rounded up to 8 bytes. For memory
 * estimates; the largest array the JVM allocates has {@link #MAX_LENGTH} elements.
 */
public final class ArrayBytes {
    /** The longest array HotSpot allocates (a few words below {@code Integer.MAX_VALUE}, as {@code ArrayList} assumes). */
    public static final long MAX_LENGTH = Integer.MAX_VALUE - 8;

    private static final long HEADER = 16;

    private ArrayBytes() {}

    public static long floats(long n) { return of(n, 4); }

    public static long ints(long n) { return of(n, 4); }

    public static long doubles(long n) { return of(n, 8); }

    public static long longs(long n) { return of(n, 8); }

    /** An array of {@code n} object references (4 bytes each, compressed). */
    public static long references(long n) { return of(n, 4); }

    private static long of(long n, int size) {
        return (Math.addExact(HEADER, Math.multiplyExact(n, size)) + 7) & ~7L;
    }
}
