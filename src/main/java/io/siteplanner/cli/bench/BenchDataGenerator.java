package io.siteplanner.cli.bench;

import io.siteplanner.gis.FormatRegistry;
import io.siteplanner.gis.ReadOptions;
import io.siteplanner.gis.gpkg.GeoPackageWriter;
import io.siteplanner.model.Feature;
import io.siteplanner.model.Field;
import io.siteplanner.model.Progress;
import io.siteplanner.model.Schema;
import io.siteplanner.model.VectorLayer;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.Writer;
import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.operation.overlayng.OverlayNG;
import org.locationtech.jts.operation.overlayng.OverlayNGRobust;
import org.locationtech.jts.triangulate.VoronoiDiagramBuilder;

/**
 * The synthetic bench data set of {@code ../shared/bench/gen_data.py} (EPSG:5070, metres), in Java: for the same
 * seed and N it writes the same {@code parcels, substations, lines} {@code .csv} and every {@code .csvt} file,
 * byte for byte, without Python, numpy or shapely. {@code zones.csv} has the same ids, prices and polygons (every
 * coordinate the same double), but GEOS starts some rings at another vertex than JTS (10 of the 100 for the
 * default seed), so those rows differ in text, not once normalized. GeoPackages are written from the CSVs
 * with our own GeoPackage writer (gen_data.py uses ogr2ogr; same tables, fields and geometries, not the same
 * bytes).
 *
 * <p>Every numpy step is repeated in the same order and floating-point evaluation order: the random draws by
 * {@link NumpyRandom}, sums by numpy's pairwise summation, {@code np.round} as {@code rint(x * 10^d) / 10^d},
 * {@code "%.2f"} as exact decimal rounding (half even), shapely's Voronoi diagram and clip by JTS (of which GEOS
 * is the port) and GEOS's WKT numbers as the shortest decimal that reads back as the same double. Elementary
 * functions ({@code sin, cos, exp, log, pow, hypot}) are {@link StrictMath}'s; numpy's vectorised ones may
 * differ from them in the last bit, which after rounding to centimetres shows in no value for the default
 * seed (checked against gen_data.py with numpy 1.24.2 and shapely 1.8.5 / GEOS 3.11.1 at N = 100,000 and
 * 1,000,000). Substations, lines and zones do not depend on N.
 */
public final class BenchDataGenerator {
    /** gen_data.py's default seed. */
    public static final long DEFAULT_SEED = 20240601L;
    static final double XMIN = 400_000.0;
    static final double XMAX = 870_000.0;
    static final double YMIN = 900_000.0;
    static final double YMAX = 1_367_000.0;
    static final double ACRE_M2 = 4046.8564224;
    static final int M_SUBS = 5000;
    static final int K_LINES = 20000;
    static final int N_ZONES = 100;
    static final int[] KV = {69, 115, 138, 230, 345, 500, 765};
    static final double[] SUB_KV_SHARE = {0.30, 0.18, 0.22, 0.15, 0.08, 0.05, 0.02};
    static final double[] LINE_KV_SHARE = {0.26, 0.18, 0.22, 0.16, 0.10, 0.05, 0.03};
    static final double[] SUB_CAP_MEDIAN = {40, 90, 120, 300, 700, 1300, 2500};
    private static final double TWO_PI = 2 * Math.PI;

    private final int n;
    private final long seed;

    /** The data set of {@code gen_data.py --n n --seed seed}. */
    public BenchDataGenerator(int n, long seed) {
        if (n < 1) {
            throw new IllegalArgumentException("--n must be at least 1: " + n);
        }
        if (seed < 0) {
            throw new IllegalArgumentException("--seed must not be negative: " + seed);
        }
        this.n = n;
        this.seed = seed;
    }

    /** What was written. */
    public record Summary(Path dir, int parcels, int substationsAvail300, int lines345) {
    }

    /**
     * Writes {@code out/n<N>/{parcels,substations,lines,zones}.{csv,csvt}} and, when {@code gpkg}, the
     * {@code .gpkg} of each (replacing existing files).
     */
    public Summary write(Path out, boolean gpkg, Progress progress) throws IOException {
        Path d = out.resolve("n" + n);
        Files.createDirectories(d);
        NumpyRandom[] r = NumpyRandom.spawn(seed, 5);
        progress.update(0.0, "substations");
        Metros m = metros(r[0]);
        Substations s = substations(r[1], m);
        try (Writer w = csv(d, "substations", "sub_id,kv,cap_mw,avail_mw,wkt", "\"Integer\",\"Integer\",\"Real\",\"Real\",\"WKT\"")) {
            StringBuilder b = new StringBuilder(64);
            for (int i = 0; i < M_SUBS; i++) {
                b.setLength(0);
                b.append(i + 1).append(',').append(s.kv[i]).append(',').append(fixed(s.cap[i], 1)).append(',')
                        .append(fixed(s.avail[i], 1)).append(",POINT (").append(fixed(s.x[i], 2)).append(' ')
                        .append(fixed(s.y[i], 2)).append(")\n");
                w.append(b);
            }
        }
        progress.checkCancelled();
        progress.update(0.05, "lines");
        int lines345 = lines(r[2], s, d);
        progress.checkCancelled();
        progress.update(0.15, "zones");
        zones(r[3], d);
        progress.update(0.2, "parcels");
        parcels(r[4], m, d, progress);
        int avail300 = 0;
        for (double a : s.avail) {
            if (a >= 300) {
                avail300++;
            }
        }
        if (gpkg) {
            String[][] layers = {{"substations", "substations"}, {"lines", "lines"}, {"zones", "zones"},
                    {"parcels", "parcels"}};
            for (int i = 0; i < layers.length; i++) {
                progress.checkCancelled();
                progress.update(0.6 + 0.1 * i, "GeoPackage " + layers[i][0]);
                toGpkg(d.resolve(layers[i][0] + ".csv"), layers[i][1]);
            }
        }
        progress.update(1.0, "done");
        return new Summary(d, n, avail300, lines345);
    }

    private static void toGpkg(Path csv, String table) throws IOException {
        VectorLayer read = FormatRegistry.standard().readVector(csv, ReadOptions.DEFAULT.withCrs("EPSG:5070"),
                Progress.NONE);
        // the geometry column is not kept as a text attribute (ogr2ogr -oo KEEP_GEOM_COLUMNS=NO)
        int wkt = read.schema().indexOf("wkt");
        VectorLayer layer = wkt < 0 ? read : withoutField(read, wkt);
        Path gpkg = csv.resolveSibling(table + ".gpkg");
        Files.deleteIfExists(gpkg);
        try (GeoPackageWriter w = GeoPackageWriter.create(gpkg)) {
            w.writeFeatures(table, layer, "bench data (gen_data.py layout)", Progress.NONE);
            w.commit();
        }
    }

    private static VectorLayer withoutField(VectorLayer read, int index) {
        List<Field> fields = new ArrayList<>(read.schema().fields());
        fields.remove(index);
        List<Feature> features = new ArrayList<>(read.size());
        for (Feature f : read.features()) {
            Object[] v = new Object[fields.size()];
            for (int i = 0, j = 0; i < f.valueCount(); i++) {
                if (i != index) {
                    v[j++] = f.value(i);
                }
            }
            features.add(new Feature(f.fid(), f.geometry(), v));
        }
        return read.toBuilder().schema(new Schema(fields)).features(features).build();
    }

    private static Writer csv(Path d, String layer, String header, String csvt) throws IOException {
        Files.writeString(d.resolve(layer + ".csvt"), csvt + "\n", StandardCharsets.UTF_8);
        BufferedWriter w = Files.newBufferedWriter(d.resolve(layer + ".csv"), StandardCharsets.UTF_8);
        w.write(header);
        w.write('\n');
        return w;
    }

    // ---- layers, as gen_data.py ----

    private record Metros(double[] x, double[] y, double[] w, double[] sigma) {
    }

    static Metros metros(NumpyRandom rng) {
        int k = 60;
        double[] x = rng.uniform(XMIN + 20e3, XMAX - 20e3, k);
        double[] y = rng.uniform(YMIN + 20e3, YMAX - 20e3, k);
        double[] w = new double[k];
        for (int i = 0; i < k; i++) {
            w[i] = 1.0 / StrictMath.pow(i + 1, 0.9);
        }
        double sum = NumpyRandom.sum(w);
        double max = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < k; i++) {
            w[i] /= sum;
            max = Math.max(max, w[i]);
        }
        double[] sigma = new double[k];
        for (int i = 0; i < k; i++) {
            sigma[i] = 6e3 + 30e3 * Math.sqrt(w[i] / max);
        }
        return new Metros(x, y, w, sigma);
    }

    private static double clip(double v, double lo, double hi) {
        return Math.min(Math.max(v, lo), hi);
    }

    private record Substations(double[] x, double[] y, int[] kv, double[] cap, double[] avail) {
    }

    static Substations substations(NumpyRandom rng, Metros m) {
        int nc = (int) (M_SUBS * 0.6);
        int[] mi = rng.choice(m.w, nc);
        double[] z = rng.standardNormal(2 * nc);
        double[] ux = rng.uniform(XMIN, XMAX, M_SUBS - nc);
        double[] uy = rng.uniform(YMIN, YMAX, M_SUBS - nc);
        double[] x0 = new double[M_SUBS];
        double[] y0 = new double[M_SUBS];
        for (int i = 0; i < nc; i++) {
            x0[i] = m.x[mi[i]] + z[2 * i] * m.sigma[mi[i]];
            y0[i] = m.y[mi[i]] + z[2 * i + 1] * m.sigma[mi[i]];
        }
        for (int i = nc; i < M_SUBS; i++) {
            x0[i] = ux[i - nc];
            y0[i] = uy[i - nc];
        }
        for (int i = 0; i < M_SUBS; i++) {
            x0[i] = clip(x0[i], XMIN + 500.0, XMAX - 500.0);
            y0[i] = clip(y0[i], YMIN + 500.0, YMAX - 500.0);
        }
        int[] perm = rng.permutation(M_SUBS);
        double[] x = new double[M_SUBS];
        double[] y = new double[M_SUBS];
        for (int i = 0; i < M_SUBS; i++) {
            x[i] = x0[perm[i]];
            y[i] = y0[perm[i]];
        }
        int[] kvi = rng.choice(SUB_KV_SHARE, M_SUBS);
        double[] e = rng.normal(0, 0.35, M_SUBS);
        double[] cap = new double[M_SUBS];
        int[] kv = new int[M_SUBS];
        for (int i = 0; i < M_SUBS; i++) {
            kv[i] = KV[kvi[i]];
            cap[i] = round(SUB_CAP_MEDIAN[kvi[i]] * StrictMath.exp(e[i]), 10.0);
        }
        double[] beta = rng.beta(2.0, 5.0, M_SUBS);
        double[] avail = new double[M_SUBS];
        for (int i = 0; i < M_SUBS; i++) {
            avail[i] = round(cap[i] * beta[i], 10.0);
        }
        return new Substations(x, y, kv, cap, avail);
    }

    /** Writes lines.csv; returns the number of lines of 345 kV or more. */
    static int lines(NumpyRandom rng, Substations s, Path d) throws IOException {
        int[] kvi = rng.choice(LINE_KV_SHARE, K_LINES);
        int[] starts = new int[K_LINES];
        int[] ends = new int[K_LINES];
        for (int k = 0; k < KV.length; k++) {
            int[] sel = indicesOf(kvi, k);
            int[] pool = new int[M_SUBS];
            int np = 0;
            for (int i = 0; i < M_SUBS; i++) {
                if (s.kv[i] >= KV[k]) {
                    pool[np++] = i;
                }
            }
            pool = Arrays.copyOf(pool, np);
            long[] ai = rng.integers(0, np, sel.length);
            long[] j = rng.integers(1, 5, sel.length);
            for (int t = 0; t < sel.length; t++) {
                int a = pool[(int) ai[t]];
                starts[sel[t]] = a;
                ends[sel[t]] = pool[nthNearest(s, a, pool, (int) j[t])];
            }
        }
        long[] nint = rng.integers(2, 9, K_LINES);
        String[] out = new String[K_LINES];
        for (int nv = 2; nv <= 8; nv++) {
            int[] idx = indicesOf(nint, nv);
            int m = idx.length;
            if (m == 0) {
                continue;
            }
            int np = nv + 2;
            double[] t = new double[np];
            double tstep = 1.0 / (np - 1);
            for (int c = 0; c < np; c++) {
                t[c] = c * tstep + 0.0;
            }
            t[np - 1] = 1.0;
            double[] sinT = new double[np];
            for (int c = 0; c < np; c++) {
                sinT[c] = StrictMath.sin(Math.PI * t[c]);
            }
            double[] bow0 = rng.normal(0, 0.04, m);
            double[] jit = rng.normal(0, 0.012, m * np);
            double[] px = new double[np];
            double[] py = new double[np];
            StringBuilder b = new StringBuilder(256);
            for (int r = 0; r < m; r++) {
                int i = idx[r];
                double p0x = s.x[starts[i]];
                double p0y = s.y[starts[i]];
                double cx = s.x[ends[i]] - p0x;
                double cy = s.y[ends[i]] - p0y;
                double length = StrictMath.hypot(cx, cy);
                double div = Math.max(length, 1.0);
                double nx = -cy / div;
                double ny = cx / div;
                for (int c = 0; c < np; c++) {
                    double jt = c == 0 || c == np - 1 ? 0.0 : jit[r * np + c];
                    double off = (bow0[r] * sinT[c] + jt) * length;
                    px[c] = (p0x + t[c] * cx) + off * nx;
                    py[c] = (p0y + t[c] * cy) + off * ny;
                }
                b.setLength(0);
                coords(b, px, py, np);
                out[i] = b.toString();
            }
        }
        int n345 = 0;
        try (Writer w = csv(d, "lines", "line_id,kv,wkt", "\"Integer\",\"Integer\",\"WKT\"")) {
            for (int i = 0; i < K_LINES; i++) {
                int kv = KV[kvi[i]];
                if (kv >= 345) {
                    n345++;
                }
                w.append(Integer.toString(i + 1)).append(',').append(Integer.toString(kv)).append(",\"LINESTRING (")
                        .append(out[i]).append(")\"\n");
            }
        }
        return n345;
    }

    /**
     * The pool index of the {@code j}-th nearest pool substation to substation {@code a} (0 = nearest), by squared
     * distance as numpy computes it; an exact tie at that position (numpy's unstable argsort would decide) fails.
     */
    private static int nthNearest(Substations s, int a, int[] pool, int j) {
        int keep = j + 2;
        double[] bestD = new double[keep];
        int[] bestI = new int[keep];
        Arrays.fill(bestD, Double.POSITIVE_INFINITY);
        Arrays.fill(bestI, -1);
        double ax = s.x[a];
        double ay = s.y[a];
        for (int p = 0; p < pool.length; p++) {
            double dx = ax - s.x[pool[p]];
            double dy = ay - s.y[pool[p]];
            double d2 = dx * dx + dy * dy;
            if (d2 < bestD[keep - 1] || (d2 == bestD[keep - 1] && bestI[keep - 1] < 0)) {
                int q = keep - 1;
                while (q > 0 && bestD[q - 1] > d2) {
                    bestD[q] = bestD[q - 1];
                    bestI[q] = bestI[q - 1];
                    q--;
                }
                bestD[q] = d2;
                bestI[q] = p;
            }
        }
        if (bestD[j] == bestD[j - 1] || bestD[j] == bestD[j + 1]) {
            throw new IllegalStateException("two substations at the same distance from substation " + (a + 1)
                    + ": numpy's argsort order is not reproduced for this seed");
        }
        return bestI[j];
    }

    /** Positions of {@code value} in {@code v}, ascending (numpy's {@code nonzero(v == value)}). */
    private static int[] indicesOf(int[] v, int value) {
        return java.util.stream.IntStream.range(0, v.length).filter(i -> v[i] == value).toArray();
    }

    private static int[] indicesOf(long[] v, long value) {
        return java.util.stream.IntStream.range(0, v.length).filter(i -> v[i] == value).toArray();
    }

    static void zones(NumpyRandom rng, Path d) throws IOException {
        double[] sx = rng.uniform(XMIN, XMAX, N_ZONES);
        double[] sy = rng.uniform(YMIN, YMAX, N_ZONES);
        GeometryFactory gf = new GeometryFactory();
        Geometry region = gf.toGeometry(new Envelope(XMIN, XMAX, YMIN, YMAX));
        List<Coordinate> sites = new ArrayList<>();
        for (int i = 0; i < N_ZONES; i++) {
            sites.add(new Coordinate(sx[i], sy[i]));
        }
        // GEOS 3.11 (shapely 1.8's voronoi_diagram with an envelope): the cells clipped to the sites' envelope
        // grown by its larger side and extended to the given envelope, with OverlayNG; then gen_data.py
        // intersects each cell with the region
        VoronoiDiagramBuilder vb = new VoronoiDiagramBuilder();
        vb.setSites(sites);
        Geometry raw = vb.getSubdivision().getVoronoiDiagram(gf);
        Envelope siteEnv = new Envelope();
        sites.forEach(siteEnv::expandToInclude);
        Envelope diagramEnv = new Envelope(siteEnv);
        diagramEnv.expandBy(Math.max(siteEnv.getWidth(), siteEnv.getHeight()));
        diagramEnv.expandToInclude(region.getEnvelopeInternal());
        Geometry clipPoly = gf.toGeometry(diagramEnv);
        Geometry[] polys = new Geometry[N_ZONES];
        for (int c = 0; c < raw.getNumGeometries(); c++) {
            Geometry g = raw.getGeometryN(c);
            if (!diagramEnv.contains(g.getEnvelopeInternal())) {
                g = OverlayNGRobust.overlay(clipPoly, g, OverlayNG.INTERSECTION);
            }
            Geometry cell = OverlayNGRobust.overlay(g, region, OverlayNG.INTERSECTION);
            for (int i = 0; i < N_ZONES; i++) {
                if (polys[i] == null && cell.contains(gf.createPoint(new Coordinate(sx[i], sy[i])))) {
                    polys[i] = cell;
                    break;
                }
            }
        }
        for (int i = 0; i < N_ZONES; i++) {
            if (!(polys[i] instanceof Polygon)) {
                throw new IllegalStateException("voronoi cell/seed matching failed for zone " + (i + 1));
            }
        }
        double[] noise = rng.normal(0, 8, N_ZONES);
        try (Writer w = csv(d, "zones", "zone_id,price_usd_mwh,wkt", "\"Integer\",\"Real\",\"WKT\"")) {
            for (int i = 0; i < N_ZONES; i++) {
                double xn = (sx[i] - XMIN) / (XMAX - XMIN);
                double yn = (sy[i] - YMIN) / (YMAX - YMIN);
                double price = ((38 + 30 * xn) + 10 * StrictMath.sin(3.1 * yn)) + noise[i];
                price = round(clip(price, 25, 90), 100.0);
                w.append(Integer.toString(i + 1)).append(',').append(fixed(price, 2)).append(",\"")
                        .append(wkt((Polygon) polys[i])).append("\"\n");
            }
        }
    }

    void parcels(NumpyRandom rng, Metros mt, Path d, Progress progress) throws IOException {
        int nHubs = 3000;
        int[] hm = rng.choice(mt.w, nHubs);
        double[] coin = rng.random(nHubs);
        double[] z = rng.standardNormal(2 * nHubs);
        double[] ux = rng.uniform(XMIN, XMAX, nHubs);
        double[] uy = rng.uniform(YMIN, YMAX, nHubs);
        double[] hx = new double[nHubs];
        double[] hy = new double[nHubs];
        for (int i = 0; i < nHubs; i++) {
            if (coin[i] < 0.5) {
                hx[i] = mt.x[hm[i]] + z[2 * i] * mt.sigma[hm[i]] * 1.5;
                hy[i] = mt.y[hm[i]] + z[2 * i + 1] * mt.sigma[hm[i]] * 1.5;
            } else {
                hx[i] = ux[i];
                hy[i] = uy[i];
            }
        }
        double[] hubW = rng.pareto(1.2, nHubs);
        for (int i = 0; i < nHubs; i++) {
            hubW[i] += 1.0;
        }
        double sum = NumpyRandom.sum(hubW);
        for (int i = 0; i < nHubs; i++) {
            hubW[i] /= sum;
        }
        double[] hubSig = rng.uniform(1.5e3, 9e3, nHubs);
        double[] clustered = rng.random(n);
        int[] h = rng.choice(hubW, n);
        double[] cz = rng.standardNormal(2 * n);
        double[] pux = rng.uniform(XMIN, XMAX, n);
        double[] puy = rng.uniform(YMIN, YMAX, n);
        double[] cx = new double[n];
        double[] cy = new double[n];
        for (int i = 0; i < n; i++) {
            double x;
            double y;
            if (clustered[i] < 0.75) {
                x = hx[h[i]] + cz[2 * i] * hubSig[h[i]];
                y = hy[h[i]] + cz[2 * i + 1] * hubSig[h[i]];
            } else {
                x = pux[i];
                y = puy[i];
            }
            cx[i] = clip(x, XMIN + 5000.0, XMAX - 5000.0);
            cy[i] = clip(y, YMIN + 5000.0, YMAX - 5000.0);
        }
        h = null;
        cz = null;
        pux = null;
        puy = null;
        clustered = null;
        double[] acres = rng.standardNormal(n);
        double log30 = StrictMath.log(30.0);
        for (int i = 0; i < n; i++) {
            acres[i] = clip(StrictMath.exp(log30 + 1.2 * acres[i]), 5.0, 3000.0);
        }
        int[] nv = rng.choice(new double[] {0.5, 0.2, 0.15, 0.1, 0.05}, n);
        double[] rot = rng.uniform(0, TWO_PI, n);
        double[] elong = rng.uniform(1.0, 2.5, n);
        String[] out = new String[n];
        for (int k = 4; k <= 8; k++) {
            progress.checkCancelled();
            progress.update(0.2 + 0.06 * (k - 4), "parcels with " + k + " vertices");
            int[] idx = indicesOf(nv, k - 4);
            int m = idx.length;
            if (m == 0) {
                continue;
            }
            double step = TWO_PI / k;
            double[] u = rng.uniform(-0.35, 0.35, m * k);
            double[] rad = rng.uniform(0.75, 1.25, m * k);
            double[] xr = new double[k];
            double[] yr = new double[k];
            double[] terms = new double[k];
            double[] px = new double[k + 1];
            double[] py = new double[k + 1];
            StringBuilder b = new StringBuilder(256);
            for (int r = 0; r < m; r++) {
                int i = idx[r];
                double el = elong[i];
                double c = StrictMath.cos(rot[i]);
                double s = StrictMath.sin(rot[i]);
                for (int q = 0; q < k; q++) {
                    double ang = q * step + u[r * k + q] * step;
                    double x = rad[r * k + q] * StrictMath.cos(ang) * el;
                    double y = rad[r * k + q] * StrictMath.sin(ang) / el;
                    xr[q] = x * c - y * s;
                    yr[q] = x * s + y * c;
                }
                for (int q = 0; q < k; q++) {
                    int q1 = (q + 1) % k;
                    terms[q] = xr[q] * yr[q1] - xr[q1] * yr[q];
                }
                double a0 = 0.5 * Math.abs(NumpyRandom.sum(terms));
                double scale = Math.sqrt(acres[i] * ACRE_M2 / a0);
                for (int q = 0; q < k; q++) {
                    px[q] = cx[i] + xr[q] * scale;
                    py[q] = cy[i] + yr[q] * scale;
                }
                px[k] = px[0];
                py[k] = py[0];
                b.setLength(0);
                coords(b, px, py, k + 1);
                out[i] = b.toString();
            }
        }
        try (Writer w = csv(d, "parcels", "parcel_id,wkt", "\"Integer\",\"WKT\"")) {
            for (int i = 0; i < n; i++) {
                w.append(Integer.toString(i + 1)).append(",\"POLYGON ((").append(out[i]).append("))\"\n");
            }
        }
    }

    // ---- numbers as numpy and Python print them ----

    /** {@code np.round(v, d)} with {@code scale = 10^d}: rint(v * scale) / scale. */
    static double round(double v, double scale) {
        return Math.rint(v * scale) / scale;
    }

    /** {@code fmt_rows}: {@code np.round(v, 2)} printed {@code "%.2f %.2f"}, joined by commas. */
    private static void coords(StringBuilder b, double[] x, double[] y, int count) {
        for (int c = 0; c < count; c++) {
            if (c > 0) {
                b.append(',');
            }
            cents(b, Math.rint(x[c] * 100.0));
            b.append(' ');
            cents(b, Math.rint(y[c] * 100.0));
        }
    }

    /**
     * {@code "%.2f" % (k / 100.0)} for an integral k: the double nearest k/100 prints as k/100, so integer
     * arithmetic gives the same text.
     */
    private static void cents(StringBuilder b, double k) {
        if (Math.abs(k) >= 0x1.0p52) {
            b.append(fixed(k / 100.0, 2));
            return;
        }
        long v = (long) k;
        if (v < 0 || (v == 0 && 1 / k < 0)) {
            b.append('-');
            v = -v;
        }
        b.append(v / 100).append('.');
        long c = v % 100;
        if (c < 10) {
            b.append('0');
        }
        b.append(c);
    }

    /** Python's {@code "%.<d>f" % v}: the exact binary value rounded half-even to d decimals. */
    static String fixed(double v, int decimals) {
        String s = new BigDecimal(v).setScale(decimals, RoundingMode.HALF_EVEN).toPlainString();
        return v < 0 || (v == 0 && 1 / v < 0) ? (s.startsWith("-") ? s : "-" + s) : s;
    }

    /** GEOS's WKT number: the shortest decimal that reads back as v, without exponent or trailing zeros. */
    static String shortest(double v) {
        if (v == Math.rint(v) && Math.abs(v) < 1e15) {
            return Long.toString((long) v);
        }
        BigDecimal exact = new BigDecimal(v);
        for (int p = 1; p <= 17; p++) {
            BigDecimal r = exact.round(new MathContext(p, RoundingMode.HALF_EVEN));
            if (r.doubleValue() == v) {
                return r.stripTrailingZeros().toPlainString();
            }
        }
        return exact.round(MathContext.DECIMAL64).stripTrailingZeros().toPlainString();
    }

    /** shapely 1.8's {@code polygon.wkt} (GEOS 3.11 WKTWriter, trimmed) for a polygon. */
    static String wkt(Polygon p) {
        StringBuilder b = new StringBuilder("POLYGON (");
        for (int r = 0; r <= p.getNumInteriorRing(); r++) {
            if (r > 0) {
                b.append(", ");
            }
            Coordinate[] cs = (r == 0 ? p.getExteriorRing() : p.getInteriorRingN(r - 1)).getCoordinates();
            b.append('(');
            for (int i = 0; i < cs.length; i++) {
                if (i > 0) {
                    b.append(", ");
                }
                b.append(shortest(cs[i].x)).append(' ').append(shortest(cs[i].y));
            }
            b.append(')');
        }
        return b.append(')').toString();
    }
}
