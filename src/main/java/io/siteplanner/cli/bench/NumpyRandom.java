package io.siteplanner.cli.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;

/**
 * The draws of numpy's {@code np.random.default_rng(SeedSequence(seed).spawn(n)[i])} (numpy 1.17 to 2.x: PCG64
 * bit generator seeded by a SeedSequence, and the Generator methods the bench generator uses), bit for bit, so
 * that {@link BenchDataGenerator} writes the same files as {@code ../shared/bench/gen_data.py}.
 *
 * <p>Written from numpy's sources (bit_generator.pyx SeedSequence, pcg64.h XSL-RR 128/64,
 * distributions.c, _generator.pyx); the ziggurat tables are numpy's ({@code ziggurat.txt}). Where numpy calls the C
 * library ({@code log1p}, {@code exp}, {@code log}, {@code expm1}), {@link StrictMath} is used: the two agree but
 * for rare last-place differences, which only matter in the rejection tests of the unlikely ziggurat branches.
 * Not thread-safe.
 */
public final class NumpyRandom {
    private static final long MULT_HI = 2549297995355413924L;
    private static final long MULT_LO = 4865540595714422341L;
    private static final int INIT_A = 0x43b0d7e5;
    private static final int MULT_A = 0x931e8875;
    private static final int INIT_B = 0x8b51f9dd;
    private static final int MULT_B = 0x58f38ded;
    private static final int MIX_MULT_L = 0xca01f9dd;
    private static final int MIX_MULT_R = 0x4973f715;
    private static final int POOL_SIZE = 4;
    private static final double ZIGGURAT_NOR_R = 3.6541528853610087963519472518;
    private static final double ZIGGURAT_NOR_INV_R = 0.27366123732975827203338247596;
    private static final double ZIGGURAT_EXP_R = 7.6971174701310497140446280481;
    private static final Map<String, long[]> ZIGGURAT = readZiggurat();
    private static final long[] KI = ZIGGURAT.get("ki");
    private static final double[] WI = doubles(ZIGGURAT.get("wi"));
    private static final double[] FI = doubles(ZIGGURAT.get("fi"));
    private static final long[] KE = ZIGGURAT.get("ke");
    private static final double[] WE = doubles(ZIGGURAT.get("we"));
    private static final double[] FE = doubles(ZIGGURAT.get("fe"));

    private long stateHi;
    private long stateLo;
    private long incHi;
    private long incLo;
    private boolean hasUint32;
    private int uinteger;

    private NumpyRandom(long[] seed) {
        long initHi = seed[0];
        long initLo = seed[1];
        incHi = (seed[2] << 1) | (seed[3] >>> 63);
        incLo = (seed[3] << 1) | 1L;
        stateHi = 0;
        stateLo = 0;
        step();
        long lo = stateLo + initLo;
        stateHi = stateHi + initHi + (Long.compareUnsigned(lo, initLo) < 0 ? 1 : 0);
        stateLo = lo;
        step();
    }

    /** {@code [np.random.default_rng(s) for s in np.random.SeedSequence(seed).spawn(n)]}. */
    public static NumpyRandom[] spawn(long seed, int n) {
        if (seed < 0) {
            throw new IllegalArgumentException("seed must be non-negative: " + seed);
        }
        int[] run = seed <= 0xFFFFFFFFL ? new int[] {(int) seed} : new int[] {(int) seed, (int) (seed >>> 32)};
        NumpyRandom[] out = new NumpyRandom[n];
        for (int i = 0; i < n; i++) {
            int[] entropy = new int[Math.max(run.length, POOL_SIZE) + 1];
            System.arraycopy(run, 0, entropy, 0, run.length);
            entropy[entropy.length - 1] = i;
            out[i] = new NumpyRandom(generateState(mixEntropy(entropy)));
        }
        return out;
    }

    /** {@code np.random.default_rng(seed)}. */
    public static NumpyRandom of(long seed) {
        if (seed < 0) {
            throw new IllegalArgumentException("seed must be non-negative: " + seed);
        }
        int[] run = seed <= 0xFFFFFFFFL ? new int[] {(int) seed} : new int[] {(int) seed, (int) (seed >>> 32)};
        return new NumpyRandom(generateState(mixEntropy(run)));
    }

    private static int hashmix(int value, int[] hashConst) {
        value ^= hashConst[0];
        hashConst[0] *= MULT_A;
        value *= hashConst[0];
        return value ^ (value >>> 16);
    }

    private static int mix(int x, int y) {
        int r = MIX_MULT_L * x - MIX_MULT_R * y;
        return r ^ (r >>> 16);
    }

    private static int[] mixEntropy(int[] entropy) {
        int[] pool = new int[POOL_SIZE];
        int[] hc = {INIT_A};
        for (int i = 0; i < POOL_SIZE; i++) {
            pool[i] = hashmix(i < entropy.length ? entropy[i] : 0, hc);
        }
        for (int src = 0; src < POOL_SIZE; src++) {
            for (int dst = 0; dst < POOL_SIZE; dst++) {
                if (src != dst) {
                    pool[dst] = mix(pool[dst], hashmix(pool[src], hc));
                }
            }
        }
        for (int src = POOL_SIZE; src < entropy.length; src++) {
            for (int dst = 0; dst < POOL_SIZE; dst++) {
                pool[dst] = mix(pool[dst], hashmix(entropy[src], hc));
            }
        }
        return pool;
    }

    /** SeedSequence.generate_state(4, np.uint64). */
    private static long[] generateState(int[] pool) {
        int hc = INIT_B;
        int[] words = new int[8];
        for (int i = 0; i < words.length; i++) {
            int v = pool[i % POOL_SIZE];
            v ^= hc;
            hc *= MULT_B;
            v *= hc;
            v ^= v >>> 16;
            words[i] = v;
        }
        long[] out = new long[4];
        for (int i = 0; i < 4; i++) {
            out[i] = (words[2 * i] & 0xFFFFFFFFL) | ((long) words[2 * i + 1] << 32);
        }
        return out;
    }

    private static long unsignedMultiplyHigh(long x, long y) {
        return Math.multiplyHigh(x, y) + ((x >> 63) & y) + ((y >> 63) & x);
    }

    private void step() {
        long hi = unsignedMultiplyHigh(stateLo, MULT_LO) + stateHi * MULT_LO + stateLo * MULT_HI;
        long lo = stateLo * MULT_LO;
        long newLo = lo + incLo;
        stateHi = hi + incHi + (Long.compareUnsigned(newLo, lo) < 0 ? 1 : 0);
        stateLo = newLo;
    }

    /** The next raw 64 bits (PCG64, XSL-RR output). */
    public long nextLong() {
        step();
        return Long.rotateRight(stateHi ^ stateLo, (int) (stateHi >>> 58));
    }

    /** The next 32 bits: the low half of a 64-bit draw, then its high half (numpy buffers the other half). */
    public int nextInt() {
        if (hasUint32) {
            hasUint32 = false;
            return uinteger;
        }
        long next = nextLong();
        hasUint32 = true;
        uinteger = (int) (next >>> 32);
        return (int) next;
    }

    /** {@code rng.random()}: [0, 1) with 53 random bits. */
    public double random() {
        return (nextLong() >>> 11) * 0x1.0p-53;
    }

    /** {@code rng.random(n)}. */
    public double[] random(int n) {
        double[] out = new double[n];
        for (int i = 0; i < n; i++) {
            out[i] = random();
        }
        return out;
    }

    /** {@code rng.uniform(low, high, n)}. */
    public double[] uniform(double low, double high, int n) {
        double range = high - low;
        double[] out = new double[n];
        for (int i = 0; i < n; i++) {
            out[i] = low + range * random();
        }
        return out;
    }

    /** {@code rng.standard_normal()} (ziggurat). */
    public double standardNormal() {
        for (;;) {
            long r = nextLong();
            int idx = (int) (r & 0xff);
            r >>>= 8;
            boolean negative = (r & 1) != 0;
            long rabs = (r >>> 1) & 0x000fffffffffffffL;
            double x = rabs * WI[idx];
            if (negative) {
                x = -x;
            }
            if (rabs < KI[idx]) {
                return x;
            }
            if (idx == 0) {
                for (;;) {
                    double xx = -ZIGGURAT_NOR_INV_R * StrictMath.log1p(-random());
                    double yy = -StrictMath.log1p(-random());
                    if (yy + yy > xx * xx) {
                        return ((rabs >>> 8) & 1) != 0 ? -(ZIGGURAT_NOR_R + xx) : ZIGGURAT_NOR_R + xx;
                    }
                }
            } else if ((FI[idx - 1] - FI[idx]) * random() + FI[idx] < StrictMath.exp(-0.5 * x * x)) {
                return x;
            }
        }
    }

    /** {@code rng.standard_normal(n)} (also {@code rng.normal(size=n)}; row-major for a shape). */
    public double[] standardNormal(int n) {
        double[] out = new double[n];
        for (int i = 0; i < n; i++) {
            out[i] = standardNormal();
        }
        return out;
    }

    /** {@code rng.normal(loc, scale, n)}. */
    public double[] normal(double loc, double scale, int n) {
        double[] out = new double[n];
        for (int i = 0; i < n; i++) {
            out[i] = loc + scale * standardNormal();
        }
        return out;
    }

    /** {@code rng.standard_exponential()} (ziggurat). */
    public double standardExponential() {
        for (;;) {
            long ri = nextLong() >>> 3;
            int idx = (int) (ri & 0xff);
            ri >>>= 8;
            double x = ri * WE[idx];
            if (ri < KE[idx]) {
                return x;
            }
            if (idx == 0) {
                return ZIGGURAT_EXP_R - StrictMath.log1p(-random());
            }
            if ((FE[idx - 1] - FE[idx]) * random() + FE[idx] < StrictMath.exp(-x)) {
                return x;
            }
        }
    }

    /** {@code rng.standard_gamma(shape)} for shape > 1 (Marsaglia and Tsang), as numpy. */
    public double standardGamma(double shape) {
        if (!(shape > 1.0)) {
            throw new IllegalArgumentException("only shape > 1 is implemented: " + shape);
        }
        double b = shape - 1.0 / 3.0;
        double c = 1.0 / Math.sqrt(9 * b);
        for (;;) {
            double x;
            double v;
            do {
                x = standardNormal();
                v = 1.0 + c * x;
            } while (v <= 0.0);
            v = v * v * v;
            double u = random();
            if (u < 1.0 - 0.0331 * (x * x) * (x * x)) {
                return b * v;
            }
            if (StrictMath.log(u) < 0.5 * x * x + b * (1. - v + StrictMath.log(v))) {
                return b * v;
            }
        }
    }

    /** {@code rng.beta(a, b, n)} for a > 1 and b > 1. */
    public double[] beta(double a, double b, int n) {
        double[] out = new double[n];
        for (int i = 0; i < n; i++) {
            double ga = standardGamma(a);
            double gb = standardGamma(b);
            out[i] = ga / (ga + gb);
        }
        return out;
    }

    /** {@code rng.pareto(a, n)}: expm1(E / a). */
    public double[] pareto(double a, int n) {
        double[] out = new double[n];
        for (int i = 0; i < n; i++) {
            out[i] = StrictMath.expm1(standardExponential() / a);
        }
        return out;
    }

    /** {@code rng.integers(low, high, n)} (int64, high exclusive; Lemire's method, 32-bit draws below 2^32). */
    public long[] integers(long low, long high, int n) {
        if (high <= low) {
            throw new IllegalArgumentException("high <= low");
        }
        long rng = high - 1 - low;
        long[] out = new long[n];
        for (int i = 0; i < n; i++) {
            out[i] = low + bounded(rng);
        }
        return out;
    }

    private long bounded(long rng) {
        if (rng == 0) {
            return 0;
        }
        if (Long.compareUnsigned(rng, 0xFFFFFFFFL) < 0) {
            long excl = rng + 1;
            long m = (nextInt() & 0xFFFFFFFFL) * excl;
            long leftover = m & 0xFFFFFFFFL;
            if (leftover < excl) {
                long threshold = (0xFFFFFFFFL - rng) % excl;
                while (leftover < threshold) {
                    m = (nextInt() & 0xFFFFFFFFL) * excl;
                    leftover = m & 0xFFFFFFFFL;
                }
            }
            return m >>> 32;
        }
        if (rng == 0xFFFFFFFFL) {
            return nextInt() & 0xFFFFFFFFL;
        }
        if (rng == -1L) {
            return nextLong();
        }
        long excl = rng + 1;
        long x = nextLong();
        long leftover = x * excl;
        if (Long.compareUnsigned(leftover, excl) < 0) {
            long threshold = Long.remainderUnsigned(-1L - rng, excl);
            while (Long.compareUnsigned(leftover, threshold) < 0) {
                x = nextLong();
                leftover = x * excl;
            }
        }
        return unsignedMultiplyHigh(x, excl);
    }

    /** numpy's random_interval: a value in [0, max] by masked rejection (used by shuffle). */
    private long interval(long max) {
        if (max == 0) {
            return 0;
        }
        long mask = max;
        mask |= mask >>> 1;
        mask |= mask >>> 2;
        mask |= mask >>> 4;
        mask |= mask >>> 8;
        mask |= mask >>> 16;
        mask |= mask >>> 32;
        long value;
        if (max <= 0xFFFFFFFFL) {
            while ((value = (nextInt() & 0xFFFFFFFFL) & mask) > max) {
                // rejected
            }
        } else {
            while ((value = nextLong() & mask) > max) {
                // rejected
            }
        }
        return value;
    }

    /** {@code rng.permutation(n)}: Fisher-Yates from the end, as numpy's shuffle. */
    public int[] permutation(int n) {
        int[] a = new int[n];
        for (int i = 0; i < n; i++) {
            a[i] = i;
        }
        for (int i = n - 1; i >= 1; i--) {
            int j = (int) interval(i);
            int t = a[j];
            a[j] = a[i];
            a[i] = t;
        }
        return a;
    }

    /**
     * {@code rng.choice(len(p), size=n, p=p)}: the cumulative sum of p divided by its last value, one uniform
     * per draw, and the number of cdf values at most that uniform (searchsorted, side right).
     */
    public int[] choice(double[] p, int n) {
        double[] cdf = new double[p.length];
        double s = 0;
        for (int i = 0; i < p.length; i++) {
            s += p[i];
            cdf[i] = s;
        }
        double last = cdf[cdf.length - 1];
        for (int i = 0; i < cdf.length; i++) {
            cdf[i] /= last;
        }
        int[] out = new int[n];
        for (int k = 0; k < n; k++) {
            double u = random();
            int lo = 0;
            int hi = cdf.length;
            while (lo < hi) {
                int mid = (lo + hi) >>> 1;
                if (cdf[mid] <= u) {
                    lo = mid + 1;
                } else {
                    hi = mid;
                }
            }
            out[k] = lo;
        }
        return out;
    }

    /** {@code a.sum()} of a contiguous float64 array: numpy's pairwise summation (blocks of 8, up to 128). */
    public static double sum(double[] a) {
        return 0.0 + pairwise(a, 0, a.length);
    }

    private static double pairwise(double[] a, int from, int n) {
        if (n < 8) {
            double res = 0.;
            for (int i = 0; i < n; i++) {
                res += a[from + i];
            }
            return res;
        }
        if (n <= 128) {
            double[] r = new double[8];
            System.arraycopy(a, from, r, 0, 8);
            int i;
            for (i = 8; i < n - (n % 8); i += 8) {
                for (int j = 0; j < 8; j++) {
                    r[j] += a[from + i + j];
                }
            }
            double res = ((r[0] + r[1]) + (r[2] + r[3])) + ((r[4] + r[5]) + (r[6] + r[7]));
            for (; i < n; i++) {
                res += a[from + i];
            }
            return res;
        }
        int n2 = n / 2;
        n2 -= n2 % 8;
        return pairwise(a, from, n2) + pairwise(a, from + n2, n - n2);
    }

    private static double[] doubles(long[] bits) {
        double[] out = new double[bits.length];
        for (int i = 0; i < bits.length; i++) {
            out[i] = Double.longBitsToDouble(bits[i]);
        }
        return out;
    }

    private static Map<String, long[]> readZiggurat() {
        Map<String, long[]> tables = new HashMap<>();
        try (InputStream in = NumpyRandom.class.getResourceAsStream("ziggurat.txt")) {
            if (in == null) {
                throw new IllegalStateException("ziggurat.txt missing from the class path");
            }
            BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.US_ASCII));
            String name = null;
            long[] cur = null;
            int k = 0;
            for (String line = r.readLine(); line != null; line = r.readLine()) {
                line = line.strip();
                if (line.isEmpty() || line.startsWith("#")) {
                    continue;
                }
                if (Character.isLetter(line.charAt(0)) && line.length() == 2) {
                    name = line;
                    cur = new long[256];
                    k = 0;
                    tables.put(name, cur);
                    continue;
                }
                for (String tok : line.split(" ")) {
                    cur[k++] = Long.parseUnsignedLong(tok, 16);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        for (String t : new String[] {"ki", "wi", "fi", "ke", "we", "fe"}) {
            if (!tables.containsKey(t)) {
                throw new IllegalStateException("ziggurat.txt: no table " + t);
            }
        }
        return tables;
    }
}
