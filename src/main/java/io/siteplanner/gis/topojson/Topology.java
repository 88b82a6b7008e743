package io.siteplanner.gis.topojson;

import io.siteplanner.gis.geojson.PropertyTable;
import java.util.List;

/**
 * A topology as parsed, before any geometry is built: its transform, its arcs and its layers, each a list
 * of geometry objects whose arcs are still indexes. Built by {@link TopologyParser}, turned into a layer by
 * {@link LayerBuilder}.
 *
 * @param transform the quantization transform, or null when the topology is not quantized
 * @param arcs      the decoded arcs
 * @param layers    GDAL's layers, in its order: one per GeometryCollection member of {@code objects} (in file
 *                  order), then {@link #LOOSE_LAYER} when there are objects that are single geometries
 */
record Topology(Transform transform, Arcs arcs, List<Layer> layers) {
    /** The layer GDAL makes of the members of {@code objects} that are single geometries. */
    static final String LOOSE_LAYER = "TopoJSON";

    /** One layer: its name, its property table (field 0 is always {@code id}) and its geometry objects. */
    record Layer(String name, PropertyTable properties, List<Geom> geometries) {
    }

    /** One geometry object, as read; becomes one feature. Mutable while parsing only. */
    static final class Geom {
        /** 1-based position in its layer: the feature's fid. */
        final int position;
        /** The {@code type} member: null when absent or JSON null (see {@link #typed}). */
        String type;
        /** True when there was a {@code type} member (JSON null included). */
        boolean typed;
        /** Arc indexes: {@code int[]}, or {@code Object[]} of deeper levels; null when absent. */
        Object arcs;
        /** {@code double[]} for one position, {@code double[][]} for several; null when absent. */
        Object coordinates;
        /** The {@code id} member as text (string or integer), or null. */
        String id;
        /** Raw property values, indexed by the layer's {@link PropertyTable}; may be null. */
        Object[] values;
        /** Why this object cannot become a feature (first problem found), or null. */
        String problem;

        Geom(int position) {
            this.position = position;
        }

        void fail(String why) {
            if (problem == null) {
                problem = why;
            }
        }
    }
}
