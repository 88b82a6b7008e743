package io.siteplanner.scoring.random;

/**
 * SplitMix64 (Steele, Lea and Flood, "Fast splittable pseudorandom number generators", OOPSLA 2014): the
 * state advances by the golden-ratio increment and each output is the state passed through the
 * variant-13 finaliser. Besides sequential streams it offers counter-addressed values: {@link #key} hashes
 * a seed and up to three counters (stream, draw, criterion...) into a stream start, and {@link #unit}
 * returns the i-th output of that stream directly, so that site i's value in draw d does not depend on
 * which other sites were looked at. Not thread-safe (use one instance per thread); the static methods are.
 */
public final class SplitMix64 {
    /** 2^64 / golden ratio, odd. */
    public static final long GOLDEN = 0x9E3779B97F4A7C15L;

    private long state;

    /** A stream starting at {@code seed}. */
    public SplitMix64(long seed) {
        this.state = seed;
    }

    /** The next 64 random bits. */
    public long nextLong() {
        state += GOLDEN;
        return mix64(state);
    }

    /** A uniform double in the open interval (0, 1) (53 random bits, centred: never 0 or 1). */
    public double nextOpen() {
        return toOpen(nextLong());
    }

    /** The variant-13 finaliser of SplitMix64 (a bijection of 64-bit values). */
    public static long mix64(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    /** The start of the stream for a seed and counters: mix64(mix64(mix64(seed) + a) + b) ... */
    public static long key(long seed, long a) {
        return mix64(mix64(seed) + a * GOLDEN);
    }

    /** The start of the stream for a seed and two counters. */
    public static long key(long seed, long a, long b) {
        return mix64(key(seed, a) + b * GOLDEN);
    }

    /** The start of the stream for a seed and three counters. */
    public static long key(long seed, long a, long b, long c) {
        return mix64(key(seed, a, b) + c * GOLDEN);
    }

    /** The i-th (0-based) output of the stream starting at {@code key}, as a uniform double in (0, 1). */
    public static double unit(long key, long i) {
        return toOpen(mix64(key + (i + 1) * GOLDEN));
    }

    /** 53 high bits to (0, 1): (k + 0.5) / 2^53. */
    static double toOpen(long bits) {
        return ((bits >>> 11) + 0.5) * 0x1.0p-53;
    }
}
