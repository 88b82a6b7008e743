package io.siteplanner.gis.topojson;

import java.util.Arrays;
import java.util.List;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.CoordinateXY;

/**
 * The {@code arcs} of a topology, kept compactly: all positions in one {@code double} array (x, y, x, y,
 * ...) and the index of each arc's first position. Filled while parsing ({@link #beginArc},
 * {@link #add}), then {@link #decode decoded} once the transform is known (it may come after the arcs).
 * Not thread-safe.
 */
final class Arcs {
    private double[] xy = new double[1024];
    private int[] starts = new int[256];
    private int count;
    private int positions;

    /** Starts a new arc; the following {@link #add} calls are its positions. */
    void beginArc() {
        if (count == starts.length) {
            starts = Arrays.copyOf(starts, grow(starts.length));
        }
        starts[count++] = positions;
    }

    /** Adds a position to the current arc (quantized and delta-encoded as in the file, until decoded). */
    void add(double x, double y) {
        if (2 * positions + 2 > xy.length) {
            xy = Arrays.copyOf(xy, grow(xy.length));
        }
        xy[2 * positions] = x;
        xy[2 * positions + 1] = y;
        positions++;
    }

    private static int grow(int n) {
        if (n >= Integer.MAX_VALUE / 2 - 16) {
            throw new IllegalStateException("too many arc positions");
        }
        return n * 2;
    }

    /** Number of arcs. */
    int size() {
        return count;
    }

    /** Number of positions of arc {@code i} (0 &lt;= i &lt; {@link #size()}). */
    int length(int i) {
        return end(i) - starts[i];
    }

    private int end(int i) {
        return i + 1 < count ? starts[i + 1] : positions;
    }

    /**
     * Turns the stored positions into coordinates: with a transform, undoes the delta encoding (each
     * position after an arc's first is relative to the previous one) and applies the transform; without one
     * the positions are coordinates already.
     *
     * @return the index of the first arc with a non-finite coordinate, or -1
     */
    int decode(Transform t) {
        if (t == null) {
            return firstNonFinite();
        }
        for (int a = 0; a < count; a++) {
            double qx = 0;
            double qy = 0;
            for (int i = starts[a], e = end(a); i < e; i++) {
                qx += xy[2 * i];
                qy += xy[2 * i + 1];
                xy[2 * i] = t.x(qx);
                xy[2 * i + 1] = t.y(qy);
            }
        }
        return firstNonFinite();
    }

    private int firstNonFinite() {
        for (int a = 0; a < count; a++) {
            for (int i = starts[a], e = end(a); i < e; i++) {
                if (!Double.isFinite(xy[2 * i]) || !Double.isFinite(xy[2 * i + 1])) {
                    return a;
                }
            }
        }
        return -1;
    }

    /**
     * Appends arc {@code ref} of a decoded topology to a line: {@code ref >= 0} is arc {@code ref},
     * {@code ref < 0} is arc {@code ~ref} reversed. When the line already has positions, the arc's first
     * position (after reversal) is the junction with the previous arc and is not repeated.
     *
     * @param ref an index checked by the caller: {@code 0 <= (ref < 0 ? ~ref : ref) < size()}
     */
    void append(int ref, List<Coordinate> line) {
        boolean reversed = ref < 0;
        int a = reversed ? ~ref : ref;
        int from = starts[a];
        int to = end(a);
        boolean skipFirst = !line.isEmpty();
        if (reversed) {
            for (int i = to - 1 - (skipFirst ? 1 : 0); i >= from; i--) {
                line.add(new CoordinateXY(xy[2 * i], xy[2 * i + 1]));
            }
        } else {
            for (int i = from + (skipFirst ? 1 : 0); i < to; i++) {
                line.add(new CoordinateXY(xy[2 * i], xy[2 * i + 1]));
            }
        }
    }
}
