package io.siteplanner.scoring.spatial;

/** Exact planar distance primitives on primitive doubles (squared distances, no allocation). */
public final class Geom {
    private Geom() {
    }

    /** Squared distance from point p to segment a-b (a == b allowed). */
    public static double pointSegSq(double px, double py, double ax, double ay, double bx, double by) {
        double dx = bx - ax;
        double dy = by - ay;
        double len2 = dx * dx + dy * dy;
        if (len2 == 0) {
            double ex = px - ax;
            double ey = py - ay;
            return ex * ex + ey * ey;
        }
        double r = ((px - ax) * dx + (py - ay) * dy) / len2;
        if (r <= 0) {
            double ex = px - ax;
            double ey = py - ay;
            return ex * ex + ey * ey;
        }
        if (r >= 1) {
            double ex = px - bx;
            double ey = py - by;
            return ex * ex + ey * ey;
        }
        double s = ((ay - py) * dx - (ax - px) * dy) / len2;
        return s * s * len2;
    }

    /** Squared distance between segments p1-p2 and q1-q2 (0 when they intersect). */
    public static double segSegSq(double p1x, double p1y, double p2x, double p2y, double q1x, double q1y,
            double q2x, double q2y) {
        double o1 = orient(p1x, p1y, p2x, p2y, q1x, q1y);
        double o2 = orient(p1x, p1y, p2x, p2y, q2x, q2y);
        if ((o1 > 0 && o2 < 0) || (o1 < 0 && o2 > 0)) {
            double o3 = orient(q1x, q1y, q2x, q2y, p1x, p1y);
            double o4 = orient(q1x, q1y, q2x, q2y, p2x, p2y);
            if ((o3 > 0 && o4 < 0) || (o3 < 0 && o4 > 0)) {
                return 0;
            }
        }
        double d = pointSegSq(p1x, p1y, q1x, q1y, q2x, q2y);
        double e = pointSegSq(p2x, p2y, q1x, q1y, q2x, q2y);
        if (e < d) {
            d = e;
        }
        e = pointSegSq(q1x, q1y, p1x, p1y, p2x, p2y);
        if (e < d) {
            d = e;
        }
        e = pointSegSq(q2x, q2y, p1x, p1y, p2x, p2y);
        return e < d ? e : d;
    }

    private static double orient(double ax, double ay, double bx, double by, double cx, double cy) {
        return (bx - ax) * (cy - ay) - (by - ay) * (cx - ax);
    }

    /** Squared distance between two boxes (0 when they overlap). */
    public static double boxSq(double aMinX, double aMinY, double aMaxX, double aMaxY, double bMinX, double bMinY,
            double bMaxX, double bMaxY) {
        double dx = bMinX > aMaxX ? bMinX - aMaxX : aMinX > bMaxX ? aMinX - bMaxX : 0;
        double dy = bMinY > aMaxY ? bMinY - aMaxY : aMinY > bMaxY ? aMinY - bMaxY : 0;
        return dx * dx + dy * dy;
    }

    /**
     * Lower bound (exact for disjoint shapes) of the squared distance between segment a-b and a box known
     * not to overlap the segment's box: the nearest pair involves a segment end point or a box corner.
     */
    public static double segBoxSq(double ax, double ay, double bx, double by, double minX, double minY, double maxX,
            double maxY) {
        double d = pointBoxSq(ax, ay, minX, minY, maxX, maxY);
        double e = pointBoxSq(bx, by, minX, minY, maxX, maxY);
        if (e < d) {
            d = e;
        }
        e = pointSegSq(minX, minY, ax, ay, bx, by);
        if (e < d) {
            d = e;
        }
        e = pointSegSq(maxX, minY, ax, ay, bx, by);
        if (e < d) {
            d = e;
        }
        e = pointSegSq(minX, maxY, ax, ay, bx, by);
        if (e < d) {
            d = e;
        }
        e = pointSegSq(maxX, maxY, ax, ay, bx, by);
        return e < d ? e : d;
    }

    /** Squared distance from a point to a box (0 inside). */
    public static double pointBoxSq(double x, double y, double minX, double minY, double maxX, double maxY) {
        double dx = x < minX ? minX - x : x > maxX ? x - maxX : 0;
        double dy = y < minY ? minY - y : y > maxY ? y - maxY : 0;
        return dx * dx + dy * dy;
    }
}
