package io.siteplanner.scoring;

import io.siteplanner.gis.Crs;
import io.siteplanner.gis.preset.FieldRole;
import io.siteplanner.gis.preset.Preset;
import io.siteplanner.gis.preset.Presets;
import io.siteplanner.gis.preset.Theme;
import io.siteplanner.model.Feature;
import io.siteplanner.model.Field;
import io.siteplanner.model.FieldType;
import io.siteplanner.model.Layer;
import io.siteplanner.model.Progress;
import io.siteplanner.model.Schema;
import io.siteplanner.model.VectorLayer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.LineString;
import org.locationtech.jts.index.strtree.STRtree;

/**
 * Estimated substation capacity for layers that have none (HIFLD substations, OpenStreetMap nodes), from
 * the lines that end at each substation: half the sum of those lines' capacities by voltage
 * ({@link GridModel#lineCapacityMw}; NREL reV's rule, DESIGN.md section 5). The result is an estimate and is
 * labelled as one: the field is {@value Preset#CAPACITY_ESTIMATE}, with {@code cap_lines} (the number of
 * lines counted) and a warning on the layer carrying {@link Preset#CAPACITY_ESTIMATE_NOTE}.
 *
 * <p>Which lines end at a substation, best evidence first: node ids (OpenStreetMap lines carry the ids of
 * their end nodes, {@code v_id_1}/{@code v_id_2}, unique within {@code region_file}); substation names
 * (HIFLD lines name their end substations in SUB_1/SUB_2: the substation of that name nearest to an end of
 * the line, within the name tolerance); otherwise the substation nearest to each end of the line within
 * the snap tolerance. A line counts once per substation (a loop back to the same one counts once), lines of
 * unknown voltage add nothing, and a substation reached only by such lines has an unknown (empty)
 * capacity, not 0. O((n + m) log n) for n substations and m lines. Stateless.
 */
public final class SubstationCapacity {
    /** Default distance within which a line end snaps to a substation, metres. */
    public static final double DEFAULT_SNAP_M = 500;
    /** Name of the field counting the lines used. */
    public static final String LINES_FIELD = "cap_lines";

    /** How lines were matched to substations. */
    public enum Method {
        NODE_IDS("node ids"), NAMES("end-substation names, else ends within the snap tolerance"),
        SNAP("line ends within the snap tolerance");

        private final String words;

        Method(String words) {
            this.words = words;
        }

        public String words() {
            return words;
        }
    }

    /**
     * @param layer       the substations with {@value Preset#CAPACITY_ESTIMATE} (REAL, MW, empty when unknown)
     *                    and {@value #LINES_FIELD} (INTEGER) appended, and a warning saying it is an estimate
     * @param method      how lines were matched
     * @param estimated   substations with an estimate (at least one connected line of known voltage)
     * @param linesUsed   lines of known voltage matched to at least one substation
     * @param linesUnknownVoltage lines skipped for an unknown voltage
     * @param totalMw     sum of the estimates, MW
     */
    public record Result(VectorLayer layer, Method method, int estimated, int linesUsed, int linesUnknownVoltage,
            double totalMw) {
        /** One line for the user (also the layer's warning). */
        public String summary() {
            return SubstationCapacity.summary(method, estimated, layer.size(), linesUsed, linesUnknownVoltage);
        }
    }

    static String summary(Method method, int estimated, int substations, int linesUsed, int unknown) {
        return String.format(Locale.ROOT, "%s estimated for %,d of %,d substations from %,d lines (%s)%s; %s",
                Preset.CAPACITY_ESTIMATE, estimated, substations, linesUsed, method.words(),
                unknown > 0 ? String.format(Locale.ROOT, ", %,d lines of unknown voltage skipped", unknown) : "",
                Preset.CAPACITY_ESTIMATE_NOTE);
    }

    private SubstationCapacity() {
    }

    /** {@link #estimate(VectorLayer, VectorLayer, double)} with the default snap tolerance. */
    public static Result estimate(VectorLayer substations, VectorLayer lines) {
        return estimate(substations, lines, DEFAULT_SNAP_M);
    }

    /**
     * Estimates capacities. Both layers are prepared by their presets first (no-data voltages read as
     * empty, OSM {@code max_kv} derived); the lines are reprojected to the substations' CRS when they
     * differ. Distances are metres: planar in a projected CRS, great-circle in a geographic one.
     *
     * @param snapM how far from a substation a line end may be and still end there, metres (&gt; 0)
     * @throws IllegalArgumentException when the lines have no voltage field or snapM is not positive
     */
    public static Result estimate(VectorLayer substations, VectorLayer lines, double snapM) {
        if (!(snapM > 0)) {
            throw new IllegalArgumentException("snap tolerance must be > 0 m: " + snapM);
        }
        Optional<Preset> sp = Presets.detect(substations);
        Optional<Preset> lp = Presets.detect(lines);
        VectorLayer subs = Presets.prepare(substations);
        VectorLayer ls = Presets.prepare(lines);
        if (ls.crs() != null && subs.crs() != null && !org.geotools.referencing.CRS.equalsIgnoreMetadata(ls.crs(),
                subs.crs())) {
            ls = Crs.reproject(ls, subs.crs(), Progress.NONE);
        }
        String kvField = lp.map(p -> p.fieldName(FieldRole.VOLTAGE_KV)).orElse(null);
        if (kvField == null) {
            kvField = firstNumeric(ls, "kv", "max_kv", "voltage_kv", "VOLTAGE");
        }
        if (kvField == null || ls.schema().indexOf(kvField) < 0) {
            throw new IllegalArgumentException(lines.name() + ": no voltage field (fields: "
                    + String.join(", ", lines.schema().names()) + ")");
        }
        boolean geographic = subs.crs() != null && Crs.isGeographic(subs.crs());
        Matcher m = new Matcher(subs, geographic);
        int kvi = ls.schema().indexOf(kvField);
        Method method = Method.SNAP;
        int e1 = -1;
        int e2 = -1;
        int lineGroup = -1;
        Map<String, Integer> byId = null;
        Map<String, List<Integer>> byName = null;
        if (sp.isPresent() && lp.isPresent()) {
            String l1 = lp.get().fieldName(FieldRole.LINE_END_1);
            String l2 = lp.get().fieldName(FieldRole.LINE_END_2);
            String nodeId = sp.get().fieldName(FieldRole.NODE_ID);
            String subName = sp.get().fieldName(FieldRole.NAME);
            if (l1 != null && l2 != null) {
                e1 = ls.schema().indexOf(l1);
                e2 = ls.schema().indexOf(l2);
                if (nodeId != null && lp.get().id().startsWith("osm") && sp.get().id().startsWith("osm")) {
                    method = Method.NODE_IDS;
                    String sg = sp.get().fieldName(FieldRole.NODE_GROUP);
                    String lg = lp.get().fieldName(FieldRole.NODE_GROUP);
                    int sgi = sg == null || lg == null ? -1 : subs.schema().indexOf(sg);
                    lineGroup = sgi < 0 ? -1 : ls.schema().indexOf(lg);
                    byId = new HashMap<>();
                    int ni = subs.schema().indexOf(nodeId);
                    for (int i = 0; i < subs.size(); i++) {
                        Object id = subs.get(i).value(ni);
                        if (id != null) {
                            byId.putIfAbsent(key(sgi < 0 ? null : subs.get(i).value(sgi), id), i);
                        }
                    }
                } else if (subName != null && !lp.get().id().startsWith("osm")) {
                    method = Method.NAMES;
                    byName = new HashMap<>();
                    int ni = subs.schema().indexOf(subName);
                    for (int i = 0; i < subs.size(); i++) {
                        Object n = subs.get(i).value(ni);
                        if (n != null) {
                            byName.computeIfAbsent(norm(n), k -> new ArrayList<>()).add(i);
                        }
                    }
                }
            }
        }
        double nameTolM = Math.max(snapM, 2000);
        double[] sum = new double[subs.size()];
        int[] count = new int[subs.size()];
        int used = 0;
        int unknown = 0;
        for (Feature f : ls.features()) {
            Geometry g = f.geometry();
            if (g == null || g.isEmpty()) {
                continue;
            }
            double cap = GridModel.lineCapacityMw(f.number(kvi));
            if (Double.isNaN(cap)) {
                unknown++;
                continue;
            }
            Set<Integer> ends = new LinkedHashSet<>();
            if (method == Method.NODE_IDS) {
                Object grp = lineGroup < 0 ? null : f.value(lineGroup);
                for (int e : new int[] {e1, e2}) {
                    Object id = f.value(e);
                    Integer s = id == null ? null : byId.get(key(grp, id));
                    if (s != null) {
                        ends.add(s);
                    }
                }
            } else {
                Coordinate[] pts = endPoints(g);
                boolean[] claimed = new boolean[pts.length];
                if (method == Method.NAMES) {
                    for (int e : new int[] {e1, e2}) {
                        Object n = f.value(e);
                        List<Integer> cands = n == null ? null : byName.get(norm(n));
                        if (cands == null) {
                            continue;
                        }
                        int best = -1;
                        int bestEnd = -1;
                        double bestD = Double.POSITIVE_INFINITY;
                        for (int c : cands) {
                            for (int k = 0; k < pts.length; k++) {
                                double d = m.distance(c, pts[k]);
                                if (d < bestD) {
                                    bestD = d;
                                    best = c;
                                    bestEnd = k;
                                }
                            }
                        }
                        if (best >= 0 && bestD <= nameTolM) {
                            ends.add(best);
                            claimed[bestEnd] = true;
                        }
                    }
                }
                for (int k = 0; k < pts.length; k++) {
                    if (!claimed[k]) {
                        int s = m.nearest(pts[k], snapM);
                        if (s >= 0) {
                            ends.add(s);
                        }
                    }
                }
            }
            if (!ends.isEmpty()) {
                used++;
            }
            for (int s : ends) {
                sum[s] += cap;
                count[s]++;
            }
        }
        List<Field> fields = new ArrayList<>(substations.schema().fields());
        fields.add(new Field(Preset.CAPACITY_ESTIMATE, FieldType.REAL));
        fields.add(new Field(LINES_FIELD, FieldType.INTEGER));
        List<Feature> out = new ArrayList<>(substations.size());
        int estimated = 0;
        double total = 0;
        for (int i = 0; i < substations.size(); i++) {
            Double cap = count[i] == 0 ? null : sum[i] / 2;
            if (cap != null) {
                estimated++;
                total += cap;
            }
            out.add(substations.get(i).withExtraValues(new Object[] {cap, (long) count[i]}));
        }
        VectorLayer layer = substations.toBuilder().schema(new Schema(fields)).features(out)
                .warn(summary(method, estimated, substations.size(), used, unknown)).build();
        return new Result(layer, method, estimated, used, unknown, total);
    }

    /**
     * Adds {@value Preset#CAPACITY_ESTIMATE} to every substation layer of a scenario whose preset has no
     * capacity ({@link Preset#estimatesCapacity()}) and that does not have the field yet, from a lines layer
     * of the same scenario: one from the same source family (OpenStreetMap with OpenStreetMap, HIFLD with
     * HIFLD) when there is one, else the first lines layer. Layers in the analysis CRS. Returns the map with
     * the substation layers replaced (the same map when nothing applies).
     */
    public static Map<String, Layer> addToScenario(Map<String, Layer> layers) {
        Map<String, Preset> presets = new LinkedHashMap<>();
        for (Map.Entry<String, Layer> e : layers.entrySet()) {
            if (e.getValue() instanceof VectorLayer) {
                Presets.detect((VectorLayer) e.getValue()).ifPresent(p -> presets.put(e.getKey(), p));
            }
        }
        Map<String, Layer> out = layers;
        for (Map.Entry<String, Preset> e : presets.entrySet()) {
            VectorLayer subs = (VectorLayer) layers.get(e.getKey());
            if (!e.getValue().estimatesCapacity() || subs.schema().indexOf(Preset.CAPACITY_ESTIMATE) >= 0) {
                continue;
            }
            String family = e.getValue().id().substring(0, e.getValue().id().indexOf('-'));
            String lines = null;
            for (Map.Entry<String, Preset> l : presets.entrySet()) {
                if (l.getValue().theme() == Theme.LINES && (lines == null || l.getValue().id().startsWith(family)
                        && !presets.get(lines).id().startsWith(family))) {
                    lines = l.getKey();
                }
            }
            if (lines == null) {
                continue;
            }
            if (out == layers) {
                out = new LinkedHashMap<>(layers);
            }
            out.put(e.getKey(), estimate(subs, (VectorLayer) layers.get(lines)).layer());
        }
        return out;
    }

    private static String firstNumeric(VectorLayer l, String... names) {
        for (String n : names) {
            int i = l.schema().indexOf(n);
            if (i >= 0 && l.schema().field(i).type().isNumeric()) {
                return l.schema().field(i).name();
            }
        }
        return null;
    }

    private static String key(Object group, Object id) {
        return (group == null ? "" : group.toString()) + "\u0000" + norm(id);
    }

    private static String norm(Object v) {
        if (v instanceof Double && ((Double) v) == Math.rint((Double) v)) {
            return Long.toString(((Double) v).longValue());
        }
        return v.toString().trim().toUpperCase(Locale.ROOT);
    }

    private static Coordinate[] endPoints(Geometry g) {
        List<Coordinate> out = new ArrayList<>();
        for (int i = 0; i < g.getNumGeometries(); i++) {
            Geometry part = g.getGeometryN(i);
            if (part instanceof LineString && !part.isEmpty()) {
                LineString ls = (LineString) part;
                out.add(ls.getCoordinateN(0));
                out.add(ls.getCoordinateN(ls.getNumPoints() - 1));
            }
        }
        return out.toArray(new Coordinate[0]);
    }

    /** Nearest substation within a distance, in metres (great-circle for lon/lat). */
    private static final class Matcher {
        static final double EARTH_M = 6_371_008.8;
        final STRtree tree = new STRtree();
        final Coordinate[] at;
        final boolean geographic;

        Matcher(VectorLayer subs, boolean geographic) {
            this.geographic = geographic;
            at = new Coordinate[subs.size()];
            for (int i = 0; i < at.length; i++) {
                Geometry g = subs.get(i).geometry();
                if (g != null && !g.isEmpty()) {
                    at[i] = g.getDimension() == 0 ? g.getCoordinate() : g.getInteriorPoint().getCoordinate();
                    tree.insert(new Envelope(at[i]), i);
                }
            }
            tree.build();
        }

        double distance(int s, Coordinate c) {
            Coordinate a = at[s];
            if (a == null) {
                return Double.POSITIVE_INFINITY;
            }
            if (!geographic) {
                return a.distance(c);
            }
            double p1 = Math.toRadians(a.y);
            double p2 = Math.toRadians(c.y);
            double dp = p2 - p1;
            double dl = Math.toRadians(c.x - a.x);
            double h = Math.sin(dp / 2) * Math.sin(dp / 2) + Math.cos(p1) * Math.cos(p2) * Math.sin(dl / 2) * Math.sin(dl / 2);
            return 2 * EARTH_M * Math.asin(Math.min(1, Math.sqrt(h)));
        }

        int nearest(Coordinate c, double maxM) {
            Envelope e = new Envelope(c);
            if (geographic) {
                double dLat = Math.toDegrees(maxM / EARTH_M);
                double cos = Math.max(0.01, Math.cos(Math.toRadians(Math.min(89, Math.abs(c.y) + dLat))));
                e.expandBy(dLat / cos, dLat);
            } else {
                e.expandBy(maxM);
            }
            int best = -1;
            double bestD = Double.POSITIVE_INFINITY;
            for (Object o : tree.query(e)) {
                int s = (Integer) o;
                double d = distance(s, c);
                if (d <= maxM && (d < bestD || (d == bestD && s < best))) {
                    bestD = d;
                    best = s;
                }
            }
            return best;
        }
    }
}
